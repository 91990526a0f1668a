import { AREAS, type Area } from '../../state/hashRoute';
import { AREA_ENTRIES } from './areas';

export function NavBar({ current }: { current: Area }) {
  return (
    <header className="navbar">
      <a className="brand" href="#/convolution" aria-label="CNN Studio home">
        CNN&nbsp;Studio
      </a>
      <nav aria-label="Areas">
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
