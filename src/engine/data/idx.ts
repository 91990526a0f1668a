/**
 * The IDX file format MNIST ships in (http://yann.lecun.com/exdb/mnist/):
 *   bytes 0–1  zero
 *   byte  2    data type; 0x08 = unsigned byte, the only one MNIST uses
 *   byte  3    number of dimensions d
 *   then d big-endian uint32 sizes, then prod(sizes) bytes of data, row-major.
 * So the images file starts 00 00 08 03 (= 2051) and the labels file 00 00 08 01 (= 2049).
 */
import { t, type Vars } from '../../i18n';

export type IdxArray = { dims: number[]; data: Uint8Array };

/** The messages of engine.idx that report a bad file (each fills `{name}` and `{fix}`). */
type IdxProblem =
  'tooShort' | 'stillGzip' | 'badMagic' | 'badType' | 'badRank' | 'shortHeader' | 'truncated' | 'tooLong';

export type ParseIdxOptions = {
  /** What the bytes are, for messages: "train-images". */
  name?: string;
  /** How a person fixes a bad file, appended to every message. */
  fix?: string;
  /** Expected number of dimensions (3 for images, 1 for labels). */
  rank?: number;
};

export const IDX_UBYTE = 0x08;
export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;
/** The fix an IDX error suggests when the caller gives none: rebuild the packed files. */
export const defaultIdxFix = (): string => t('engine.download.prepareFix');

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Parses an unsigned-byte IDX file strictly: zero prefix, dtype 0x08, the expected rank, and an exact
 * byte length. `data` is a view into `bytes` (no copy), so keep `bytes` alive while it is used.
 * Returns plain arrays; no tensors. Throws an Error saying what is wrong and how to fix it.
 */
export function parseIdx(bytes: Uint8Array, opts: ParseIdxOptions = {}): IdxArray {
  const name = opts.name ?? t('engine.idx.defaultName');
  const fix = opts.fix ?? defaultIdxFix();
  const fail = (key: IdxProblem, vars: Vars = {}) =>
    new Error(t(`engine.idx.${key}`, { name, fix, ...vars }));
  if (bytes.length < 4) throw fail('tooShort', { bytes: fmt(bytes.length) });
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    throw isGzip ? fail('stillGzip') : fail('badMagic', { magic: hex(bytes, 4) });
  }
  const dtype = bytes[2] ?? 0;
  if (dtype !== IDX_UBYTE) {
    throw fail('badType', { type: dtype.toString(16).padStart(2, '0') });
  }
  const rank = bytes[3] ?? 0;
  if (rank === 0 || (opts.rank !== undefined && rank !== opts.rank)) {
    const expected = opts.rank === undefined ? t('engine.idx.atLeastOne') : String(opts.rank);
    throw fail('badRank', { rank: String(rank), expected });
  }
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw fail('shortHeader', { expected: fmt(headerBytes), got: fmt(bytes.length) });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let size = 1;
  for (let i = 0; i < rank; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    dims.push(d);
    size *= d;
  }
  const expected = headerBytes + size;
  if (bytes.length < expected) {
    throw fail('truncated', { expected: fmt(expected), got: fmt(bytes.length) });
  }
  if (bytes.length > expected) {
    throw fail('tooLong', { expected: fmt(expected), got: fmt(bytes.length) });
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/**
 * Builds an unsigned-byte IDX file: the inverse of `parseIdx`, for tests and tools.
 * `data.length` must equal the product of `dims`.
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  // A developer's mistake in a test or tool, not a user's: stays English.
  if (data.length !== size)
    throw new Error(`encodeIdx: ${data.length} values do not fill dims [${dims.join(', ')}]`);
  const out = new Uint8Array(4 + 4 * dims.length + size);
  out[2] = IDX_UBYTE;
  out[3] = dims.length;
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

function hex(bytes: Uint8Array, n: number): string {
  return Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, '0')).join('');
}
