/**
 * The typed URL codec for `#/explain` (the contract in README):
 *
 *   image=mnist-test:<i> | drawn      the picture explained (test digit 0–9999, or Draw's last digit)
 *   model=pretrained | current        the shipped LeNet-5, or the model saved in this browser (Train's)
 *   method=occlusion | gradient | smoothgrad | gradcam
 *   class=top | 0–9                   the class explained ("why not a 3?"); top = the model's answer
 *   patch=1–28  stride=1–28           occlusion square and step (the patch must fit in the image)
 *   noise=0–100  samples=1–64         SmoothGrad noise (% of the value range) and noisy copies
 *   opacity=0–100                     how strongly the map covers the image
 *   step=<n>  speed=<positions/s>     the occlusion player (no step: the last position, whole map)
 *
 * Like `convParams`, a malformed or out-of-range value is reported in `errors` and the previous value
 * is kept, so a bad link never loses the current state.
 */
import { t } from '../i18n';

export const EXPLAIN_METHODS = ['occlusion', 'gradient', 'smoothgrad', 'gradcam'] as const;
export type ExplainMethod = (typeof EXPLAIN_METHODS)[number];
export type ExplainModelChoice = 'pretrained' | 'current';
export type ExplainImage = { kind: 'mnist'; index: number } | { kind: 'drawn' };

export type ExplainSettings = {
  image: ExplainImage;
  model: ExplainModelChoice;
  method: ExplainMethod;
  classIndex: number | 'top';
  patch: number;
  stride: number;
  noise: number;
  samples: number;
  opacity: number;
  /** Occlusion player position; null = the last one (the whole map shown). */
  step: number | null;
  speed: number;
};

export const EXPLAIN_DEFAULTS: ExplainSettings = {
  image: { kind: 'mnist', index: 0 },
  model: 'current',
  method: 'occlusion',
  classIndex: 'top',
  patch: 4,
  stride: 2,
  noise: 15,
  samples: 16,
  opacity: 60,
  step: null,
  speed: 16,
};

/** The image side the codec checks a patch against (MNIST; every shipped model reads 28×28). */
export const EXPLAIN_IMAGE_SIDE = 28;
export const EXPLAIN_SPEEDS = [1, 2, 4, 8, 16, 32, 64, 128] as const;

type Bad = { bad: string };
const fail = (bad: string): Bad => ({ bad });
const isBad = (v: unknown): v is Bad => typeof v === 'object' && v !== null && 'bad' in v;

function whole(raw: string, lo: number, hi: number, what: string): number | Bad {
  const range = { what, lo: String(lo), hi: String(hi), raw };
  if (!/^-?\d+$/.test(raw.trim())) return fail(t('explain.codec.wholeNumber', range));
  const v = Number(raw);
  return v < lo || v > hi ? fail(t('explain.codec.outOfRange', { ...range, value: String(v) })) : v;
}

function parseImage(raw: string): ExplainImage | Bad {
  if (raw === 'drawn') return { kind: 'drawn' };
  const m = /^mnist-test:(.*)$/.exec(raw);
  if (!m) return fail(t('explain.codec.image', { raw: raw.slice(0, 40) }));
  const i = whole(m[1] ?? '', 0, 9999, t('explain.codec.what.index'));
  return isBad(i) ? i : { kind: 'mnist', index: i };
}

function oneOf<T extends string>(raw: string, allowed: readonly T[], key: string): T | Bad {
  return (allowed as readonly string[]).includes(raw)
    ? (raw as T)
    : fail(t('explain.codec.oneOf', { key, raw: raw.slice(0, 40), allowed: allowed.join(', ') }));
}

export type ExplainParse = { settings: ExplainSettings; errors: string[] };

/** Reads the settings from the hash query; bad values keep `prev` and are listed in `errors`. */
export function parseExplainParams(
  params: URLSearchParams,
  prev: ExplainSettings = EXPLAIN_DEFAULTS,
): ExplainParse {
  const s: ExplainSettings = { ...prev };
  const errors: string[] = [];
  function take<K extends keyof ExplainSettings>(
    key: string,
    field: K,
    parse: (raw: string) => ExplainSettings[K] | Bad,
  ) {
    const raw = params.get(key);
    if (raw === null) {
      s[field] = EXPLAIN_DEFAULTS[field];
      return;
    }
    const v = parse(raw);
    if (isBad(v)) errors.push(v.bad);
    else s[field] = v;
  }
  const side = EXPLAIN_IMAGE_SIDE;
  take('image', 'image', parseImage);
  take('model', 'model', (r) => oneOf(r, ['pretrained', 'current'] as const, 'model'));
  take('method', 'method', (r) => oneOf(r, EXPLAIN_METHODS, 'method'));
  take('class', 'classIndex', (r) => (r === 'top' ? 'top' : whole(r, 0, 9, t('explain.codec.what.class'))));
  take('patch', 'patch', (r) => {
    const v = whole(r, 1, 1000, t('explain.codec.what.patch'));
    return typeof v === 'number' && v > side ? fail(t('explain.codec.patchTooLarge', { patch: v, side })) : v;
  });
  take('stride', 'stride', (r) => {
    const v = whole(r, 0, 1000, t('explain.codec.what.stride'));
    if (v === 0) return fail(t('explain.codec.strideZero'));
    return typeof v === 'number' && v > side
      ? fail(t('explain.codec.strideTooLarge', { stride: v, side }))
      : v;
  });
  take('noise', 'noise', (r) => whole(r, 0, 100, t('explain.codec.what.noise')));
  take('samples', 'samples', (r) => whole(r, 1, 64, t('explain.codec.what.samples')));
  take('opacity', 'opacity', (r) => whole(r, 0, 100, t('explain.codec.what.opacity')));
  take('step', 'step', (r) => whole(r, 0, 1_000_000, t('explain.codec.what.step')));
  take('speed', 'speed', (r) => {
    const v = whole(r, 1, 128, t('explain.codec.what.speed'));
    return typeof v === 'number' && !(EXPLAIN_SPEEDS as readonly number[]).includes(v)
      ? fail(t('explain.codec.speed', { speeds: EXPLAIN_SPEEDS.join(', ') }))
      : v;
  });
  return { settings: s, errors };
}

/** Writes the settings back as a query (only the keys the method uses, plus the image and model). */
export function encodeExplainParams(s: ExplainSettings): URLSearchParams {
  const p = new URLSearchParams();
  p.set('image', s.image.kind === 'drawn' ? 'drawn' : `mnist-test:${s.image.index}`);
  p.set('model', s.model);
  p.set('method', s.method);
  if (s.classIndex !== 'top') p.set('class', String(s.classIndex));
  if (s.method === 'occlusion') {
    p.set('patch', String(s.patch));
    p.set('stride', String(s.stride));
    if (s.step !== null) p.set('step', String(s.step));
    if (s.speed !== EXPLAIN_DEFAULTS.speed) p.set('speed', String(s.speed));
  }
  if (s.method === 'smoothgrad') {
    p.set('noise', String(s.noise));
    p.set('samples', String(s.samples));
  }
  if (s.opacity !== EXPLAIN_DEFAULTS.opacity) p.set('opacity', String(s.opacity));
  return p;
}

/** The link into Explain for one MNIST test digit (used by Train's mistakes and confusion matrix). */
export function explainLink(
  image: ExplainImage,
  extra: Partial<Pick<ExplainSettings, 'method' | 'classIndex' | 'model'>> = {},
): string {
  const p = encodeExplainParams({ ...EXPLAIN_DEFAULTS, ...extra, image });
  return `#/explain?${p.toString()}`;
}
