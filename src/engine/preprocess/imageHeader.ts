/**
 * Reads an image's type and the real pixel size of EVERY frame from its bytes, before anything is
 * decoded, so a file that would take gigabytes to decode is refused without allocating them.
 *
 * Why every frame: the first header is not the whole story. A GIF's logical screen can say 16×16 while
 * one of its image descriptors says 20,000×20,000 (and the decoder allocates for the frame); an animated
 * WebP has a frame per ANMF chunk; a JPEG can have several frames (hierarchical files); an APNG has a
 * frame control chunk per frame. The size that counts is the largest extent any of them asks for.
 * Knows PNG (and APNG), JPEG, GIF, BMP and WebP.
 */
import { t } from '../../i18n';

export type ImageType = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

/** `width`/`height`: the largest extent the canvas or any frame asks for; `frames`: how many were seen. */
export type ImageHeader = { type: ImageType; width: number; height: number; frames: number };

export type ImageInspection =
  | { ok: true; header: ImageHeader }
  /** Not a format this app reads. */
  | { ok: false; reason: 'unknown' }
  /** Starts like `type` but its size information is missing or cut short: not a valid file of that type. */
  | { ok: false; reason: 'damaged'; type: ImageType };

/** Largest image we agree to decode: enough for any phone photo, far below what would freeze a tab. */
export const MAX_IMAGE_SIDE = 8192;
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Larger files are refused unread: no photo of one digit needs this much. */
export const MAX_IMAGE_FILE_BYTES = 40_000_000;

const u8 = (b: Uint8Array, i: number) => b[i] ?? 0;
const u16be = (b: Uint8Array, i: number) => (u8(b, i) << 8) | u8(b, i + 1);
const u16le = (b: Uint8Array, i: number) => u8(b, i) | (u8(b, i + 1) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | (u8(b, i + 2) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2);
const u32le = (b: Uint8Array, i: number) => u16le(b, i) + u16le(b, i + 2) * 65536;
const i32le = (b: Uint8Array, i: number) => u32le(b, i) | 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** Grows as frames are found; `damaged()` when a format's size information is broken. */
class Extent {
  width = 0;
  height = 0;
  frames = 0;
  readonly type: ImageType;
  constructor(type: ImageType) {
    this.type = type;
  }
  add(w: number, h: number): void {
    this.width = Math.max(this.width, w);
    this.height = Math.max(this.height, h);
    this.frames++;
  }
  done(): ImageInspection {
    return this.frames === 0
      ? { ok: false, reason: 'damaged', type: this.type }
      : {
          ok: true,
          header: { type: this.type, width: this.width, height: this.height, frames: this.frames },
        };
  }
}

const damaged = (type: ImageType): ImageInspection => ({ ok: false, reason: 'damaged', type });

/** PNG: IHDR must be the first chunk; every fcTL (APNG frame) is checked too. */
function inspectPng(b: Uint8Array): ImageInspection {
  const e = new Extent('png');
  if (b.length < 33 || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return damaged('png');
  e.add(u32be(b, 16), u32be(b, 20));
  let i = 33;
  while (i + 8 <= b.length) {
    const len = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    if (type === 'fcTL' && i + 8 + 20 <= b.length) {
      // fcTL: sequence(4) width(4) height(4) x(4) y(4): the frame's extent is offset + size.
      e.add(u32be(b, i + 12) + u32be(b, i + 20), u32be(b, i + 16) + u32be(b, i + 24));
    }
    if (type === 'IEND') break;
    i += 12 + len;
  }
  return e.done();
}

/** GIF: the logical screen, then every image descriptor (skipping colour tables and data sub-blocks). */
function inspectGif(b: Uint8Array): ImageInspection {
  const e = new Extent('gif');
  if (b.length < 13) return damaged('gif');
  e.add(u16le(b, 6), u16le(b, 8));
  const flags = u8(b, 10);
  let i = 13 + (flags & 0x80 ? 3 * (1 << ((flags & 7) + 1)) : 0);
  const skipSubBlocks = () => {
    while (i < b.length) {
      const n = u8(b, i);
      i += 1 + n;
      if (n === 0) return;
    }
  };
  while (i < b.length) {
    const block = u8(b, i);
    if (block === 0x2c) {
      if (i + 10 > b.length) break;
      // Image descriptor: left(2) top(2) width(2) height(2) flags(1).
      e.add(u16le(b, i + 1) + u16le(b, i + 5), u16le(b, i + 3) + u16le(b, i + 7));
      const f = u8(b, i + 9);
      i += 10 + (f & 0x80 ? 3 * (1 << ((f & 7) + 1)) : 0) + 1; // + LZW minimum code size
      skipSubBlocks();
    } else if (block === 0x21) {
      i += 2;
      skipSubBlocks();
    } else break; // 0x3b trailer, or garbage after the last frame: browsers stop there too
  }
  return e.done();
}

/** JPEG: every start-of-frame marker in the file, walking segments and the entropy-coded data between. */
function inspectJpeg(b: Uint8Array): ImageInspection {
  const e = new Extent('jpeg');
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) {
      // Inside entropy-coded data (after SOS): skip to the next marker that is not a stuffed 0xFF00 or RSTn.
      i++;
      continue;
    }
    const marker = u8(b, i + 1);
    if (marker === 0xff || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker === 0xd9) break; // end of image
    if (marker === 0xd8) {
      i += 2;
      continue;
    }
    const len = u16be(b, i + 2);
    if (len < 2) return damaged('jpeg');
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > b.length) break;
      e.add(u16be(b, i + 7), u16be(b, i + 5));
    }
    i += 2 + len;
  }
  return e.done();
}

/** WebP: the VP8X canvas, every ANMF frame, and every VP8/VP8L bitstream's own size. */
function inspectWebp(b: Uint8Array): ImageInspection {
  const e = new Extent('webp');
  const bitstream = (type: string, at: number) => {
    if (type === 'VP8 ' && at + 10 <= b.length) e.add(u16le(b, at + 6) & 0x3fff, u16le(b, at + 8) & 0x3fff);
    if (type === 'VP8L' && at + 5 <= b.length && b[at] === 0x2f) {
      const bits = u32le(b, at + 1);
      e.add((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
  };
  let i = 12;
  while (i + 8 <= b.length) {
    const type = ascii(b, i, 4);
    const len = u32le(b, i + 4);
    const data = i + 8;
    if (type === 'VP8X' && data + 10 <= b.length) e.add(1 + u24le(b, data + 4), 1 + u24le(b, data + 7));
    else if (type === 'ANMF' && data + 16 <= b.length) {
      // Frame: x/2 (3) y/2 (3) width-1 (3) height-1 (3) duration (3) flags (1), then its own chunks.
      e.add(2 * u24le(b, data) + 1 + u24le(b, data + 6), 2 * u24le(b, data + 3) + 1 + u24le(b, data + 9));
      let j = data + 16;
      while (j + 8 <= Math.min(b.length, data + len)) {
        bitstream(ascii(b, j, 4), j + 8);
        j += 8 + u32le(b, j + 4) + (u32le(b, j + 4) & 1);
      }
    } else bitstream(type, data);
    i = data + len + (len & 1);
  }
  return e.done();
}

/** BMP: BITMAPCOREHEADER (12 bytes, 16-bit sizes) or the later headers (32-bit, height signed). */
function inspectBmp(b: Uint8Array): ImageInspection {
  if (b.length < 26) return damaged('bmp');
  const e = new Extent('bmp');
  if (u32le(b, 14) === 12) e.add(u16le(b, 18), u16le(b, 20));
  else {
    const w = i32le(b, 18);
    if (w < 0 || b.length < 26) return damaged('bmp');
    e.add(w, Math.abs(i32le(b, 22)));
  }
  return e.done();
}

/**
 * What `bytes` (the WHOLE file: frames can be anywhere in it) are: a known image with the largest extent
 * any of its frames asks for, a damaged file of a known type, or not an image this app reads.
 * Pure; nothing to dispose.
 */
export function inspectImage(bytes: Uint8Array): ImageInspection {
  const b = bytes;
  if (b.length >= 8 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) return inspectPng(b);
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return inspectGif(b);
  if (b.length >= 2 && ascii(b, 0, 2) === 'BM') return inspectBmp(b);
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return inspectWebp(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return inspectJpeg(b);
  return { ok: false, reason: 'unknown' };
}

/** The header of a valid image, or null when `bytes` are not one (unknown or damaged). Pure. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const r = inspectImage(bytes);
  return r.ok ? r.header : null;
}

/** Why an image of this size is refused, in words for the user; null when it is fine. */
export function imageSizeProblem(header: { width: number; height: number }): string | null {
  const { width, height } = header;
  if (width <= 0 || height <= 0) return t('engine.image.zeroSize');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return t('engine.image.tooLarge', {
      w: width.toLocaleString('en-US'),
      h: height.toLocaleString('en-US'),
      side: MAX_IMAGE_SIDE.toLocaleString('en-US'),
      millions: (MAX_IMAGE_PIXELS / 1e6).toFixed(0),
    });
  }
  return null;
}

/**
 * Everything wrong with an image file before decoding, as one sentence for the user, or null when it
 * may be decoded: too many bytes, not an image, a damaged header, an empty or too large frame.
 */
export function imageFileProblem(bytes: Uint8Array, fileSize = bytes.length): string | null {
  if (fileSize > MAX_IMAGE_FILE_BYTES) {
    return t('engine.image.fileTooBig', {
      mb: (fileSize / 1e6).toFixed(0),
      max: (MAX_IMAGE_FILE_BYTES / 1e6).toFixed(0),
    });
  }
  const r = inspectImage(bytes);
  if (!r.ok) {
    return r.reason === 'unknown'
      ? t('engine.image.unknown')
      : t('engine.image.notValid', { type: r.type.toUpperCase() });
  }
  return imageSizeProblem(r.header);
}
