/**
 * The story a model file tells about itself (`userDefinedMetadata.cnnStudio`: accuracy, epochs, when it
 * was saved, its name) comes from whoever made the file, so each field is kept only when it is a
 * sensible value: an accuracy of 12.5 ("1250%") or a date that is not a date is dropped, not shown.
 */
import type { ModelDataset, ModelMeta } from './modelIO';

const MAX_NAME = 80;
const MAX_ARCH = 2000;
const MAX_CLASS_NAME = 40;
/** The picture sizes the app trains on: 28×28 greyscale and 32×32 colour. */
const INPUT_SHAPES = ['28,28,1', '32,32,3'];

/**
 * A model's dataset (id, 2–10 class names, a known picture size), or undefined when `raw` is not a
 * sensible one: then the model counts as an MNIST model and must fit MNIST. Pure.
 */
export function checkModelDataset(raw: unknown): ModelDataset | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id, classNames, inputShape } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || id.length > MAX_NAME) return undefined;
  if (!Array.isArray(classNames) || classNames.length < 2 || classNames.length > 10) return undefined;
  if (!classNames.every((c) => typeof c === 'string' && c !== '' && c.length <= MAX_CLASS_NAME))
    return undefined;
  if (!Array.isArray(inputShape) || !INPUT_SHAPES.includes(inputShape.join(','))) return undefined;
  const [h, w, c] = inputShape as number[];
  return { id, classNames: (classNames as string[]).slice(), inputShape: [h ?? 0, w ?? 0, c ?? 0] };
}

/**
 * The fields of `raw` that pass their checks (accuracy a fraction in [0, 1], epochs a whole number from 1
 * to 1,000, savedAt a real date, trainDigits a whole count, arch link text of sensible length, name a short
 * string, dataset as `checkModelDataset` allows). `source` and `config` are never taken from a file:
 * the loader decides them. Pure.
 */
export function checkModelMeta(raw: unknown): Partial<ModelMeta> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<ModelMeta> = {};
  const acc = r.testAccuracy;
  if (typeof acc === 'number' && Number.isFinite(acc) && acc >= 0 && acc <= 1) out.testAccuracy = acc;
  const epochs = r.epochs;
  if (typeof epochs === 'number' && Number.isInteger(epochs) && epochs >= 1 && epochs <= 1000)
    out.epochs = epochs;
  const saved = r.savedAt;
  if (typeof saved === 'string' && saved.length <= 40 && Number.isFinite(Date.parse(saved)))
    out.savedAt = saved;
  const digits = r.trainDigits;
  if (typeof digits === 'number' && Number.isInteger(digits) && digits >= 1 && digits <= 1_000_000)
    out.trainDigits = digits;
  // The designed network as link text; whoever reads it parses it with archCodec, which refuses bad text.
  const arch = r.arch;
  if (typeof arch === 'string' && arch.length <= MAX_ARCH) out.arch = arch;
  const dataset = checkModelDataset(r.dataset);
  if (dataset) out.dataset = dataset;
  const name = r.name;
  if (typeof name === 'string' && name.trim() !== '') {
    out.name = name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
  }
  return out;
}
