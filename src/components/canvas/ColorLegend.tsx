import { memo, useEffect, useRef } from 'react';
import { t } from '../../i18n';
import { cssColorOf, type ColorScale } from './colorScales';
import { formatCell } from './drawHeatmap';

/** The colour ramp with its end values (and zero for signed data), in words for screen readers too. */
export const ColorLegend = memo(function ColorLegend({
  scale,
  width = 180,
  title,
  decimals = 2,
}: {
  scale: ColorScale;
  width?: number;
  title?: string;
  /** Decimals of the end values (more for maps whose values are all tiny). */
  decimals?: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [lo, hi] = scale.domain;
  const kind = scale.kind;
  // The bar's colours depend only on the kind of map, not on the numbers at its ends.
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const unit: ColorScale = { kind, domain: [0, 1] };
    for (let x = 0; x < width; x++) {
      ctx.fillStyle = cssColorOf(x / (width - 1), unit);
      ctx.fillRect(x, 0, 1, 14);
    }
  }, [kind, width]);
  const signed = scale.kind === 'diverging';
  const words = signed
    ? t('canvas.legend.signedWords', { lo: formatCell(lo, decimals), hi: formatCell(hi, decimals) })
    : t('canvas.legend.sequentialWords', { hi: formatCell(hi, decimals) });
  return (
    <figure className="legend" aria-label={words}>
      {title && <figcaption className="legend-title">{title}</figcaption>}
      <canvas ref={ref} width={width} height={14} style={{ width, height: 14 }} aria-hidden="true" />
      <div className="legend-ticks" style={{ width }} aria-hidden="true">
        <span>{formatCell(lo, decimals)}</span>
        {signed && <span>{t('canvas.legend.zero')}</span>}
        <span>{formatCell(hi, decimals)}</span>
      </div>
      <div className="legend-words">{signed ? t('canvas.legend.signed') : t('canvas.legend.sequential')}</div>
    </figure>
  );
});
