/**
 * The story a model file tells about itself (`userDefinedMetadata.cnnStudio`: accuracy, epochs, when it
 * was saved, its name) comes from whoever made the file, so each field is kept only when it is a
 * sensible value: an accuracy of 12.5 ("1250%") or a date that is not a date is dropped, not shown.
 */
import type { ModelMeta } from './modelIO';

const MAX_NAME = 80;
const MAX_ARCH = 2000;

/**
 * The fields of `raw` that pass their checks (accuracy a fraction in [0, 1], epochs a whole number from 1
 * to 1,000, savedAt a real date, trainDigits a whole count, arch link text of sensible length, name a short
 * string). `source` and `config` are never taken from a file:
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
  const name = r.name;
  if (typeof name === 'string' && name.trim() !== '') {
    out.name = name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
  }
  return out;
}
