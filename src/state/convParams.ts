/**
 * The typed URL codec for `#/convolution` and `#/pooling` (the contract in README):
 *
 *   image=mnist-test:<i> | mnist-test:random | drawn | photo | pattern:<name>[:<size>] | custom:<w>x<h>[x<c>]:<values>
 *   kernel=<row-major numbers>  (k² numbers, or k²·C for a C-channel input, channel after channel)
 *   stride=1–4  padding=0–3|same  dilation=1–3  bias=<x>  activation=none|relu|tanh|sigmoid  step=<n>
 *   filters=<n> | <slot>,<slot>,…  color=rgb|grey  speed=<positions per second>
 *     a bank of up to 16 filters: a count (your kernel, then classic presets), or one slot per filter,
 *     each `kernel` (the one being edited: its numbers are `kernel=`), a preset name (`sobel-x`) or
 *     its own numbers joined by `_` (`1_0_-1_2_0_-2_1_0_-1`)
 *   pooling only: pool=max|avg  size=2–4  poolStride=1–4   (without `kernel`, pooling works on the image)
 *     channel=0–15: which channel of a colour image the step view follows (every channel is pooled)
 *
 * `input=drawn` is accepted as another spelling of `image=drawn`. Values that are malformed or out of
 * range are reported in `errors` and replaced by the previous (or default) value, so a bad link never
 * loses the current state.
 */
import {
  BANK_ORDER,
  KERNEL_PRESETS,
  type Activation,
  type KernelPreset,
  type Padding,
  type PoolKind,
} from '../engine';
import { t, type Vars } from '../i18n';

export const PATTERNS = ['hlines', 'vlines', 'diagonal', 'checker', 'gradient', 'square', 'cross'] as const;
export type PatternName = (typeof PATTERNS)[number];
export const PATTERN_SIZES = [7, 14, 28] as const;

export type ImageSource =
  | { kind: 'mnist'; index: number | 'random' }
  | { kind: 'drawn' }
  | { kind: 'photo' }
  | { kind: 'pattern'; name: PatternName; size: number }
  | { kind: 'custom'; w: number; h: number; c: number; values: Float32Array };

/**
 * One filter of the bank: 'kernel' is the selected one (edited, its numbers in `kernel=`); a preset is
 * built at the kernel's size (a `random` preset is seeded by its slot); or explicit numbers.
 */
export type FilterSlot = 'kernel' | KernelPreset | number[];

/** The bank `filters=<count>` stands for: your kernel, the classic presets, then seeded random ones. */
export function defaultBank(count: number): FilterSlot[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'kernel' : (BANK_ORDER[i - 1] ?? 'random')));
}

export type ConvSettings = {
  image: ImageSource;
  /** Raw kernel numbers; their count fixes the size once the input's channels are known (`resolveKernel`). */
  kernel: number[] | null;
  stride: number;
  padding: Padding;
  dilation: number;
  bias: number;
  activation: Activation;
  step: number;
  /** The filter bank, 1–16 slots, exactly one of them 'kernel'. */
  filters: FilterSlot[];
  color: 'rgb' | 'grey';
  speed: number;
  pool: PoolKind;
  size: number;
  poolStride: number;
  /** Pooling a colour image: the channel shown step by step. */
  channel: number;
};

export const DEFAULT_KERNEL = [1, 0, -1, 1, 0, -1, 1, 0, -1];

export const CONV_DEFAULTS: ConvSettings = {
  image: { kind: 'mnist', index: 0 },
  kernel: DEFAULT_KERNEL,
  stride: 1,
  padding: 0,
  dilation: 1,
  bias: 0,
  activation: 'relu',
  step: 0,
  filters: ['kernel'],
  color: 'grey',
  speed: 4,
  pool: 'max',
  size: 2,
  poolStride: 2,
  channel: 0,
};

export const SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;
export const MAX_KERNEL = 7;
export const MAX_FILTERS = 16;
const MAX_CUSTOM_SIDE = 64;
const MAX_ABS = 1000;

export type ParseResult = { settings: ConvSettings; errors: string[] };

/** A rejected value, with the message shown to the user. */
type Bad = { bad: string };
const fail = (bad: string): Bad => ({ bad });
const isBad = (v: unknown): v is Bad => typeof v === 'object' && v !== null && 'bad' in v;

/** Why an `image=` value is refused (engine.codec.image). */
type ImageProblem =
  | 'notDigit'
  | 'noPattern'
  | 'patternSize'
  | 'customShape'
  | 'customSize'
  | 'customCount'
  | 'customValue'
  | 'unknown';

const INT = /^-?\d+$/;
const NUM = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i;

/** The settings `intIn` checks, named in its messages (engine.codec.what). */
type Setting =
  | 'mnistIndex'
  | 'filters'
  | 'stride'
  | 'padding'
  | 'dilation'
  | 'step'
  | 'speed'
  | 'poolSize'
  | 'poolStride'
  | 'channel';

function intIn(raw: string, lo: number, hi: number, setting: Setting): number | Bad {
  const what = t(`engine.codec.what.${setting}`);
  const range = { what, lo: String(lo), hi: String(hi) };
  if (!INT.test(raw.trim())) return fail(t('engine.codec.wholeNumber', { ...range, raw }));
  const v = Number(raw);
  return v < lo || v > hi ? fail(t('engine.codec.outOfRange', { ...range, value: String(v) })) : v;
}

/** Parses one kernel cell as typed by a person: "−1" with a true minus sign and "0,5" are accepted. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\u2212/g, '-');
  if (!NUM.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

function parseImage(raw: string): ImageSource | Bad {
  const image = raw.length > 40 ? raw.slice(0, 40) + '…' : raw;
  const bad = (problem: ImageProblem, vars: Vars = {}) =>
    fail(t(`engine.codec.image.${problem}`, { image, ...vars }));
  if (raw === 'drawn') return { kind: 'drawn' };
  if (raw === 'photo') return { kind: 'photo' };
  const [kind, a, b, ...rest] = raw.split(':');
  if (kind === 'mnist-test') {
    if (a === 'random') return { kind: 'mnist', index: 'random' };
    const i = intIn(a ?? '', 0, 9999, 'mnistIndex');
    return isBad(i) ? bad('notDigit', { problem: i.bad }) : { kind: 'mnist', index: i };
  }
  if (kind === 'pattern') {
    if (!(PATTERNS as readonly string[]).includes(a ?? '')) {
      return bad('noPattern', { patterns: PATTERNS.join(', ') });
    }
    const size = b === undefined ? 28 : Number(b);
    if (!(PATTERN_SIZES as readonly number[]).includes(size)) return bad('patternSize');
    return { kind: 'pattern', name: a as PatternName, size };
  }
  if (kind === 'custom') {
    const m = /^(\d+)x(\d+)(?:x(\d+))?$/.exec(a ?? '');
    if (!m || b === undefined || rest.length > 0) return bad('customShape');
    const w = Number(m[1]);
    const h = Number(m[2]);
    const c = Number(m[3] ?? 1);
    if (w < 1 || h < 1 || w > MAX_CUSTOM_SIDE || h > MAX_CUSTOM_SIDE || c < 1 || c > 16) {
      return bad('customSize', { max: String(MAX_CUSTOM_SIDE) });
    }
    const parts = b.split(',');
    if (parts.length !== w * h * c) {
      const dims = { w: String(w), h: String(h), c: String(c) };
      return bad('customCount', { n: parts.length, ...dims, need: w * h * c });
    }
    const values = new Float32Array(parts.length);
    for (const [i, p] of parts.entries()) {
      const v = parseNumber(p);
      if (v === null || Math.abs(v) > MAX_ABS) return bad('customValue', { i: String(i + 1), value: p });
      values[i] = v;
    }
    return { kind: 'custom', w, h, c, values };
  }
  return bad('unknown');
}

const sameSlot = (a: FilterSlot, b: FilterSlot) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

/** A count (`16`) or a list of slots (`kernel,sobel-x,1_0_-1_…`); see the module comment. */
function parseFilters(raw: string): FilterSlot[] | Bad {
  if (INT.test(raw.trim())) {
    const n = intIn(raw, 1, MAX_FILTERS, 'filters');
    return isBad(n) ? n : defaultBank(n);
  }
  const parts = raw.split(',');
  if (parts.length > MAX_FILTERS) return fail(t('engine.codec.filters.tooMany', { n: parts.length }));
  const slots: FilterSlot[] = [];
  for (const [i, p] of parts.entries()) {
    if (p === 'kernel' || (KERNEL_PRESETS as readonly string[]).includes(p)) {
      slots.push(p as FilterSlot);
      continue;
    }
    const nums = p.split('_').map(parseNumber);
    const ok = nums.every((v): v is number => v !== null && Math.abs(v) <= MAX_ABS);
    // k×k numbers, or k×k×3 for a filter with one slice per colour channel.
    const square = (m: number) => Math.round(Math.sqrt(m)) ** 2 === m && m <= MAX_KERNEL ** 2;
    if (
      !ok ||
      nums.length === 0 ||
      !(square(nums.length) || (nums.length % 3 === 0 && square(nums.length / 3)))
    ) {
      return fail(
        t('engine.codec.filters.badSlot', {
          i: String(i + 1),
          slot: p.length > 30 ? p.slice(0, 30) + '…' : p,
          presets: KERNEL_PRESETS.join(', '),
        }),
      );
    }
    slots.push(nums);
  }
  const own = slots.filter((x) => x === 'kernel').length;
  if (own > 1) return fail(t('engine.codec.filters.twoKernels'));
  if (own === 0) {
    if (slots.length >= MAX_FILTERS) return fail(t('engine.codec.filters.noRoom'));
    slots.unshift('kernel');
  }
  return slots;
}

function formatFilters(slots: FilterSlot[]): string | null {
  const plain = defaultBank(slots.length);
  if (slots.every((x, i) => sameSlot(x, plain[i] as FilterSlot)))
    return slots.length === 1 ? null : String(slots.length);
  return slots.map((x) => (Array.isArray(x) ? x.join('_') : x)).join(',');
}

function parseKernel(raw: string): number[] | Bad {
  const parts = raw.split(',');
  if (parts.length > MAX_KERNEL * MAX_KERNEL * 16)
    return fail(t('engine.codec.kernel.tooMany', { n: parts.length }));
  const out: number[] = [];
  for (const [i, p] of parts.entries()) {
    const v = parseNumber(p);
    if (v === null) return fail(t('engine.codec.kernel.notNumber', { i: String(i + 1), value: p }));
    if (Math.abs(v) > MAX_ABS)
      return fail(t('engine.codec.kernel.tooLarge', { i: String(i + 1), value: String(v) }));
    out.push(v);
  }
  return out;
}

/**
 * The kernel's size and depth for an input with `channels` channels: k² numbers (the same weights on
 * every channel) or k²·channels numbers (one k×k slice per channel). Returns a message when neither fits.
 */
export function resolveKernel(
  values: number[],
  channels: number,
): { size: number; perChannel: boolean } | string {
  for (let k = 1; k <= MAX_KERNEL; k++) if (k * k === values.length) return { size: k, perChannel: false };
  if (channels > 1)
    for (let k = 1; k <= MAX_KERNEL; k++)
      if (k * k * channels === values.length) return { size: k, perChannel: true };
  const n = values.length;
  return channels > 1
    ? t('engine.codec.kernel.notSquareChannels', { n, c: String(channels) })
    : t('engine.codec.kernel.notSquare', { n });
}

/** Reads the settings from the hash query. Bad values fall back to `prev` and are listed in `errors`. */
export function parseConvParams(params: URLSearchParams, prev: ConvSettings = CONV_DEFAULTS): ParseResult {
  const s: ConvSettings = { ...prev };
  const errors: string[] = [];
  const take = <T>(
    key: string,
    parse: (raw: string) => T | Bad,
    apply: (v: T) => void,
    fallback: () => void,
  ) => {
    const raw = params.get(key);
    if (raw === null) return fallback();
    const v = parse(raw);
    if (isBad(v)) errors.push(v.bad);
    else apply(v);
  };
  const imageKey = params.has('image') ? 'image' : 'input';
  take(
    imageKey,
    parseImage,
    (v) => (s.image = v),
    () => (s.image = CONV_DEFAULTS.image),
  );
  take(
    'kernel',
    parseKernel,
    (v) => (s.kernel = v),
    () => (s.kernel = null),
  );
  take(
    'stride',
    (r) => intIn(r, 1, 4, 'stride'),
    (v) => (s.stride = v),
    () => (s.stride = CONV_DEFAULTS.stride),
  );
  take<Padding>(
    'padding',
    (r) => (r === 'same' ? 'same' : intIn(r, 0, 3, 'padding')),
    (v) => (s.padding = v),
    () => (s.padding = CONV_DEFAULTS.padding),
  );
  take(
    'dilation',
    (r) => intIn(r, 1, 3, 'dilation'),
    (v) => (s.dilation = v),
    () => (s.dilation = CONV_DEFAULTS.dilation),
  );
  take(
    'bias',
    (r) => {
      const v = parseNumber(r);
      return v === null || Math.abs(v) > MAX_ABS ? fail(t('engine.codec.bias', { raw: r })) : v;
    },
    (v) => (s.bias = v),
    () => (s.bias = CONV_DEFAULTS.bias),
  );
  take<Activation>(
    'activation',
    (r) =>
      r === 'none' || r === 'relu' || r === 'tanh' || r === 'sigmoid'
        ? r
        : fail(t('engine.codec.activation', { raw: r })),
    (v) => (s.activation = v),
    () => (s.activation = CONV_DEFAULTS.activation),
  );
  take(
    'step',
    (r) => intIn(r, 0, 1_000_000, 'step'),
    (v) => (s.step = v),
    () => (s.step = CONV_DEFAULTS.step),
  );
  take(
    'filters',
    parseFilters,
    (v) => (s.filters = v),
    () => (s.filters = CONV_DEFAULTS.filters),
  );
  take<'rgb' | 'grey'>(
    'color',
    (r) => (r === 'rgb' || r === 'grey' ? r : fail(t('engine.codec.color', { raw: r }))),
    (v) => (s.color = v),
    () => (s.color = CONV_DEFAULTS.color),
  );
  take(
    'speed',
    (r) => {
      const v = intIn(r, 1, 64, 'speed');
      return typeof v === 'number' && !(SPEEDS as readonly number[]).includes(v)
        ? fail(t('engine.codec.speed', { speeds: SPEEDS.join(', ') }))
        : v;
    },
    (v) => (s.speed = v),
    () => (s.speed = CONV_DEFAULTS.speed),
  );
  take<PoolKind>(
    'pool',
    (r) => (r === 'max' || r === 'avg' ? r : fail(t('engine.codec.pool', { raw: r }))),
    (v) => (s.pool = v),
    () => (s.pool = CONV_DEFAULTS.pool),
  );
  take(
    'size',
    (r) => intIn(r, 2, 4, 'poolSize'),
    (v) => (s.size = v),
    () => (s.size = CONV_DEFAULTS.size),
  );
  take(
    'poolStride',
    (r) => intIn(r, 1, 4, 'poolStride'),
    (v) => (s.poolStride = v),
    () => (s.poolStride = CONV_DEFAULTS.poolStride),
  );
  take(
    'channel',
    (r) => intIn(r, 0, 15, 'channel'),
    (v) => (s.channel = v),
    () => (s.channel = CONV_DEFAULTS.channel),
  );
  return { settings: s, errors };
}

function formatImage(img: ImageSource): string {
  switch (img.kind) {
    case 'mnist':
      return `mnist-test:${img.index}`;
    case 'drawn':
    case 'photo':
      return img.kind;
    case 'pattern':
      return `pattern:${img.name}:${img.size}`;
    case 'custom':
      return `custom:${img.w}x${img.h}${img.c > 1 ? `x${img.c}` : ''}:${Array.from(img.values, float32Text).join(',')}`;
  }
}

/** Writes settings back as a query; `area` decides whether the pooling keys are included. */
export function encodeConvParams(s: ConvSettings, area: 'convolution' | 'pooling'): URLSearchParams {
  const p = new URLSearchParams();
  p.set('image', formatImage(s.image));
  if (s.kernel) p.set('kernel', s.kernel.join(','));
  p.set('stride', String(s.stride));
  p.set('padding', String(s.padding));
  p.set('dilation', String(s.dilation));
  p.set('bias', String(s.bias));
  p.set('activation', s.activation);
  p.set('step', String(s.step));
  const filters = formatFilters(s.filters);
  if (filters) p.set('filters', filters);
  if (s.image.kind === 'photo') p.set('color', s.color);
  if (s.speed !== CONV_DEFAULTS.speed) p.set('speed', String(s.speed));
  if (area === 'pooling') {
    p.set('pool', s.pool);
    p.set('size', String(s.size));
    p.set('poolStride', String(s.poolStride));
    if (s.channel !== 0) p.set('channel', String(s.channel));
  }
  return p;
}

/**
 * The shortest decimal that reads back as the same float32: custom values live in a Float32Array, so
 * 0.11 is stored as 0.10999999940395355; writing that into a shared link would make it long and odd.
 */
export function float32Text(v: number): string {
  for (let digits = 1; digits <= 9; digits++) {
    const text = String(Number(v.toPrecision(digits)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(v);
}
