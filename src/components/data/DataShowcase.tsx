import { useEffect, useMemo, useRef, useState } from 'react';
import {
  BUILTIN_DATASET_IDS,
  builtinDataset,
  firstOfEachClass,
  isBuiltinDataset,
  type DatasetInfo,
  type MnistSet,
} from '../../engine';
import { t } from '../../i18n';
import { getBuiltinTestSet } from '../../state/datasetService';
import { useSetHashParams } from '../../state/useHashRoute';
import { useContentBox } from '../canvas/useContentWidth';
import { galleryGridPixels, type GalleryPictures } from './drawGallery';
import { loadAllPictures } from './StoredDatasetCard';
import { useDatasetLink } from './useDatasetLink';

/** White pixels between two pictures and between two rows, in picture pixels. */
const GAP = 2;
/** The most pictures a class row shows, however wide the screen. */
const MOST_PER_ROW = 16;

/**
 * The Data area presented (`present=1`): the list of datasets as buttons, and the chosen one's gallery
 * as ONE grid (a row per class, its name beside it) as large as the screen allows. At a desk every
 * dataset is a card with its facts and a small gallery; from the back of a room those are two strips
 * of thumbnails, so the room sees one set at a time, large, and the teacher switches between them.
 * The chosen set is the link's `dataset=` (as in Train: a built-in id or a stored set's; a refused
 * value is named and the set shown before stays), so a teacher's link opens on the set to show.
 */
export function DataShowcase({ stored }: { stored: readonly DatasetInfo[] | null }) {
  const choices: DatasetInfo[] = useMemo(
    () => [...BUILTIN_DATASET_IDS.map((id) => builtinDataset(id)), ...(stored ?? [])],
    [stored],
  );
  const { chosen, error: linkError } = useDatasetLink(stored);
  const setParams = useSetHashParams('data');
  const choose = (id: string) => setParams(new URLSearchParams({ dataset: id }), { push: true });
  const info = choices.find((d) => d.id === chosen) ?? choices[0]!;
  const [loaded, setLoaded] = useState<{ id: string; set: MnistSet } | { id: string; error: string } | null>(
    null,
  );
  useEffect(() => {
    let live = true;
    const id = info.id;
    (isBuiltinDataset(id) ? getBuiltinTestSet(id) : loadAllPictures(id)).then(
      (set) => live && setLoaded({ id, set }),
      (err: unknown) => live && setLoaded({ id, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [info.id]);
  const current = loaded?.id === info.id ? loaded : null;
  return (
    <div className="data-show" data-testid="data-show">
      {linkError && (
        <p className="message error data-show-link" role="alert" data-testid="data-link-error">
          {linkError}
        </p>
      )}
      <div className="data-show-list" role="group" aria-label={t('data.show.listLabel')}>
        {choices.map((d) => (
          <button
            key={d.id}
            type="button"
            className={d.id === info.id ? '' : 'secondary'}
            aria-pressed={d.id === info.id}
            onClick={() => choose(d.id)}
            data-testid={`data-show-${d.id}`}
          >
            {d.name}
          </button>
        ))}
      </div>
      {current && 'error' in current ? (
        <p className="message error" role="alert">
          {t('data.card.failed', { message: current.error })}
        </p>
      ) : current ? (
        <GalleryGrid info={info} set={current.set} />
      ) : (
        <p className="data-note">{t('data.card.loading')}</p>
      )}
    </div>
  );
}

/**
 * One dataset's pictures as one canvas, a row per class, drawn at its displayed size × devicePixelRatio
 * with square pixels. The room (`.data-show-room`, sized by present.css) sets the size: the rows share
 * its height, and each row takes as many pictures as its width then holds (up to 16).
 */
function GalleryGrid({ info, set }: { info: DatasetInfo; set: MnistSet }) {
  const [h, w, c] = info.inputShape;
  const classes = info.classNames.length;
  const [room, box] = useContentBox<HTMLDivElement>();
  // Screen pixels per picture pixel: the rows fill the room's height; then the width says how many fit.
  const rowScale = box && box.height > 0 ? box.height / (classes * (h + GAP) - GAP) : 2;
  const perRow =
    box && box.width > 0
      ? Math.max(1, Math.min(MOST_PER_ROW, Math.floor((box.width / rowScale + GAP) / (w + GAP))))
      : 8;
  const widthPx = perRow * (w + GAP) - GAP;
  const heightPx = classes * (h + GAP) - GAP;
  const scale = box && box.width > 0 ? Math.min(rowScale, box.width / widthPx) : rowScale;
  const rows = useMemo(() => firstOfEachClass(set.labels, classes, perRow), [set, classes, perRow]);
  const pics: GalleryPictures = useMemo(() => ({ images: set.images, h, w, c }), [set, h, w, c]);
  const ref = useRef<HTMLCanvasElement>(null);
  const cssW = Math.floor(widthPx * scale);
  const cssH = Math.floor(heightPx * scale);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    const grid = galleryGridPixels(pics, rows, perRow, GAP);
    const off = new OffscreenCanvas(grid.width, grid.height);
    off.getContext('2d')?.putImageData(new ImageData(grid.data, grid.width, grid.height), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
  }, [pics, rows, perRow, cssW, cssH]);
  const label = t('data.show.gridLabel', { name: info.name, n: perRow });
  return (
    <figure className="data-show-gallery">
      <figcaption className="data-show-title">
        {t('data.card.galleryTitle', { name: info.name, n: perRow, h, w })}
      </figcaption>
      <div className="data-show-grid">
        {/* Each class's name beside its row, in text (a projector's text floor applies). */}
        <ol className="data-show-names" aria-label={t('data.show.namesLabel')}>
          {info.classNames.map((name, k) => (
            <li key={k} style={{ height: h * scale, marginBottom: k < classes - 1 ? GAP * scale : 0 }}>
              {name}
            </li>
          ))}
        </ol>
        <div className="data-show-room" ref={room}>
          <canvas
            ref={ref}
            role="img"
            aria-label={label}
            className="data-show-canvas"
            style={{ width: cssW, height: cssH }}
            data-testid="data-show-canvas"
          />
        </div>
      </div>
    </figure>
  );
}
