import { presetKernel, PRESET_LABELS, type KernelPreset } from '../../engine';

/** The filters added after the user's own kernel when the bank grows (same size as the kernel). */
const BANK_ORDER: KernelPreset[] = [
  'horizontal',
  'vertical',
  'diagonal',
  'antidiagonal',
  'sobel-x',
  'sobel-y',
  'box-blur',
  'gaussian',
  'sharpen',
  'emboss',
  'identity',
];

/** `count` filters of size n×n: the user's kernel first, then classic presets, then seeded random ones. */
export function bankFilters(
  own: ArrayLike<number>,
  n: number,
  count: number,
): { names: string[]; filters: Float32Array[] } {
  const names = ['your kernel'];
  const filters: Float32Array[] = [Float32Array.from(own)];
  for (let i = 1; i < count; i++) {
    const preset = BANK_ORDER[i - 1];
    if (preset) {
      names.push(PRESET_LABELS[preset]);
      filters.push(presetKernel(preset, n));
    } else {
      names.push(`random #${i}`);
      filters.push(presetKernel('random', n, i));
    }
  }
  return { names, filters };
}

/** Repeats an n×n slice for every channel (channel-major), unless it already has one slice per channel. */
export function expandToChannels(values: ArrayLike<number>, n: number, channels: number): Float32Array {
  if (values.length === n * n * channels) return Float32Array.from(values);
  const out = new Float32Array(n * n * channels);
  for (let c = 0; c < channels; c++) for (let i = 0; i < n * n; i++) out[c * n * n + i] = values[i] ?? 0;
  return out;
}
