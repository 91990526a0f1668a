/**
 * The typed URL codec for `#/explain` (the contract in README):
 *
 *   image=mnist-test:<i> | fashion-mnist-test:<i> | drawn
 *                                     the picture explained (a test digit or a Fashion-MNIST test
 *                                     picture 0–9999, or Draw's last digit); a Fashion-MNIST picture
 *                                     is explained with the Fashion-MNIST model kept for Try it
 *   image=test:<i>&dataset=<name>     test picture i of a dataset kept in this browser (made or
 *                                     imported in Data), explained with the model kept for it. The
 *                                     name travels in its own key, as in Train and Try it, because a
 *                                     stored name is free text: a dataset called "fashion" would make
 *                                     `fashion-test:3` look like a built-in form, and one called
 *                                     "fashion-mnist" would collide with it outright. `test:` alone is
 *                                     no built-in form, so the two can never be confused.
 *   model=pretrained | current        the shipped LeNet-5, or the model saved in this browser (Train's)
 *   method=occlusion | gradient | smoothgrad | gradcam
 *   class=top | 0–9                   the class explained ("why not a 3?"); top = the model's answer
 *   patch=1–28  stride=1–28           occlusion square and step (the patch must fit in the image)
 *   noise=0–100  samples=1–64         SmoothGrad noise (% of the value range) and noisy copies
 *   opacity=0–100                     how strongly the map covers the image
 *   step=<n>  speed=<positions/s>     the occlusion player (no step: the last position, whole map)
 *
 * Like `convParams`, a malformed or out-of-range value is reported in `errors` and the previous value
 * is kept, so a bad link never loses the current state. Numbers and options go through the strict link
 * readers (src/state/linkValues.ts): `0x10`, `1e1`, ` 8 ` or `4.0` are refused, never silently read.
 */
import { t } from '../i18n';
import type { DatasetInfo } from '../engine/data/datasets';
import { linkProblem, readNumber, readOption, clipRaw, type LinkRead } from './linkValues';

export const EXPLAIN_METHODS = ['occlusion', 'gradient', 'smoothgrad', 'gradcam'] as const;
export type ExplainMethod = (typeof EXPLAIN_METHODS)[number];
export type ExplainModelChoice = 'pretrained' | 'current';
export type ExplainImage =
  | { kind: 'mnist'; index: number }
  | { kind: 'dataset'; dataset: 'fashion-mnist'; index: number }
  /** A test picture of a dataset kept in this browser (its split by Train's default seed, as Try it). */
  | { kind: 'stored'; dataset: string; index: number }
  | { kind: 'drawn' };

/** What the codec needs to know of the datasets kept in this browser (null while being read). */
export type StoredForLink = readonly Pick<DatasetInfo, 'id' | 'counts' | 'inputShape'>[] | null;

/** The dataset an image comes from (Draw's drawing is a digit). */
export function imageDataset(image: ExplainImage): string {
  return image.kind === 'dataset' || image.kind === 'stored' ? image.dataset : 'mnist';
}

/**
 * Test picture `index` of a dataset, as Explain reads it: an MNIST digit, a Fashion-MNIST picture, or
 * (any other name) a test picture of a dataset kept in this browser.
 */
export function testImage(dataset: string, index: number): ExplainImage {
  if (dataset === 'mnist') return { kind: 'mnist', index };
  if (dataset === 'fashion-mnist') return { kind: 'dataset', dataset, index };
  return { kind: 'stored', dataset, index };
}

/** The image as link text: `mnist-test:12`, `fashion-mnist-test:3`, `drawn`, `test:4` (+ `dataset=`). */
export function imageText(image: ExplainImage): string {
  if (image.kind === 'drawn') return 'drawn';
  if (image.kind === 'stored') return `test:${image.index}`;
  return `${image.kind === 'dataset' ? image.dataset : 'mnist'}-test:${image.index}`;
}

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

const refuse = <T>(why: string): LinkRead<T> => ({ ok: false, why });

/**
 * `image=test:<i>` with `dataset=<name>`: the name must be a dataset kept in this browser and i one of
 * its test pictures. While the list is still being read (`stored` null) the previous picture stays,
 * silently; the link is read again once the list is there.
 */
function parseStoredImage(
  raw: string,
  datasetRaw: string | null,
  stored: StoredForLink,
  prev: ExplainImage,
): LinkRead<ExplainImage> {
  const number = raw.slice('test:'.length);
  if (datasetRaw === null) return refuse(t('explain.codec.storedNoDataset', { raw: clipRaw(raw) }));
  if (stored === null) return { ok: true, value: prev };
  const info = stored.find((d) => d.id === datasetRaw);
  if (!info) return refuse(t('explain.codec.storedUnknown', { name: clipRaw(datasetRaw) }));
  const last = info.counts.test - 1;
  const i = readNumber('image', number, 0, Number.MAX_SAFE_INTEGER, true);
  if (!i.ok) return refuse(t('explain.codec.imageNumber', { raw: clipRaw(raw) }));
  if (i.value > last)
    return refuse(
      t('explain.codec.storedRange', {
        index: String(i.value),
        name: info.id,
        count: info.counts.test,
        last,
      }),
    );
  return { ok: true, value: { kind: 'stored', dataset: info.id, index: i.value } };
}

function parseImage(raw: string): LinkRead<ExplainImage> {
  if (raw === 'drawn') return { ok: true, value: { kind: 'drawn' } };
  const m = /^(mnist|fashion-mnist)-test:(.*)$/.exec(raw);
  if (!m) return refuse(t('explain.codec.image', { raw: clipRaw(raw) }));
  const i = readNumber('image', m[2] ?? '', 0, 9999, true);
  if (!i.ok) return refuse(t('explain.codec.imageNumber', { raw: clipRaw(raw) }));
  return m[1] === 'fashion-mnist'
    ? { ok: true, value: { kind: 'dataset', dataset: 'fashion-mnist', index: i.value } }
    : { ok: true, value: { kind: 'mnist', index: i.value } };
}

/** How a kept value reads back in the message: as it would be written in the link. */
function shown<K extends keyof ExplainSettings>(field: K, value: ExplainSettings[K]): string {
  if (field === 'image') {
    return imageText(value as ExplainImage);
  }
  if (field === 'step' && value === null) return t('explain.codec.lastStep');
  // Every other field is a number or a word (image, the only object, is handled above).
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

export type ExplainParse = { settings: ExplainSettings; errors: string[] };

/** Reads the settings from the hash query; bad values keep `prev` and are listed in `errors`. */
export function parseExplainParams(
  params: URLSearchParams,
  prev: ExplainSettings = EXPLAIN_DEFAULTS,
  stored: StoredForLink = [],
): ExplainParse {
  const s: ExplainSettings = { ...prev };
  const errors: string[] = [];
  function take<K extends keyof ExplainSettings>(
    key: string,
    field: K,
    parse: (raw: string) => LinkRead<ExplainSettings[K]>,
  ) {
    const raw = params.get(key);
    if (raw === null) {
      s[field] = EXPLAIN_DEFAULTS[field];
      return;
    }
    const v = parse(raw);
    if (v.ok) s[field] = v.value;
    else errors.push(linkProblem(v.why, shown(field, prev[field])));
  }
  const whole = (key: string, raw: string, lo: number, hi: number) => readNumber(key, raw, lo, hi, true);
  take('image', 'image', (r) =>
    r.startsWith('test:') ? parseStoredImage(r, params.get('dataset'), stored, prev.image) : parseImage(r),
  );
  // The patch and stride must fit the picture: 28 for the built-in sets, a stored set's own side.
  const side = imageSide(s.image, stored);
  take('model', 'model', (r) => readOption('model', r, ['pretrained', 'current'] as const));
  take('method', 'method', (r) => readOption('method', r, EXPLAIN_METHODS));
  take('class', 'classIndex', (r) => (r === 'top' ? { ok: true, value: 'top' } : whole('class', r, 0, 9)));
  take('patch', 'patch', (r) => {
    const v = whole('patch', r, 1, 1000);
    return v.ok && v.value > side ? refuse(t('explain.codec.patchTooLarge', { patch: v.value, side })) : v;
  });
  take('stride', 'stride', (r) => {
    const v = whole('stride', r, 0, 1000);
    if (v.ok && v.value === 0) return refuse(t('explain.codec.strideZero'));
    return v.ok && v.value > side ? refuse(t('explain.codec.strideTooLarge', { stride: v.value, side })) : v;
  });
  take('noise', 'noise', (r) => whole('noise', r, 0, 100));
  take('samples', 'samples', (r) => whole('samples', r, 1, 64));
  take('opacity', 'opacity', (r) => whole('opacity', r, 0, 100));
  take('step', 'step', (r) => whole('step', r, 0, 1_000_000));
  take('speed', 'speed', (r) => {
    const v = whole('speed', r, 1, 128);
    return v.ok && !(EXPLAIN_SPEEDS as readonly number[]).includes(v.value)
      ? refuse(t('explain.codec.speed', { speeds: EXPLAIN_SPEEDS.join(', ') }))
      : v;
  });
  return { settings: s, errors };
}

/** The picture's smaller side (what a patch must fit in): 28, or a stored dataset's own size. */
export function imageSide(image: ExplainImage, stored: StoredForLink): number {
  if (image.kind !== 'stored') return EXPLAIN_IMAGE_SIDE;
  const info = stored?.find((d) => d.id === image.dataset);
  return info ? Math.min(info.inputShape[0], info.inputShape[1]) : EXPLAIN_IMAGE_SIDE;
}

/** Writes the settings back as a query (only the keys the method uses, plus the image and model). */
export function encodeExplainParams(s: ExplainSettings): URLSearchParams {
  const p = new URLSearchParams();
  p.set('image', imageText(s.image));
  if (s.image.kind === 'stored') p.set('dataset', s.image.dataset);
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

/** The link into Explain for one test picture (Train's mistakes and confusion matrix, Try it, …). */
export function explainLink(
  image: ExplainImage,
  extra: Partial<Pick<ExplainSettings, 'method' | 'classIndex' | 'model'>> = {},
): string {
  const p = encodeExplainParams({ ...EXPLAIN_DEFAULTS, ...extra, image });
  return `#/explain?${p.toString()}`;
}
