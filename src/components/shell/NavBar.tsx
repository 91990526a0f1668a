import { AREAS, type Area } from '../../state/hashRoute';
import { AREA_ENTRIES } from './areas';
import { t } from '../../i18n';

export function NavBar({ current }: { current: Area }) {
  return (
    <header className="navbar">
      <a className="brand" href="#/convolution" aria-label={t('shell.brandLabel')}>
        {t('shell.brand')}
      </a>
      <nav aria-label={t('shell.navLabel')}>
        <ul>
          {AREAS.map((area) => (
            <li key={area}>
              <a href={`#/${area}`} aria-current={area === current ? 'page' : undefined}>
                <span className="nav-title">{AREA_ENTRIES[area].title}</span>
                <span className="nav-blurb">{AREA_ENTRIES[area].blurb}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
