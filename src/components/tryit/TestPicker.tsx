import { useMemo } from 'react';
import { t } from '../../i18n';
import type { MnistSet } from '../../engine';
import { GalleryRow } from '../data/GalleryRow';

/** How many test pictures are offered at once (a page of them); "Show other pictures" turns the page. */
export const PICKER_COUNT = 24;

/**
 * A grid of test pictures to try, each a button (at least 44 px, named by its class); the chosen one is
 * marked. `page` picks which pictures: page p offers pictures p·24 … p·24+23 of the test split.
 */
export function TestPicker({
  set,
  h,
  w,
  c,
  classNames,
  page,
  picked,
  onPick,
  onPage,
}: {
  set: MnistSet;
  h: number;
  w: number;
  c: number;
  classNames: readonly string[];
  page: number;
  picked: number | null;
  onPick: (i: number) => void;
  onPage: () => void;
}) {
  const pics = useMemo(() => ({ images: set.images, h, w, c }), [set, h, w, c]);
  const first = (page * PICKER_COUNT) % Math.max(1, set.count);
  const indices = Array.from(
    { length: Math.min(PICKER_COUNT, set.count) },
    (_, k) => (first + k) % set.count,
  );
  const scale = w >= 32 ? 1.5 : 2;
  return (
    <div className="try-picker" data-testid="try-picker">
      <p className="draw-note">{t('tryit.pick.hint')}</p>
      <div className="try-picker-grid">
        {indices.map((i) => {
          const name = classNames[set.labels[i] ?? 0] ?? '?';
          const label = t('tryit.pick.label', { i: i + 1, name });
          return (
            <button
              key={i}
              type="button"
              className={i === picked ? 'try-pick selected' : 'try-pick'}
              aria-pressed={i === picked}
              aria-label={label}
              data-testid={`try-pick-${i}`}
              onClick={() => onPick(i)}
            >
              <GalleryRow pics={pics} indices={[i]} scale={scale} label={label} />
            </button>
          );
        })}
      </div>
      <button type="button" className="secondary" onClick={onPage}>
        {t('tryit.pick.more')}
      </button>
    </div>
  );
}
