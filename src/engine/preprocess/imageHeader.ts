/**
 * Reads an image's type and pixel size from its first bytes, before anything is decoded, so a
 * 20,000 × 20,000 file can be refused without allocating 1.6 GB. Knows PNG, JPEG, GIF, BMP and WebP.
 */
import { t } from '../../i18n';

export type ImageHeader = { type: 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp'; width: number; height: number };

/** Largest image we agree to decode: enough for any phone photo, far below what would freeze a tab. */
export const MAX_IMAGE_SIDE = 8192;
export const MAX_IMAGE_PIXELS = 40_000_000;

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number) =>
  (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/**
 * The header of `bytes` (the whole file or at least its first 64 KB), or null when the bytes are not a
 * known image format or the header is cut short. Pure; nothing to dispose.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes.length >= 24 && u32be(bytes, 0) === 0x89504e47 && ascii(bytes, 12, 4) === 'IHDR') {
    return { type: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) };
  }
  if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    return { type: 'gif', width: u16le(bytes, 6), height: u16le(bytes, 8) };
  }
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    return { type: 'bmp', width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) };
  }
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    const chunk = ascii(bytes, 12, 4);
    if (chunk === 'VP8X') {
      const w = 1 + ((bytes[24] ?? 0) | ((bytes[25] ?? 0) << 8) | ((bytes[26] ?? 0) << 16));
      const h = 1 + ((bytes[27] ?? 0) | ((bytes[28] ?? 0) << 8) | ((bytes[29] ?? 0) << 16));
      return { type: 'webp', width: w, height: h };
    }
    if (chunk === 'VP8 ')
      return { type: 'webp', width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
    if (chunk === 'VP8L' && bytes.length >= 25) {
      const b = (i: number) => bytes[21 + i] ?? 0;
      const w = 1 + (b(0) | ((b(1) & 0x3f) << 8));
      const h = 1 + ((b(1) >> 6) | (b(2) << 2) | ((b(3) & 0x0f) << 10));
      return { type: 'webp', width: w, height: h };
    }
    return null;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker, which holds the size.
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1] ?? 0;
      if (marker === 0xff) {
        i++;
        continue;
      }
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { type: 'jpeg', height: u16be(bytes, i + 5), width: u16be(bytes, i + 7) };
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        i += 2;
        continue;
      }
      i += 2 + u16be(bytes, i + 2);
    }
    return null;
  }
  return null;
}

/** Why an image of this size is refused, in words for the user; null when it is fine. */
export function imageSizeProblem(header: ImageHeader): string | null {
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
