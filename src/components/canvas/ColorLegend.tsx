import { memo, useEffect, useRef } from 'react';
import { t } from '../../i18n';
import { type ColorScale } from './colorScales';
import { heatmapPixels } from './drawHeatmap';
import { queueCanvasPaint } from './budgetedPaints';

/** The colour bar's height, px. */
const LEGEND_H = 14;
import { formatLegendValue, legendDecimals } from './legendTicks';

/** Paints the bar: one row of colours copied down it. */
function paintRamp(canvas: HTMLCanvasElement, kind: ColorScale['kind'], width: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // A putImageData, not a fillRect (and a colour string parsed) per pixel column, which cost ~1 ms a
  // legend when the Train area's maps first appear.
  const unit: ColorScale = { kind, domain: [0, 1] };
  const ramp = Array.from({ length: width }, (_, x) => x / Math.max(1, width - 1));
  const row = heatmapPixels(ramp, width, 1, unit);
  const img = new ImageData(width, LEGEND_H);
  for (let y = 0; y < LEGEND_H; y++) img.data.set(row, y * width * 4);
  ctx.putImageData(img, 0, 0);
}

/** The colour ramp with its end values (and zero for signed data), in words for screen readers too. */
export const ColorLegend = memo(function ColorLegend({
  scale,
  width = 180,
  title,
  decimals = 2,
  paintLater = false,
}: {
  scale: ColorScale;
  width?: number;
  title?: string;
  /** Decimals of the end values at least (a small range gets more by itself, see legendDecimals). */
  decimals?: number;
  /**
   * Paint the bar in a task of its own (budgetedPaints) rather than in this commit's effects: for a
   * panel that mounts many legends at once while something else is busy (the Train area's first live
   * refresh). The bar is blank for that moment; the numbers and words are there at once.
   */
  paintLater?: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [lo, hi] = scale.domain;
  const kind = scale.kind;
  // The bar's colours depend only on the kind of map, not on the numbers at its ends.
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const paint = () => paintRamp(canvas, kind, width);
    if (paintLater) return queueCanvasPaint(canvas, paint, { first: true });
    paint();
  }, [kind, width, paintLater]);
  const signed = scale.kind === 'diverging';
  // Small ranges get the decimals they need: two decimals printed a saliency map's 0.003 as "0".
  const places = legendDecimals(scale.domain, decimals);
  const loText = formatLegendValue(lo, places);
  const hiText = formatLegendValue(hi, places);
  // The bar is as wide as the caller asks, or wider when the end values need it: presented, the text is
  // larger and "−0.21 0 0.21" ran together over a 120 px bar. Digits are 1ch wide (tabular numbers), so
  // the values plus a 2ch gap between them give the least width that keeps them apart.
  const ticks = signed ? [loText, t('canvas.legend.zero'), hiText] : [loText, hiText];
  const chars = ticks.reduce((n, s) => n + s.length, 0) + 2 * (ticks.length - 1);
  const barWidth = `max(${width}px, ${chars}ch)`;
  const words = signed
    ? t('canvas.legend.signedWords', { lo: loText, hi: hiText })
    : t('canvas.legend.sequentialWords', { hi: hiText });
  return (
    <figure className="legend" aria-label={words}>
      {title && <figcaption className="legend-title">{title}</figcaption>}
      <canvas
        ref={ref}
        width={width}
        height={LEGEND_H}
        style={{ width: barWidth, height: LEGEND_H }}
        aria-hidden="true"
      />
      <div className="legend-ticks" style={{ width: barWidth }} aria-hidden="true">
        {ticks.map((text, i) => (
          <span key={i}>{text}</span>
        ))}
      </div>
      <div className="legend-words">{signed ? t('canvas.legend.signed') : t('canvas.legend.sequential')}</div>
    </figure>
  );
});
