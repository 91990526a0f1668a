import { memo, useId, useMemo, useState } from 'react';
import { t } from '../../i18n';
import { filterSlice, type FilterBank } from '../../engine';
import { chooseSharedScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { NumberStepper } from '../ui';

/**
 * The largest weight one may type. Trained conv1 weights are under 1; ±10 already saturates every map,
 * and a typo ("55" for ".55") is better named than drawn.
 */
const WEIGHT_LIMIT = 10;

export type Answer = { top: number; confidence: number } | null;

/**
 * "What if": change one conv1 filter of the network (on Draw's own copy of the weights) and watch every
 * later map and the answer change. Reset copies the real weights back. Memoised: Draw passes stable
 * handlers and `now` only once a filter is edited, so an answer while drawing does not re-render it.
 */
export const WhatIfPanel = memo(function WhatIfPanel({
  bank,
  layer,
  noConv,
  filter,
  onFilter,
  onEdit,
  onReset,
  edited,
  before,
  now,
}: {
  bank: FilterBank | null;
  /** The name of the conv layer being edited (the first one). */
  layer: string;
  /** The network has no convolution layer: say so instead of waiting for filters. */
  noConv: boolean;
  filter: number;
  onFilter: (i: number) => void;
  onEdit: (weights: Float32Array, bias: number) => void;
  onReset: () => void;
  edited: boolean;
  before: Answer;
  now: Answer;
}) {
  const k = bank?.shape[0] ?? 5;
  const [picked, setCell] = useState<{ row: number; col: number }>({ row: 2, col: 2 });
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  // The middle cell of a smaller kernel when the picked one falls outside it.
  const fits = picked.row < k && picked.col < k;
  const cell = useMemo(() => (fits ? picked : { row: k >> 1, col: k >> 1 }), [fits, picked, k]);
  const count = bank?.shape[3] ?? 0;
  const slices = useMemo(
    () => (bank ? Array.from({ length: count }, (_, i) => filterSlice(bank, i)) : []),
    [bank, count],
  );
  const scale = useMemo(() => chooseSharedScale(slices.length ? slices : [new Float32Array(1)]), [slices]);
  const weights = slices[filter];
  const highlights = useMemo(
    () => [{ row: cell.row, col: cell.col, rows: 1, cols: 1, color: '#ffb000', width: 4 }],
    [cell],
  );
  if (noConv) {
    return (
      <Panel title={t('draw.whatIf.titleWaiting')} className="draw-whatif" testId="whatif">
        <p data-testid="whatif-no-conv">{t('draw.whatIf.noConv')}</p>
      </Panel>
    );
  }
  if (!bank || !weights) {
    return (
      <Panel title={t('draw.whatIf.titleWaiting')} className="draw-whatif">
        <p>{t('draw.whatIf.waiting')}</p>
      </Panel>
    );
  }
  const bias = bank.bias[filter] ?? 0;
  const value = weights[cell.row * k + cell.col] ?? 0;
  const setValue = (v: number) => {
    const next = Float32Array.from(weights);
    next[cell.row * k + cell.col] = v;
    onEdit(next, bias);
  };
  const pct = (a: NonNullable<Answer>) =>
    t('draw.whatIf.answer', { digit: String(a.top), pct: String(Math.round(a.confidence * 100)) });

  return (
    <Panel
      title={t('draw.whatIf.title', { layer })}
      shape={t('draw.whatIf.shape', { n: String(filter + 1), count: String(count), k })}
      className="draw-whatif"
      testId="whatif"
    >
      <div className="draw-filter-picker" role="group" aria-label={t('draw.whatIf.picker', { layer })}>
        {slices.map((s, i) => (
          <button
            key={i}
            type="button"
            className={i === filter ? 'draw-filter-pick selected' : 'draw-filter-pick secondary'}
            aria-pressed={i === filter}
            aria-label={t('draw.whatIf.filter', { n: String(i + 1) })}
            onClick={() => onFilter(i)}
          >
            <Heatmap
              values={s}
              w={k}
              h={k}
              scale={scale}
              cellPx={Math.max(3, Math.floor(30 / k))}
              label={t('draw.whatIf.filterMap', { layer, n: String(i + 1) })}
            />
            <span>{i + 1}</span>
          </button>
        ))}
      </div>
      <div className="draw-whatif-body">
        <Heatmap
          values={weights}
          w={k}
          h={k}
          scale={scale}
          cellPx={k <= 5 ? 64 : k === 6 ? 54 : 46}
          showNumbers
          decimals={2}
          // 17 px bold fits "−0.49" inside a 64 px cell and reads from the back of a classroom.
          fontPx={17}
          label={t('draw.whatIf.weightsMap', { layer, n: String(filter + 1) })}
          highlights={highlights}
          onCellClick={setCell}
          testId="whatif-kernel"
        />
        <div className="draw-whatif-controls">
          <NumberStepper
            label={t('draw.whatIf.weightAt', { row: String(cell.row + 1), col: String(cell.col + 1) })}
            ariaLabel={t('draw.whatIf.selected')}
            min={-WEIGHT_LIMIT}
            max={WEIGHT_LIMIT}
            step={0.1}
            decimals={3}
            value={Number(value.toFixed(3))}
            onTyped={(text) => {
              const v = Number(text);
              const ok = text.trim() !== '' && Number.isFinite(v) && Math.abs(v) <= WEIGHT_LIMIT;
              setProblem(ok ? null : t('draw.whatIf.badWeight', { text, limit: String(WEIGHT_LIMIT) }));
            }}
            onChange={(v) => {
              setProblem(null);
              setValue(v);
            }}
            describedBy={problem ? problemId : undefined}
          />
          {problem && (
            <p className="message error" id={problemId} role="alert" data-testid="whatif-problem">
              {problem}
            </p>
          )}
          <div className="draw-whatif-buttons">
            <button type="button" className="secondary" onClick={() => onEdit(new Float32Array(k * k), 0)}>
              {t('draw.whatIf.zero')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                onEdit(
                  weights.map((w) => -w),
                  -bias,
                )
              }
            >
              {t('draw.whatIf.flip')}
            </button>
            <button type="button" onClick={onReset} disabled={!edited}>
              {t('draw.whatIf.reset')}
            </button>
          </div>
          <p className="draw-whatif-status" data-testid="whatif-status">
            {edited
              ? before && now
                ? t('draw.whatIf.beforeNow', { before: pct(before), now: pct(now) })
                : t('draw.whatIf.edited')
              : t('draw.whatIf.real')}
          </p>
        </div>
      </div>
      <ColorLegend scale={scale} width={120} title={t('draw.whatIf.legend')} />
      <p className="draw-note">{t('draw.whatIf.note')}</p>
    </Panel>
  );
});
