import { formatCell } from './drawHeatmap';

/**
 * Decimals a legend needs so that its end values read as numbers, not as "0": enough for two significant
 * digits of the larger end (0.0042 → 4 decimals), never fewer than the caller asked for, at most 6.
 * Saliency and occlusion maps hold values like 0.003, which two decimals printed as "0 0 0".
 */
export function legendDecimals(domain: readonly [number, number], atLeast: number): number {
  const m = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  if (!Number.isFinite(m) || m <= 0 || m >= 1) return atLeast;
  return Math.max(atLeast, Math.min(6, Math.ceil(-Math.log10(m)) + 1));
}

/**
 * One end of a legend as text: the cell format with the decimals above; a value so small that even six
 * decimals would print 0 is written in powers of ten ("3.2e−7") so that it never reads as zero.
 */
export function formatLegendValue(v: number, decimals: number): string {
  const s = formatCell(v, decimals);
  if (v === 0 || !Number.isFinite(v) || s !== '0') return s;
  return v.toExponential(1).replaceAll('-', '−');
}
