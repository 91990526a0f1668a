import { useMemo, useState } from 'react';
import { filterSlice, type FilterBank } from '../../engine';
import { chooseSharedScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';

export type Answer = { top: number; confidence: number } | null;

/**
 * "What if": change one conv1 filter of the network (on Draw's own copy of the weights) and watch every
 * later map and the answer change. Reset copies the real weights back.
 */
export function WhatIfPanel({
  bank,
  filter,
  onFilter,
  onEdit,
  onReset,
  edited,
  before,
  now,
}: {
  bank: FilterBank | null;
  filter: number;
  onFilter: (i: number) => void;
  onEdit: (weights: Float32Array, bias: number) => void;
  onReset: () => void;
  edited: boolean;
  before: Answer;
  now: Answer;
}) {
  const [cell, setCell] = useState<{ row: number; col: number }>({ row: 2, col: 2 });
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
  if (!bank || !weights) {
    return (
      <Panel title="What if? Change a filter" className="draw-whatif">
        <p>Waiting for the model…</p>
      </Panel>
    );
  }
  const bias = bank.bias[filter] ?? 0;
  const value = weights[cell.row * 5 + cell.col] ?? 0;
  const setValue = (v: number) => {
    const next = Float32Array.from(weights);
    next[cell.row * 5 + cell.col] = v;
    onEdit(next, bias);
  };
  const pct = (a: NonNullable<Answer>) => `${a.top} (${Math.round(a.confidence * 100)}%)`;

  return (
    <Panel
      title="What if? Change a conv1 filter"
      shape={`filter ${filter + 1} of ${count} · 5×5`}
      className="draw-whatif"
      testId="whatif"
    >
      <div className="draw-filter-picker" role="group" aria-label="Pick a conv1 filter">
        {slices.map((s, i) => (
          <button
            key={i}
            type="button"
            className={i === filter ? 'draw-filter-pick selected' : 'draw-filter-pick secondary'}
            aria-pressed={i === filter}
            aria-label={`Filter ${i + 1}`}
            onClick={() => onFilter(i)}
          >
            <Heatmap values={s} w={5} h={5} scale={scale} cellPx={6} label={`conv1 filter ${i + 1}`} />
            <span>{i + 1}</span>
          </button>
        ))}
      </div>
      <div className="draw-whatif-body">
        <Heatmap
          values={weights}
          w={5}
          h={5}
          scale={scale}
          cellPx={32}
          showNumbers
          decimals={2}
          label={`conv1 filter ${filter + 1} weights`}
          highlights={highlights}
          onCellClick={setCell}
          testId="whatif-kernel"
        />
        <div className="draw-whatif-controls">
          <label>
            Weight at row {cell.row + 1}, column {cell.col + 1}
            <input
              type="number"
              step="0.1"
              value={Number(value.toFixed(3))}
              onChange={(e) => {
                const v = e.currentTarget.valueAsNumber;
                if (Number.isFinite(v)) setValue(v);
              }}
              aria-label="Selected weight"
            />
          </label>
          <div className="draw-whatif-buttons">
            <button type="button" className="secondary" onClick={() => onEdit(new Float32Array(25), 0)}>
              Zero this filter
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
              Flip its sign
            </button>
            <button type="button" onClick={onReset} disabled={!edited}>
              Reset model
            </button>
          </div>
          <p className="draw-whatif-status" data-testid="whatif-status">
            {edited
              ? before && now
                ? `Before your edit: ${pct(before)} → now: ${pct(now)}`
                : 'Edited: the maps below use your filter.'
              : 'The real trained filter. Click a cell, then change its number.'}
          </p>
        </div>
      </div>
      <ColorLegend scale={scale} width={120} title="Weights" />
      <p className="draw-note">Only Draw&apos;s copy changes; the saved model stays as it was.</p>
    </Panel>
  );
}
