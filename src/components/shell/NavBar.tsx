import { NAV_AREAS, type Area } from '../../state/hashRoute';
import { AREA_ENTRIES } from './areas';
import { t } from '../../i18n';

/** The app bar: the brand (home), the areas in learning-path order, and the Present switch. */
export function NavBar({
  current,
  present,
  onPresent,
}: {
  current: Area;
  present: boolean;
  onPresent: (on: boolean) => void;
}) {
  return (
    <header className="navbar">
      <a className="brand" href="#/" aria-label={t('shell.brandLabel')}>
        {t('shell.brand')}
      </a>
      <nav aria-label={t('shell.navLabel')}>
        <ul>
          {NAV_AREAS.map((area) => (
            <li key={area}>
              <a href={`#/${area}`} aria-current={area === current ? 'page' : undefined}>
                <span className="nav-title">{AREA_ENTRIES[area].title}</span>
                <span className="nav-blurb">{AREA_ENTRIES[area].blurb}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="nav-present"
        aria-pressed={present}
        title={t('ui.present.onLabel')}
        onClick={() => onPresent(!present)}
        data-testid="present-toggle"
      >
        {present ? t('ui.present.off') : t('ui.present.on')}
      </button>
    </header>
  );
}
