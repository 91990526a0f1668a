/**
 * The architecture as text, for links a teacher can hand out: layers joined by `-`, e.g. LeNet-5
 * with ReLU is `conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84`.
 *   conv<filters>k<size>[s<stride>][v][.relu|.tanh|.sigmoid|.linear]   (same padding and relu by default)
 *   maxpool<size>[s<stride>] · avgpool<size>[s<stride>]                 (stride defaults to the size)
 *   batchnorm · dropout<percent> · dense<units>[.activation]
 * `none` is the empty stack (softmax regression: flatten, then the output layer).
 * Parsing is strict: anything else is refused with an ArchParseError naming the part that is wrong.
 * Pure: no tensors.
 */
import { t } from '../../i18n';
import { SPEC_LIMITS, type LayerActivation, type LayerSpec } from './modelSpec';

/** A link's architecture was refused; `part` is the piece of text that is wrong, `index` its position. */
export class ArchParseError extends Error {
  override name = 'ArchParseError';
  readonly part: string;
  readonly index: number;
  constructor(message: string, part: string, index: number) {
    super(message);
    this.part = part;
    this.index = index;
  }
}

/** Longer text than this cannot be a valid stack of SPEC_LIMITS.layers layers. */
const MAX_TEXT = 1000;
const ACT = '(?:\\.(relu|tanh|sigmoid|linear))?';
const PATTERNS = {
  conv: new RegExp(`^conv(\\d+)k(\\d+)(?:s(\\d+))?(v)?${ACT}$`),
  pool: /^(maxpool|avgpool)(\d+)(?:s(\d+))?$/,
  batchnorm: /^batchnorm$/,
  dropout: /^dropout(\d+)$/,
  dense: new RegExp(`^dense(\\d+)${ACT}$`),
};
const SHAPES: Record<string, string> = {
  conv: 'conv<filters>k<size>[s<stride>][v][.relu|.tanh|.sigmoid|.linear]',
  maxpool: 'maxpool<size>[s<stride>]',
  avgpool: 'avgpool<size>[s<stride>]',
  batchnorm: 'batchnorm',
  dropout: 'dropout<percent>',
  dense: 'dense<units>[.relu|.tanh|.sigmoid|.linear]',
};

/** Text for one layer (defaults left out, so LeNet reads as in the textbook). */
export function formatLayer(l: LayerSpec): string {
  const act = (a: LayerActivation) => (a === 'relu' ? '' : `.${a}`);
  switch (l.kind) {
    case 'conv':
      return `conv${l.filters}k${l.kernel}${l.stride !== 1 ? `s${l.stride}` : ''}${l.padding === 'valid' ? 'v' : ''}${act(l.activation)}`;
    case 'maxpool':
    case 'avgpool':
      return `${l.kind}${l.size}${l.stride !== l.size ? `s${l.stride}` : ''}`;
    case 'batchnorm':
      return 'batchnorm';
    case 'dropout':
      return `dropout${Math.round(l.rate * 100)}`;
    case 'dense':
      return `dense${l.units}${act(l.activation)}`;
  }
}

/** The whole stack as link text; `none` for the empty stack. */
export function formatArch(layers: readonly LayerSpec[]): string {
  return layers.length === 0 ? 'none' : layers.map(formatLayer).join('-');
}

/**
 * Reads link text into a layer stack. Throws ArchParseError naming the wrong part: an unknown layer,
 * too many layers, a number out of range (100,000 filters), a negative or missing number.
 * Only the text is checked here; whether the stack fits the image is layerArithmetic's job.
 */
export function parseArch(text: string): LayerSpec[] {
  const src = text.trim().toLowerCase();
  if (src === '') throw new ArchParseError(t('arch.parse.empty'), '', 0);
  if (src === 'none') return [];
  // Rejoin a number split off by its minus sign ("conv-6k5" → "conv" + "6k5"), to name it whole.
  const raw = src.split('-');
  const parts: string[] = [];
  for (const p of raw) {
    const prev = parts[parts.length - 1];
    if (prev !== undefined && /^\d/.test(p) && /[a-z]$/.test(prev)) parts[parts.length - 1] = `${prev}-${p}`;
    else parts.push(p);
  }
  if (parts.length > SPEC_LIMITS.layers || src.length > MAX_TEXT) {
    const n = parts.length;
    throw new ArchParseError(
      t('arch.parse.tooMany', { n, max: SPEC_LIMITS.layers }),
      `${n.toLocaleString('en-US')}`,
      SPEC_LIMITS.layers,
    );
  }
  return parts.map((p, i) => parseLayer(p, i));
}

function parseLayer(part: string, index: number): LayerSpec {
  const fail = (key: 'unknown' | 'negative' | 'malformed' | 'emptyPart', vars: Record<string, string> = {}) =>
    new ArchParseError(t(`arch.parse.${key}`, { part, pos: index + 1, ...vars }), part, index);
  if (part === '') throw fail('emptyPart');
  if (part.includes('-')) throw fail('negative');
  const word = /^[a-z]+/.exec(part)?.[0] ?? '';
  // "conv6k5" reads as the word "conv" + numbers, but "conv6k5v" still starts with "conv": take the
  // longest known word the part starts with, so a typo after it is "malformed", not "unknown".
  const kind = Object.keys(SHAPES).find((k) => word === k || (k === 'conv' && word.startsWith('conv')));
  if (!kind) throw fail('unknown', { known: Object.keys(SHAPES).join(', ') });
  const expect = { shape: SHAPES[kind] ?? kind };
  const range = (
    what: 'filters' | 'kernel' | 'stride' | 'size' | 'units' | 'dropout',
    v: number,
    [lo, hi]: readonly [number, number],
  ) => {
    if (!Number.isSafeInteger(v) || v < lo || v > hi) {
      throw new ArchParseError(
        t(`arch.parse.range.${what}`, { part, pos: index + 1, value: v, lo, hi }),
        part,
        index,
      );
    }
    return v;
  };
  const L = SPEC_LIMITS;
  if (kind === 'conv') {
    const m = PATTERNS.conv.exec(part);
    if (!m) throw fail('malformed', expect);
    return {
      kind: 'conv',
      filters: range('filters', Number(m[1]), L.filters),
      kernel: range('kernel', Number(m[2]), L.kernel),
      stride: m[3] === undefined ? 1 : range('stride', Number(m[3]), L.convStride),
      padding: m[4] ? 'valid' : 'same',
      activation: (m[5] as LayerActivation | undefined) ?? 'relu',
    };
  }
  if (kind === 'maxpool' || kind === 'avgpool') {
    const m = PATTERNS.pool.exec(part);
    if (!m) throw fail('malformed', expect);
    const size = range('size', Number(m[2]), L.poolSize);
    return {
      kind,
      size,
      stride: m[3] === undefined ? size : range('stride', Number(m[3]), L.poolStride),
    };
  }
  if (kind === 'batchnorm') {
    if (!PATTERNS.batchnorm.test(part)) throw fail('malformed', expect);
    return { kind: 'batchnorm' };
  }
  if (kind === 'dropout') {
    const m = PATTERNS.dropout.exec(part);
    if (!m) throw fail('malformed', expect);
    return { kind: 'dropout', rate: range('dropout', Number(m[1]), L.dropout) / 100 };
  }
  const m = PATTERNS.dense.exec(part);
  if (!m) throw fail('malformed', expect);
  return {
    kind: 'dense',
    units: range('units', Number(m[1]), L.units),
    activation: (m[2] as LayerActivation | undefined) ?? 'relu',
  };
}
