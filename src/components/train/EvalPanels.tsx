import { memo, useMemo, useState } from 'react';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { cssColorOf, textColorOn, type ColorScale } from '../canvas/colorScales';
import type { Mistake } from '../../engine/train/evaluate';
import { t } from '../../i18n';
import { LayoutBoundaryIf } from './LayoutBoundary';
import { useTrainWords } from './trainWords';
import { GalleryRow } from '../data/GalleryRow';
import { useFrameLater } from './useFrameLater';

/** The test pictures; `inputShape` when they are not 28×28 greyscale digits (a stored dataset). */
type TestSet = { images: Uint8Array; labels: Uint8Array; inputShape?: [number, number, number] };
const INK: ColorScale = { kind: 'sequential', domain: [0, 255] };

/** One MNIST digit, ink on paper, clickable. */
export const DigitButton = memo(function DigitButton({
  set,
  index,
  caption,
  onPick,
  selected,
}: {
  set: TestSet;
  index: number;
  caption: string;
  onPick: (index: number) => void;
  selected: boolean;
}) {
  const nouns = useTrainWords();
  const [h, w, c] = set.inputShape ?? [28, 28, 1];
  const size = h * w * c;
  const pixels = useMemo(() => set.images.subarray(index * size, index * size + size), [set, index, size]);
  const pics = useMemo(() => ({ images: set.images, h, w, c }), [set, h, w, c]);
  const one = useMemo(() => [index], [index]);
  return (
    <button
      type="button"
      className={`train-digit${selected ? ' selected' : ''}`}
      onClick={() => onPick(index)}
      aria-label={t('train.digit.button', { ...nouns, index: String(index), caption })}
    >
      {c === 1 ? (
        <Heatmap
          values={pixels}
          w={w}
          h={h}
          scale={INK}
          cellPx={2}
          pixelPerCell
          // 16 new canvases at an epoch's end (40 for a confusion cell): painted in the commit's effects,
          // their contexts and pixels were one 50 ms task at 4× CPU throttling; budgeted, a few per task.
          paintLater
          label={t('train.digit.label', { ...nouns, index: String(index) })}
        />
      ) : (
        // Colour pictures as they are (a heat map shows one channel only).
        <GalleryRow
          pics={pics}
          indices={one}
          scale={2}
          label={t('train.digit.label', { ...nouns, index: String(index) })}
        />
      )}
      <span>{caption}</span>
    </button>
  );
});

export const ConfusionPanel = memo(function ConfusionPanel({
  confusion,
  predictions,
  set,
  epoch,
  onPick,
  picked,
  classNames,
  contained = false,
}: {
  /** What each class is called (digits 0–9 for MNIST, clothes for Fashion-MNIST). */
  classNames: readonly string[];
  confusion: Int32Array | null;
  predictions: Uint8Array | null;
  set: TestSet | null;
  epoch: number | null;
  onPick: (index: number) => void;
  picked: number | null;
  /** Lays its table out on its own (LayoutBoundary): the Train area, where it comes at an epoch's end. */
  contained?: boolean;
}) {
  const nouns = useTrainWords();
  const [cell, setCell] = useState<{ label: number; predicted: number } | null>(null);
  const name = (c: number) => classNames[c] ?? String(c);
  // Words instead of digits: the column headings turn sideways so the table keeps its width.
  const named = classNames.some((n) => n.length > 2);
  // As many rows and columns as classes (ten for MNIST, 2–10 for a stored dataset).
  const n = classNames.length;
  const maxOff = useMemo(() => {
    let m = 1;
    if (confusion) confusion.forEach((v, i) => (i % (n + 1) === 0 ? null : (m = Math.max(m, v))));
    return m;
  }, [confusion, n]);
  const cellDigits = useMemo(() => {
    if (!cell || !predictions || !set) return [];
    const out: number[] = [];
    for (let i = 0; i < predictions.length && out.length < 40; i++) {
      if (set.labels[i] === cell.label && predictions[i] === cell.predicted) out.push(i);
    }
    return out;
  }, [cell, predictions, set]);
  // The table's first appearance is about 400 new boxes (100 buttons in their cells): styled, laid out
  // and painted in one frame, that was a 40–60 ms task at 4× CPU throttling in the Train area. There
  // its first half of the rows comes in one frame and the rest in the next (an epoch's later tables
  // change only numbers and colours, all at once).
  const whole = useFrameLater(confusion !== null, (shown) => !shown || !contained);
  const rows = contained && !whole ? Math.ceil(n / 2) : n;
  // Off-diagonal counts (mistakes) share one sequential scale so rare confusions still show.
  const scale: ColorScale = { kind: 'sequential', domain: [0, maxOff] };
  return (
    <Panel
      title={
        epoch === null
          ? t('train.confusion.title')
          : t('train.confusion.titleEpoch', { n: String(epoch + 1) })
      }
      shape={t('train.confusion.shape', {
        n,
        count: (set?.labels.length ?? 10000).toLocaleString('en-US'),
      })}
      className="train-confusion"
      testId="confusion"
    >
      <LayoutBoundaryIf on={contained}>
        {!confusion ? (
          <p className="train-note">{t('train.confusion.pending')}</p>
        ) : (
          <>
            <p className="train-note">{t('train.confusion.note', nouns)}</p>
            {/* On a phone ten columns of finger-sized cells are wider than the screen: the matrix scrolls
              sideways in its own box, the page does not. */}
            <div
              className="train-cm-scroll"
              role="region"
              aria-label={t('train.confusion.region')}
              tabIndex={0}
            >
              <table className={named ? 'train-cm named' : 'train-cm'}>
                <thead>
                  <tr>
                    <th scope="col">{t('train.confusion.corner')}</th>
                    {Array.from({ length: n }, (_, j) => (
                      <th key={j} scope="col">
                        <span>{name(j)}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: rows }, (_, i) => (
                    <tr key={i}>
                      <th scope="row">{name(i)}</th>
                      {Array.from({ length: n }, (_, j) => {
                        const v = confusion[i * n + j] ?? 0;
                        const diag = i === j;
                        const isSel = cell?.label === i && cell.predicted === j;
                        return (
                          <td key={j}>
                            <button
                              type="button"
                              className={`train-cm-cell${diag ? ' diag' : ''}${isSel ? ' selected' : ''}`}
                              style={
                                diag
                                  ? undefined
                                  : { background: cssColorOf(v, scale), color: textColorOn(v, scale) }
                              }
                              onClick={() => setCell({ label: i, predicted: j })}
                              aria-label={t('train.confusion.cell', {
                                n: String(v),
                                label: name(i),
                                said: name(j),
                              })}
                            >
                              {v}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {cell && set && (
              <div className="train-cell-digits" data-testid="cell-digits">
                <h3>
                  {cell.label === cell.predicted
                    ? t('train.confusion.right', { label: name(cell.label) })
                    : t('train.confusion.wrong', { label: name(cell.label), said: name(cell.predicted) })}
                  {t('train.confusion.shown', {
                    n: String(cellDigits.length),
                    more: cellDigits.length === 40 ? t('train.confusion.more') : '',
                  })}
                </h3>
                <div className="train-digit-row">
                  {cellDigits.map((i) => (
                    <DigitButton
                      key={i}
                      set={set}
                      index={i}
                      caption={t('train.digit.caption', { index: String(i) })}
                      onPick={onPick}
                      selected={picked === i}
                    />
                  ))}
                </div>
              </div>
            )}
          </>
        )}
      </LayoutBoundaryIf>
    </Panel>
  );
});

export const MistakesPanel = memo(function MistakesPanel({
  mistakes,
  set,
  onPick,
  picked,
  classNames,
  contained = false,
}: {
  classNames: readonly string[];
  mistakes: Mistake[] | null;
  set: TestSet | null;
  onPick: (index: number) => void;
  picked: number | null;
  /** Lays its pictures out on their own (LayoutBoundary): the Train area, at an epoch's end. */
  contained?: boolean;
}) {
  return (
    <Panel
      title={t('train.mistakes.title')}
      shape={t('train.mistakes.shape')}
      className="train-mistakes"
      testId="mistakes"
    >
      <LayoutBoundaryIf on={contained}>
        {!mistakes || !set ? (
          <p className="train-note">{t('train.confusion.pending')}</p>
        ) : (
          <div className="train-digit-row">
            {mistakes.slice(0, 16).map((m) => (
              <DigitButton
                key={m.index}
                set={set}
                index={m.index}
                caption={t('train.mistakes.caption', {
                  label: classNames[m.label] ?? String(m.label),
                  said: classNames[m.predicted] ?? String(m.predicted),
                  pct: String(Math.round((m.probs[m.predicted] ?? 0) * 100)),
                })}
                onPick={onPick}
                selected={picked === m.index}
              />
            ))}
          </div>
        )}
      </LayoutBoundaryIf>
    </Panel>
  );
});
