import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { extent, format, line, scaleLinear, scaleLog } from 'd3';
import { t } from '../../i18n';
import { useTrainWords } from './trainWords';
import type { CurvePoint, EpochPoint } from './trainSession';

export type CurveKind = 'loss' | 'accuracy';

/** The chart's size before it is measured (and in jsdom), px; its tick text, px. */
const DEFAULT_FRAME = { width: 420, font: 14 };

type Frame = { width: number; font: number; fill: number };

/** The SVG's box as laid out now: its width, its text size and (presentation) the height it is given. */
function measure(el: SVGSVGElement): Frame | null {
  const w = Math.floor(el.getBoundingClientRect().width / zoomOf(el));
  if (w <= 0) return null;
  const style = getComputedStyle(el);
  const font = parseFloat(style.fontSize) || DEFAULT_FRAME.font;
  // Presentation mode on a projector may give the chart a height of its own (present.css sets
  // `--chart-fill: 1` with it): the chart then fills that height instead of its usual shape.
  const fill =
    style.getPropertyValue('--chart-fill').trim() === '1'
      ? Math.floor(el.getBoundingClientRect().height / zoomOf(el))
      : 0;
  return { width: w, font, fill };
}

/** The CSS zoom the element is drawn at (presentation mode zooms an area to fit the screen). */
function zoomOf(el: Element): number {
  const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof z === 'number' && z > 0 ? z : 1;
}

/**
 * The chart is drawn in its own pixels: the SVG has no viewBox, so its coordinates are the box's CSS
 * pixels and the ticks are exactly the size the stylesheet gives them (14 px, 24 px in presentation
 * mode) at any width, rather than shrinking or swelling with the drawing; the margins grow with the
 * text so that no tick or axis title is cut or drawn over another.
 *
 * The box is measured before the browser paints (a layout effect, on mount and when the title's room
 * changes) and again whenever it changes size (a ResizeObserver). Measured only by the observer, the first paint used the
 * default frame (420 px, 14 px text) scaled to the box, and under load that first look lasted long
 * enough to be judged: at 1366×768 presenting the 24 px ticks were drawn 1.16× larger than the margins
 * made room for, cut at the left and "0.01" over the epoch "0" (the layout sweep's first try).
 */
function useChartFrame(titleLines: number) {
  const ref = useRef<SVGSVGElement>(null);
  const [frame, setFrame] = useState<Frame>({ ...DEFAULT_FRAME, fill: 0 });
  // Whole pixels only: sub-pixel jitter must not redraw the chart.
  const update = useCallback((next: Frame | null) => {
    if (next)
      setFrame((f) => (f.width === next.width && f.font === next.font && f.fill === next.fill ? f : next));
  }, []);
  // Before the first paint, and again when the title's room changes (presentation mode toggled); later
  // size changes come from the observer, so a render for new points forces no layout.
  useLayoutEffect(() => {
    if (ref.current) update(measure(ref.current));
  }, [update, titleLines]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => update(measure(el)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [update]);
  const { width, font, fill } = frame;
  const W = Math.max(200, width);
  // The title (presentation mode) sits in the top margin, a line and a half per line of it.
  const titleRoom = Math.round(titleLines * font * 1.5);
  const M = {
    top: Math.round(font * 0.8) + titleRoom,
    right: Math.round(font * 1.2),
    bottom: Math.round(font * 3),
    left: Math.round(font * 3.5),
  };
  // Wide and low like before (420 × 190), but never so low that the plot has no room between margins.
  const least = M.top + M.bottom + font * 6;
  const H = Math.round(fill > 0 ? Math.max(fill, least) : Math.max(W * 0.45 + titleRoom, least));
  // A box narrower than the least drawing (a very narrow column) shows it scaled down, not clipped.
  const viewBox = width > 0 && width < W ? `0 0 ${W} ${H}` : undefined;
  return { ref, W, H, M, font, viewBox };
}

/**
 * Loss or accuracy against epochs. d3 computes scales and path strings; React owns the SVG.
 * The thin line is every ~0.1 s of training, the dots are whole-epoch checks (validation and test).
 */
export const CurvesChart = memo(function CurvesChart({
  kind,
  curve,
  epochs,
  totalEpochs,
  showTitle = false,
  titleInChart = false,
  testCount = 10000,
}: {
  kind: CurveKind;
  curve: CurvePoint[];
  epochs: EpochPoint[];
  totalEpochs: number;
  /** How many pictures the test set holds (MNIST's 10,000 when absent). */
  testCount?: number;
  /** Writes the title above the chart (the Train area names its two charts by their axes alone). */
  showTitle?: boolean;
  /**
   * Draws the title inside the chart, in its top margin (the Train area presenting: on a projector
   * the chart is the screen's main picture, and the title takes none of the page's height from it).
   */
  titleInChart?: boolean;
}) {
  const nouns = useTrainWords();
  const { ref, W, H, M, font, viewBox } = useChartFrame(titleInChart ? 1 : 0);
  const model = useMemo(() => {
    const x = scaleLinear()
      .domain([0, Math.max(1, totalEpochs)])
      .range([M.left, W - M.right]);
    const valueOf = (p: CurvePoint) => (kind === 'loss' ? p.loss : p.accuracy * 100);
    let y;
    if (kind === 'loss') {
      const [lo = 0.01, hi = 2.5] = extent(curve, (p) => p.loss);
      y = scaleLog()
        .domain([Math.max(0.005, Math.min(lo, 0.05)), Math.max(hi, 0.5)])
        .range([H - M.bottom, M.top])
        .clamp(true);
    } else {
      const lo = Math.min(90, ...curve.map((p) => p.accuracy * 100));
      y = scaleLinear()
        .domain([Math.max(0, Math.floor(lo / 10) * 10), 100])
        .range([H - M.bottom, M.top])
        .clamp(true);
    }
    const path =
      line<CurvePoint>()
        .x((p) => x(p.epochFloat))
        .y((p) => y(Math.max(valueOf(p), kind === 'loss' ? 1e-4 : 0)))(curve) ?? '';
    const [d0 = 0, d1 = 1] = y.domain();
    const candidates =
      kind === 'loss'
        ? [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5].filter((t) => t >= d0 && t <= d1)
        : y.ticks(5);
    // A tick only where its number has a line of its own (a low chart keeps every other one).
    const yTicks: number[] = [];
    for (const v of candidates) {
      const last = yTicks[yTicks.length - 1];
      if (last === undefined || Math.abs(y(v) - y(last)) >= font * 1.3) yTicks.push(v);
    }
    const fmtY =
      kind === 'loss' ? format('.2~g') : (v: number) => t('train.curves.percent', { value: String(v) });
    // As many epoch ticks as have room for their numbers (about four characters each).
    const room = Math.floor((W - M.left - M.right) / (font * 3));
    const xTicks = x.ticks(Math.max(1, Math.min(10, totalEpochs, room)));
    const dots = epochs.map((e) => ({
      x: x(e.epochFloat),
      test: kind === 'loss' ? y(Math.max(e.testLoss, 1e-4)) : y(e.testAccuracy * 100),
      val:
        e.valAccuracy === null || e.valLoss === null
          ? null
          : kind === 'loss'
            ? y(Math.max(e.valLoss, 1e-4))
            : y(e.valAccuracy * 100),
    }));
    return { x, y, path, yTicks, xTicks, fmtY, dots };
  }, [kind, curve, epochs, totalEpochs, W, H, M.left, M.right, M.top, M.bottom, font]);

  // SVG text does not wrap: the long axis title only where it has room (about 0.56 em a character).
  const longAxis = t('train.curves.axis', nouns);
  const axisTitle = longAxis.length * font * 0.56 <= W - font ? longAxis : t('train.curves.axisShort');
  const last = curve[curve.length - 1];
  const title = t(kind === 'loss' ? 'train.curves.loss' : 'train.curves.accuracy');
  const summary = last
    ? t('train.curves.latest', {
        title,
        value:
          kind === 'loss'
            ? last.loss.toFixed(3)
            : t('train.curves.percent', { value: (last.accuracy * 100).toFixed(1) }),
      })
    : t('train.curves.notYet', { title });
  return (
    <figure
      className="train-chart"
      aria-label={summary}
      data-testid={`curve-${kind}`}
      data-points={curve.length}
    >
      {showTitle && <div className="train-chart-title">{title}</div>}
      <svg ref={ref} width={W} height={H} viewBox={viewBox} role="img" aria-label={summary}>
        {titleInChart && (
          <text x={font * 0.2} y={font * 1.1} className="train-chart-title">
            {title}
          </text>
        )}
        {model.yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={M.left} x2={W - M.right} y1={model.y(t)} y2={model.y(t)} className="train-grid" />
            <text
              x={M.left - font * 0.5}
              y={model.y(t)}
              className="train-tick"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {model.fmtY(t)}
            </text>
          </g>
        ))}
        {model.xTicks.map((t) => (
          <text
            key={`x${t}`}
            x={model.x(t)}
            y={H - M.bottom + font * 1.2}
            className="train-tick"
            textAnchor="middle"
          >
            {t}
          </text>
        ))}
        <text
          x={(M.left + W - M.right) / 2}
          y={H - font * 0.3}
          className="train-axis-label"
          textAnchor="middle"
        >
          {axisTitle}
        </text>
        <path d={model.path} className="train-line-train" />
        {model.dots.map((d, i) => (
          <g key={i}>
            <circle cx={d.x} cy={d.test} r={5} className="train-dot-test" />
            {d.val !== null && (
              <rect x={d.x - 4} y={d.val - 4} width={8} height={8} className="train-dot-val" />
            )}
          </g>
        ))}
      </svg>
      <figcaption className="train-chart-key">
        <span className="train-key-train">{t('train.curves.keyTrain')}</span>
        <span className="train-key-test">
          {t('train.curves.keyTest', { n: testCount.toLocaleString('en-US') })}
        </span>
        <span className="train-key-val">{t('train.curves.keyVal')}</span>
      </figcaption>
    </figure>
  );
});
