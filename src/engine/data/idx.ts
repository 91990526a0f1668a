/**
 * The IDX file format MNIST ships in (http://yann.lecun.com/exdb/mnist/):
 *   bytes 0–1  zero
 *   byte  2    data type; 0x08 = unsigned byte, the only one MNIST uses
 *   byte  3    number of dimensions d
 *   then d big-endian uint32 sizes, then prod(sizes) bytes of data, row-major.
 * So the images file starts 00 00 08 03 (= 2051) and the labels file 00 00 08 01 (= 2049).
 */

export type IdxArray = { dims: number[]; data: Uint8Array };

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
export const DEFAULT_IDX_FIX = 'run `npm run prepare-data` and reload';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Parses an unsigned-byte IDX file strictly: zero prefix, dtype 0x08, the expected rank, and an exact
 * byte length. `data` is a view into `bytes` (no copy), so keep `bytes` alive while it is used.
 * Returns plain arrays; no tensors. Throws an Error saying what is wrong and how to fix it.
 */
export function parseIdx(bytes: Uint8Array, opts: ParseIdxOptions = {}): IdxArray {
  const name = opts.name ?? 'IDX data';
  const fix = opts.fix ?? DEFAULT_IDX_FIX;
  const fail = (what: string) => new Error(`${name} ${what}; ${fix}.`);
  if (bytes.length < 4) throw fail(`is truncated: only ${fmt(bytes.length)} bytes, not even an IDX header`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    throw fail(
      isGzip
        ? 'is still gzip-compressed, not an IDX file'
        : `is not an IDX file (bad magic number 0x${hex(bytes, 4)}, expected 0x00000803 or 0x00000801)`,
    );
  }
  const dtype = bytes[2] ?? 0;
  if (dtype !== IDX_UBYTE) {
    throw fail(`has data type 0x${dtype.toString(16).padStart(2, '0')}, expected 0x08 (unsigned bytes)`);
  }
  const rank = bytes[3] ?? 0;
  if (rank === 0 || (opts.rank !== undefined && rank !== opts.rank)) {
    throw fail(`has ${rank} dimensions, expected ${opts.rank ?? 'at least 1'}`);
  }
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw fail(`is truncated: expected at least ${fmt(headerBytes)} header bytes, got ${fmt(bytes.length)}`);
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
    throw fail(`is truncated: expected ${fmt(expected)} bytes, got ${fmt(bytes.length)}`);
  }
  if (bytes.length > expected) {
    throw fail(`is too long: expected ${fmt(expected)} bytes, got ${fmt(bytes.length)}`);
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/**
 * Builds an unsigned-byte IDX file: the inverse of `parseIdx`, for tests and tools.
 * `data.length` must equal the product of `dims`.
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
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
