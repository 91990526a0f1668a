import {
  kernelFromFilters,
  KERNEL_PRESETS,
  presetKernel,
  presetLabel,
  type ConvKernel,
  type KernelPreset,
} from '../../engine';
import { t } from '../../i18n';
import { defaultBank, type FilterSlot } from '../../state/convParams';

export type Bank = {
  names: string[];
  /** One n×n (or n×n×C, channel-major) array per filter. */
  filters: Float32Array[];
  /** Index of the filter being edited: the one in the sliding-window view. */
  selected: number;
  /** Slots that had to be adapted to the kernel's size or the input's channels, in words. */
  problems: string[];
};

/** Float32 weights as short decimals for the URL (1/9 → 0.1111111, not 0.1111111119389534). */
export function tidyWeights(values: ArrayLike<number>): number[] {
  return Array.from(values, (v) => Number(Math.fround(v).toPrecision(7)));
}

function presetValues(p: KernelPreset, n: number, slot: number): Float32Array {
  // A random slot is seeded by its position, so the same link always shows the same filters.
  return presetKernel(p, n, slot);
}

/** The preset that `values` is at this slot, if any (an n×n kernel only). */
export function matchPreset(values: ArrayLike<number>, n: number, slot: number): KernelPreset | null {
  if (values.length !== n * n) return null;
  for (const p of KERNEL_PRESETS) {
    // The starting kernel keeps its numbers in links and its 'your kernel' slot; only the menu names it.
    if (p === 'vertical-edge') continue;
    const ref = presetValues(p, n, slot);
    let same = true;
    for (let i = 0; i < ref.length && same; i++)
      same = Math.abs((ref[i] ?? 0) - (values[i] ?? 0)) <= 1e-6 * Math.max(1, Math.abs(ref[i] ?? 0));
    if (same) return p;
  }
  return null;
}

/** Puts a k×k kernel in the middle of an n×n one (zeros around it), or keeps the middle n×n of it. */
export function centreResize(values: ArrayLike<number>, k: number, n: number): Float32Array {
  const out = new Float32Array(n * n);
  const off = Math.floor((k - n) / 2);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const sr = r + off;
      const sc = c + off;
      if (sr >= 0 && sr < k && sc >= 0 && sc < k) out[r * n + c] = values[sr * k + sc] ?? 0;
    }
  return out;
}

function presetName(p: KernelPreset, slot: number): string {
  return p === 'random' ? t('conv.bank.random', { n: String(slot) }) : presetLabel(p);
}

/** Numbers of a slot made to fit an n×n kernel on `channels` channels (`problem` says what changed). */
function fitNumbers(
  values: number[],
  n: number,
  channels: number,
  slot: number,
): { values: Float32Array; problem: string | null } {
  if (values.length === n * n || values.length === n * n * channels)
    return { values: Float32Array.from(values), problem: null };
  const slices = Math.round(Math.sqrt(values.length)) ** 2 === values.length ? 1 : 3;
  const k = Math.round(Math.sqrt(values.length / slices));
  const parts: Float32Array[] = [];
  const use = slices === channels ? slices : 1;
  for (let s = 0; s < use; s++) parts.push(centreResize(values.slice(s * k * k, (s + 1) * k * k), k, n));
  const out = new Float32Array(parts.length * n * n);
  parts.forEach((p, s) => out.set(p, s * n * n));
  const what = slices !== use ? t('conv.bank.oneSlice', { channels: String(channels) }) : '';
  const size = k !== n ? t(k < n ? 'conv.bank.padded' : 'conv.bank.cut', { k: String(k), n: String(n) }) : '';
  const problem = [size, what].filter(Boolean).join(t('conv.bank.and'));
  return { values: out, problem: t('conv.bank.problem', { n: String(slot + 1), what: problem }) };
}

/**
 * The bank's filters, all n×n like the kernel being edited (`own`, in slot 'kernel'): presets are
 * built at that size, explicit numbers are fitted to it.
 */
export function resolveBank(slots: FilterSlot[], own: ArrayLike<number>, n: number, channels: number): Bank {
  const names: string[] = [];
  const filters: Float32Array[] = [];
  const problems: string[] = [];
  let selected = 0;
  slots.forEach((slot, i) => {
    if (slot === 'kernel') {
      selected = i;
      const p = matchPreset(own, n, i);
      names.push(p ? presetName(p, i) : t('conv.bank.yourKernel'));
      filters.push(Float32Array.from(own));
    } else if (Array.isArray(slot)) {
      const fit = fitNumbers(slot, n, channels, i);
      if (fit.problem) problems.push(fit.problem);
      const p = matchPreset(fit.values, n, i);
      names.push(p ? presetName(p, i) : t('conv.bank.custom'));
      filters.push(fit.values);
    } else {
      names.push(presetName(slot, i));
      filters.push(presetValues(slot, n, i));
    }
  });
  return { names, filters, selected, problems };
}

/**
 * Makes filter `next` the one being edited: its weights move into `kernel`, and the filter edited so
 * far keeps its weights in its slot (as a preset name when it is one, else as numbers).
 */
export function selectFilter(
  slots: FilterSlot[],
  bank: Bank,
  n: number,
  next: number,
): { filters: FilterSlot[]; kernel: number[] } | null {
  const cur = slots.indexOf('kernel');
  const values = bank.filters[next];
  if (next === cur || !values || cur < 0) return null;
  const own = bank.filters[cur] ?? new Float32Array(n * n);
  const out = slots.slice();
  out[cur] = matchPreset(own, n, cur) ?? tidyWeights(own);
  out[next] = 'kernel';
  return { filters: out, kernel: tidyWeights(values) };
}

/** A bank of `count` filters: slots are added as `filters=<count>` would add them; yours is always kept. */
export function resizeBank(slots: FilterSlot[], count: number): FilterSlot[] {
  const plain = defaultBank(count);
  const out = plain.map((p, i) =>
    i < slots.length ? (slots[i] as FilterSlot) : p === 'kernel' ? 'random' : p,
  );
  if (!out.includes('kernel')) out[count - 1] = 'kernel';
  return out;
}

/** Repeats an n×n slice for every channel (channel-major), unless it already has one slice per channel. */
export function expandToChannels(values: ArrayLike<number>, n: number, channels: number): Float32Array {
  if (values.length === n * n * channels) return Float32Array.from(values);
  const out = new Float32Array(n * n * channels);
  for (let c = 0; c < channels; c++) for (let i = 0; i < n * n; i++) out[c * n * n + i] = values[i] ?? 0;
  return out;
}

/** One filter as a kernel: its n×n slice on every channel, or its own slice per channel. */
export function oneFilterKernel(values: ArrayLike<number>, n: number, channels: number): ConvKernel {
  return kernelFromFilters([expandToChannels(values, n, channels)], n, n, channels);
}

/** What the preset menu shows: a preset's name only while the kernel still holds its weights. */
export type ShownPreset = KernelPreset | 'custom';

/**
 * The preset the kernel `values` is, for the menu: the one last chosen if its weights are still there
 * unchanged (a random preset can only be recognised this way), else any preset they equal, else
 * 'custom' (a weight was edited). Pure.
 */
export function shownPreset(
  chosen: { preset: KernelPreset; values: readonly number[] } | null,
  values: readonly number[],
  n: number,
): ShownPreset {
  if (
    chosen &&
    chosen.values.length === values.length &&
    chosen.values.every((v, i) => Math.abs(v - (values[i] ?? NaN)) <= 1e-6)
  )
    return chosen.preset;
  const named = matchPreset(values, n, 0);
  if (named) return named;
  const edge = presetKernel('vertical-edge', n);
  return values.length === edge.length && values.every((v, i) => Math.abs(v - (edge[i] ?? NaN)) <= 1e-6)
    ? 'vertical-edge'
    : 'custom';
}
