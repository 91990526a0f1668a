/**
 * Classic hand-made filters, for any square size 1–7. Each returns a new row-major n×n array.
 * The 3×3 versions are the textbook ones (e.g. Sobel x = [−1 0 1; −2 0 2; −1 0 1]); larger sizes
 * follow the same idea so that changing the size keeps the meaning.
 */
import { t } from '../../i18n';
import { mulberry32 } from '../data/random';

export const KERNEL_PRESETS = [
  'vertical-edge',
  'horizontal',
  'vertical',
  'diagonal',
  'antidiagonal',
  'sobel-x',
  'sobel-y',
  'box-blur',
  'gaussian',
  'sharpen',
  'identity',
  'emboss',
  'random',
] as const;
export type KernelPreset = (typeof KERNEL_PRESETS)[number];

/** A preset's name for people, in the current language: "Sobel x (left→right edges)". */
export function presetLabel(preset: KernelPreset): string {
  return t(`engine.presets.${preset}`);
}

/**
 * The classic presets in the order a filter bank adds them after your kernel (`filters=<count>`):
 * the list above without `random`, and `identity` moved to the end, so a bank that stops short of the
 * end gets `emboss` before a plain copy of the input.
 */
export const BANK_ORDER: readonly KernelPreset[] = [
  // 'vertical-edge' is the explorer's starting kernel, so a bank would only repeat it.
  ...KERNEL_PRESETS.filter((p) => p !== 'random' && p !== 'identity' && p !== 'vertical-edge'),
  'identity',
];

function binomialRow(n: number): number[] {
  const row = [1];
  for (let i = 1; i < n; i++) row.push((row[i - 1] as number) * ((n - i) / i));
  return row;
}

export function presetKernel(preset: KernelPreset, n: number, seed = 1): Float32Array {
  const out = new Float32Array(n * n);
  const set = (f: (r: number, c: number) => number) => {
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) out[r * n + c] = f(r, c);
  };
  const mid = Math.floor((n - 1) / 2);
  if (n === 1 && preset !== 'random') {
    out[0] = 1;
    return out;
  }
  switch (preset) {
    case 'vertical-edge':
      // The explorer's starting kernel: +1 left of the middle, −1 right of it (Prewitt's idea).
      set((_r, c) => Math.sign(n - 1 - 2 * c));
      break;
    case 'horizontal':
      set((r) => (r === mid ? n - 1 : -1));
      break;
    case 'vertical':
      set((_r, c) => (c === mid ? n - 1 : -1));
      break;
    case 'diagonal':
      set((r, c) => (r === c ? n - 1 : -1));
      break;
    case 'antidiagonal':
      set((r, c) => (r + c === n - 1 ? n - 1 : -1));
      break;
    case 'sobel-x': {
      const s = binomialRow(n);
      set((r, c) => (s[r] as number) * (c - (n - 1) / 2));
      break;
    }
    case 'sobel-y': {
      const s = binomialRow(n);
      set((r, c) => (s[c] as number) * (r - (n - 1) / 2));
      break;
    }
    case 'box-blur':
      set(() => 1 / (n * n));
      break;
    case 'gaussian': {
      const s = binomialRow(n);
      const total = s.reduce((a, b) => a + b, 0) ** 2;
      set((r, c) => ((s[r] as number) * (s[c] as number)) / total);
      break;
    }
    case 'sharpen':
      if (n % 2 === 1) {
        // The plus-shaped classic: the centre counts 5 times, its four neighbours −1 each.
        set((r, c) => (r === mid && c === mid ? 5 : Math.abs(r - mid) + Math.abs(c - mid) === 1 ? -1 : 0));
      } else {
        set((r, c) => (r === mid && c === mid ? 2 : 0) - 1 / (n * n));
      }
      break;
    case 'identity':
      set((r, c) => (r === mid && c === mid ? 1 : 0));
      break;
    case 'emboss':
      set((r, c) => (r === mid && c === mid ? 1 : Math.max(-2, Math.min(2, r + c - (n - 1)))));
      break;
    case 'random': {
      // Seeded, so a "random" kernel is reproducible from the URL.
      const rnd = mulberry32(seed);
      // Two decimals, so the numbers in the maths panel stay readable.
      set(() => Math.round((rnd() * 2 - 1) * 100) / 100);
      break;
    }
  }
  return out;
}
