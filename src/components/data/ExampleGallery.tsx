import { memo, useMemo } from 'react';
import type { InputShape, MadeExample } from '../../engine';
import { t } from '../../i18n';
import { GalleryRow } from './GalleryRow';

/** The newest examples of each class shown; older ones stay in the dataset, counted. */
const SHOWN = 24;

/** Each class's examples, newest last; each one a button that deletes it. */
export const ExampleGallery = memo(function ExampleGallery({
  classNames,
  shape,
  examples,
  onDelete,
}: {
  classNames: readonly string[];
  shape: InputShape;
  examples: readonly MadeExample[];
  onDelete: (index: number) => void;
}) {
  const [h, w, c] = shape;
  const byClass = useMemo(() => {
    const rows = classNames.map(() => [] as number[]);
    examples.forEach((e, i) => rows[e.label]?.push(i));
    return rows;
  }, [classNames, examples]);
  return (
    <div className="data-gallery" data-testid="make-gallery">
      {classNames.map((name, k) => {
        const all = byClass[k] ?? [];
        return (
          <div className="data-class" key={k} data-testid={`make-class-${k}`}>
            <div className="data-class-name">{t('data.make.examples', { name, n: all.length })}</div>
            <div className="data-examples">
              {all.slice(-SHOWN).map((i, j) => (
                <button
                  key={i}
                  type="button"
                  className="data-example"
                  onClick={() => onDelete(i)}
                  aria-label={t('data.make.deleteExample', {
                    i: all.length - Math.min(all.length, SHOWN) + j + 1,
                    name,
                  })}
                >
                  <GalleryRow
                    pics={{ images: examples[i]?.pixels ?? new Uint8Array(h * w * c), h, w, c }}
                    indices={[0]}
                    scale={2}
                    label={name}
                  />
                </button>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
});
