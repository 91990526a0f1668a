/**
 * Reading a .zip one entry at a time, straight from where its bytes live (a File, via Blob.slice, or
 * bytes already in memory), so a 300 MB zip never sits in memory whole: first the central directory
 * at the end of the file (names and declared sizes, nothing inflated), then each entry on demand.
 * An entry is inflated a piece at a time into a buffer of the size the directory declares, so an entry
 * that claims 1 kB and holds 1 GB is caught after one piece, with 1 kB allocated.
 * Knows stored (0) and deflated (8) entries, which is what every common zip tool writes. Pure apart
 * from the source's reads; no tensors, no DOM.
 */
import { Inflate } from 'fflate';

/** Where a zip's bytes come from. `read` resolves with exactly `length` bytes (fewer only at the end). */
export type ZipSource = { size: number; read: (offset: number, length: number) => Promise<Uint8Array> };

export type ZipEntry = {
  /** Path inside the zip, `/`-separated; folders end with `/`. */
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  method: number;
  compressedSize: number;
  /** What the directory says the entry unpacks to. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
  encrypted: boolean;
  /** Name and extra-field bytes in the directory: the local header usually has the same, so one read gets both. */
  headerGuess: number;
};

/** The zip's structure is broken (or it is not a zip); `message` is for developers, the caller words it. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** The bytes of `zip`, already in memory (tests, small files). The reads are views, not copies. */
export function memoryZipSource(zip: Uint8Array): ZipSource {
  return {
    size: zip.length,
    read: (offset, length) => Promise.resolve(zip.subarray(offset, offset + length)),
  };
}

/** A File or Blob read a slice at a time: only the slices asked for are ever in memory. */
export function blobZipSource(blob: Blob): ZipSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number) => u16(b, i) + u16(b, i + 2) * 65536;

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** End-of-directory record (22 bytes) plus the longest comment a zip may carry. */
const EOCD_SEARCH = 22 + 0xffff;
/** Compressed bytes pushed to the inflater at a time. */
const INFLATE_PIECE = 16_384;

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder().decode(bytes);
  // Without the flag the spec says CP437, but most tools write UTF-8 anyway: try it strictly first.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

/**
 * Where the central directory is and how many entries it lists, read from the end of the zip.
 * `maxEntries`: refuse (before reading the directory) a zip that lists more. Throws ZipFormatError.
 */
async function findDirectory(source: ZipSource): Promise<{ count: number; size: number; offset: number }> {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) !== EOCD_SIG) continue;
    const count = u16(tail, i + 10);
    const size = u32(tail, i + 12);
    const offset = u32(tail, i + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      throw new ZipFormatError('zip64 archives (over 65,535 files or 4 GB) are not read');
    }
    if (offset + size > tailStart + i) continue; // a signature inside the comment, not the real record
    return { count, size, offset };
  }
  throw new ZipFormatError('no zip directory at the end of the file');
}

/**
 * The entries a zip lists, in directory order, without inflating anything. Throws ZipFormatError for
 * a file that is not a zip, and calls `check(count)` with the entry count before reading the directory
 * (throw from it to refuse a zip with too many files unread). Returns new objects the caller owns.
 */
export async function readZipDirectory(
  source: ZipSource,
  check: (count: number) => void = () => {},
): Promise<ZipEntry[]> {
  const dir = await findDirectory(source);
  check(dir.count);
  const bytes = await source.read(dir.offset, dir.size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < dir.count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CDH_SIG) {
      throw new ZipFormatError(`directory entry ${n + 1} is damaged`);
    }
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const skip = 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (at + skip > bytes.length) throw new ZipFormatError(`directory entry ${n + 1} is cut short`);
    entries.push({
      name: decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
      encrypted: (flags & 1) !== 0,
      headerGuess: nameLength + u16(bytes, at + 30),
    });
    at += skip;
  }
  return entries;
}

/**
 * One entry's unpacked bytes (a new array the caller owns). Reads only this entry's bytes from the
 * source. Throws ZipFormatError when the entry is encrypted, uses another compression, is damaged, or
 * unpacks to more than its directory entry declared (a disguised bomb: stopped at declared size + 1).
 */
export async function readZipEntry(source: ZipSource, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.encrypted) throw new ZipFormatError('it is encrypted');
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipFormatError(`it uses compression method ${entry.method}; only stored and deflate are read`);
  }
  // One read for the local header and the data when the header is as long as the directory's guess.
  const first = await source.read(entry.offset, 30 + entry.headerGuess + entry.compressedSize);
  if (first.length < 30 || u32(first, 0) !== LOCAL_SIG)
    throw new ZipFormatError('its local header is damaged');
  const skip = 30 + u16(first, 26) + u16(first, 28);
  const packed =
    skip + entry.compressedSize <= first.length
      ? first.subarray(skip, skip + entry.compressedSize)
      : await source.read(entry.offset + skip, entry.compressedSize);
  if (packed.length < entry.compressedSize) throw new ZipFormatError('it is cut short');
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipFormatError('its sizes disagree');
    return packed.slice();
  }
  // Streamed in small pieces, counting what comes out: a lie about the size stops within one piece
  // (at most ~1,000 × INFLATE_PIECE bytes of output), not after inflating the whole bomb.
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (filled + chunk.length > entry.size) {
      over = true;
      return;
    }
    out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    for (let p = 0; p < packed.length || p === 0; p += INFLATE_PIECE) {
      const end = Math.min(packed.length, p + INFLATE_PIECE);
      inflater.push(packed.subarray(p, end), end >= packed.length);
      if (over) break;
    }
  } catch (err) {
    throw new ZipFormatError(`it cannot be unpacked (${err instanceof Error ? err.message : String(err)})`);
  }
  if (over) throw new ZipFormatError('it unpacks to more than its directory says');
  if (filled !== entry.size) throw new ZipFormatError('it unpacks to less than its directory says');
  return out;
}
