import { memo, useMemo } from 'react';
import { format, line, scaleLinear, scaleLog } from 'd3';
import type { RunSummary } from '../../../engine';
import { t } from '../../../i18n';
import { runStyle } from './runStyles';

export type CompareKind = 'accuracy' | 'loss';

const W = 440;
const H = 240;
const M = { top: 12, right: 16, bottom: 40, left: 60 };

/**
 * Several runs' training curves on one pair of axes: each run in its own colour AND line style, with
 * its marker at every whole-epoch test result, so the lines can be told apart without colour. d3
 * computes scales and paths; React owns the SVG.
 */
export const CompareChart = memo(function CompareChart({
  kind,
  runs,
}: {
  kind: CompareKind;
  runs: readonly RunSummary[];
}) {
  const model = useMemo(() => {
    const maxEpochs = Math.max(1, ...runs.map((r) => r.settings.epochs));
    const x = scaleLinear()
      .domain([0, maxEpochs])
      .range([M.left, W - M.right]);
    const points = runs.flatMap((r) => r.curve);
    const tests = runs.flatMap((r) => r.epochs);
    let y;
    if (kind === 'loss') {
      const values = [...points.map((p) => p.loss), ...tests.map((e) => e.testLoss)];
      const lo = Math.min(0.05, ...values);
      const hi = Math.max(0.5, ...values);
      y = scaleLog()
        .domain([Math.max(0.005, lo), hi])
        .range([H - M.bottom, M.top])
        .clamp(true);
    } else {
      const values = [...points.map((p) => p.accuracy * 100), ...tests.map((e) => e.testAccuracy * 100)];
      const lo = Math.min(90, ...values);
      y = scaleLinear()
        .domain([Math.max(0, Math.floor(lo / 10) * 10), 100])
        .range([H - M.bottom, M.top])
        .clamp(true);
    }
    const valueOf = (v: number) => (kind === 'loss' ? Math.max(v, 1e-4) : v * 100);
    const lines = runs.map((r, i) => {
      const path =
        line<RunSummary['curve'][number]>()
          .x((p) => x(p.epochFloat))
          .y((p) => y(valueOf(kind === 'loss' ? p.loss : p.accuracy)))(r.curve) ?? '';
      const marks = r.epochs.map((e) => ({
        x: x(e.epoch + 1),
        y: y(valueOf(kind === 'loss' ? e.testLoss : e.testAccuracy)),
      }));
      return { id: r.id, path, marks, style: runStyle(i) };
    });
    const [d0 = 0, d1 = 1] = y.domain();
    const yTicks =
      kind === 'loss'
        ? [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5].filter((v) => v >= d0 && v <= d1)
        : y.ticks(5);
    const fmtY = kind === 'loss' ? format('.2~g') : (v: number) => `${v}%`;
    const xTicks = x.ticks(Math.min(10, maxEpochs * 4));
    return { x, y, lines, yTicks, xTicks, fmtY };
  }, [kind, runs]);

  const title = t(kind === 'loss' ? 'compare.view.loss' : 'compare.view.accuracy');
  return (
    <figure className="compare-chart" data-testid={`compare-${kind}`} data-runs={runs.length}>
      <figcaption className="compare-chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {model.yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={W - M.right} y1={model.y(v)} y2={model.y(v)} className="train-grid" />
            <text
              x={M.left - 8}
              y={model.y(v)}
              className="compare-tick"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {model.fmtY(v)}
            </text>
          </g>
        ))}
        {model.xTicks.map((v) => (
          <text
            key={`x${v}`}
            x={model.x(v)}
            y={H - M.bottom + 18}
            className="compare-tick"
            textAnchor="middle"
          >
            {v}
          </text>
        ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} className="compare-axis" textAnchor="middle">
          {t('compare.view.axis')}
        </text>
        {model.lines.map((l) => (
          <g key={l.id} data-testid="compare-line" style={{ color: l.style.colour }}>
            <path
              d={l.path}
              className="compare-line"
              stroke="currentColor"
              strokeDasharray={l.style.dash || undefined}
            />
            {l.marks.map((m, j) => (
              <path
                key={j}
                d={l.style.marker}
                transform={`translate(${m.x},${m.y})`}
                className="compare-marker"
                fill="currentColor"
              />
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
});
