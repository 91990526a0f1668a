import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { firstOfEachClass, type DatasetInfo, type MnistSet } from '../../engine';
import { t, tx } from '../../i18n';
import { Panel } from '../canvas/Panel';
import { GalleryRow } from './GalleryRow';

const PER_CLASS = 8;
const fmt = (n: number) => n.toLocaleString('en-US');

/** Where a dataset came from, in words. */
function sourceText(info: DatasetInfo): string {
  const s = info.source;
  if (s.kind === 'builtin') return t('data.card.sourceBuiltin', { package: s.package });
  if (s.kind === 'imported') return t('data.card.sourceImported', { file: s.file, at: s.at.slice(0, 10) });
  return t('data.card.sourceMade', { at: s.at.slice(0, 10) });
}

/** One dataset: what it is, its numbers, where it came from, and a gallery of each class. */
export function DatasetCard({
  info,
  about,
  loadTest,
  actions,
  galleryOfAll = false,
  children,
}: {
  info: DatasetInfo;
  /** A paragraph on the dataset (built-in ones). */
  about?: string;
  /** The test split, for the gallery. */
  loadTest: () => Promise<MnistSet>;
  /** Buttons in the card's title bar (Export, Delete). */
  actions?: ReactNode;
  /** The gallery shows the first pictures of the whole set (a stored set), not of its test split. */
  galleryOfAll?: boolean;
  /** Messages under the facts. */
  children?: ReactNode;
}) {
  const [set, setSet] = useState<MnistSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadTest()
      .then((s) => live && setSet(s))
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [loadTest]);
  const [h, w, c] = info.inputShape;
  const rows = useMemo(
    () => (set ? firstOfEachClass(set.labels, info.classNames.length, PER_CLASS) : null),
    [set, info.classNames.length],
  );
  const pics = useMemo(() => (set ? { images: set.images, h, w, c } : null), [set, h, w, c]);
  return (
    <Panel
      title={info.name}
      shape={t('data.card.classes', { n: info.classNames.length })}
      className="data-card"
      testId={`dataset-${info.id}`}
      actions={actions}
    >
      {about && <p className="data-about">{about}</p>}
      <ul className="data-facts">
        <li>
          {t('data.card.size', { h, w, channels: c === 1 ? t('data.card.grey') : t('data.card.colour') })}
        </li>
        <li>{t('data.card.counts', { train: fmt(info.counts.train), test: fmt(info.counts.test) })}</li>
        <li>
          <strong>{t('data.card.source')}</strong> {sourceText(info)}
        </li>
      </ul>
      {children}
      <p>
        <a className="button-link" href={`#/train?dataset=${encodeURIComponent(info.id)}`}>
          {t('data.card.train')}
        </a>
      </p>
      <h3 className="data-gallery-title">
        {t('data.card.galleryTitle', { name: t('data.card.gallery'), n: PER_CLASS, h, w })}
      </h3>
      {error && (
        <p className="message error" role="alert">
          {t('data.card.failed', { message: error })}
        </p>
      )}
      {!error && !rows && <p className="data-note">{t('data.card.loading')}</p>}
      {rows && pics && (
        <div className="data-gallery">
          {info.classNames.map((name, k) => (
            <div className="data-class" key={k}>
              <div className="data-class-name">
                {tx('data.card.classRow', { name, count: fmt(info.counts.perClass[k] ?? 0) })}
              </div>
              <GalleryRow
                pics={pics}
                indices={rows[k] ?? []}
                scale={2}
                label={t(galleryOfAll ? 'data.card.rowLabelAll' : 'data.card.rowLabel', {
                  n: (rows[k] ?? []).length,
                  name,
                })}
              />
            </div>
          ))}
        </div>
      )}
    </Panel>
  );
}
