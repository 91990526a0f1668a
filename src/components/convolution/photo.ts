import { createStore } from '../../state/createStore';
import { t } from '../../i18n';

/** The last uploaded photo, already downscaled: RGB planes in [0, 1]. Never in the URL (too big). */
export type Photo = { name: string; w: number; h: number; rgb: Float32Array };
export const photoStore = createStore<{ photo: Photo | null }>({ photo: null });

/** Photos are shrunk so the longer side has this many pixels: enough to see, small enough to animate. */
export const PHOTO_SIDE = 28;
const MAX_SIDE = 12_000;
const MAX_PIXELS = 50_000_000;

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, i: number) => ((u16be(b, i) << 16) >>> 0) + u16be(b, i + 2);
const u32le = (b: Uint8Array, i: number) => u16le(b, i) + u16le(b, i + 2) * 65536;

/**
 * Width and height from the file header (PNG, JPEG, GIF, BMP, WebP), read before decoding so a
 * 20,000×20,000 image is refused without the browser trying to allocate 1.6 GB. Null when unknown.
 */
export function imageHeaderSize(b: Uint8Array): { format: string; w: number; h: number } | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { format: 'PNG', w: u32be(b, 16), h: u32be(b, 20) };
  }
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46)
    return { format: 'GIF', w: u16le(b, 6), h: u16le(b, 8) };
  if (b[0] === 0x42 && b[1] === 0x4d)
    return { format: 'BMP', w: Math.abs(u32le(b, 18) | 0), h: Math.abs(u32le(b, 22) | 0) };
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) {
    const chunk = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
    if (chunk === 'VP8X')
      return {
        format: 'WebP',
        w: 1 + ((b[24] ?? 0) | ((b[25] ?? 0) << 8) | ((b[26] ?? 0) << 16)),
        h: 1 + ((b[27] ?? 0) | ((b[28] ?? 0) << 8) | ((b[29] ?? 0) << 16)),
      };
    if (chunk === 'VP8 ') return { format: 'WebP', w: u16le(b, 26) & 0x3fff, h: u16le(b, 28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = u32le(b, 21);
      return { format: 'WebP', w: (bits & 0x3fff) + 1, h: ((bits >>> 14) & 0x3fff) + 1 };
    }
    return null;
  }
  if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1] ?? 0;
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'JPEG', h: u16be(b, i + 5), w: u16be(b, i + 7) };
      }
      i += 2 + u16be(b, i + 2);
    }
    return null;
  }
  return null;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Reads an uploaded file into a small RGB photo. Rejects with a message a student can act on when
 * the file is not an image, is damaged, or is far too large; nothing is changed in that case.
 */
export async function loadPhoto(file: File): Promise<Photo> {
  if (file.type && !file.type.startsWith('image/')) {
    throw new Error(t('conv.photo.notPicture', { name: file.name, type: file.type }));
  }
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const size = imageHeaderSize(head);
  if (!size) {
    throw new Error(t('conv.photo.unreadable', { name: file.name }));
  }
  if (size.w < 1 || size.h < 1 || size.w > MAX_SIDE || size.h > MAX_SIDE || size.w * size.h > MAX_PIXELS) {
    throw new Error(
      t('conv.photo.tooLarge', { name: file.name, w: fmt(size.w), h: fmt(size.h), max: fmt(MAX_SIDE) }),
    );
  }
  const scale = PHOTO_SIDE / Math.max(size.w, size.h);
  const w = Math.max(1, Math.round(size.w * Math.min(1, scale)));
  const h = Math.max(1, Math.round(size.h * Math.min(1, scale)));
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  } catch {
    throw new Error(t('conv.photo.damaged', { name: file.name, format: size.format }));
  }
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('conv.photo.noCanvas'));
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const px = ctx.getImageData(0, 0, w, h).data;
  const rgb = new Float32Array(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    rgb[i * 3] = (px[i * 4] ?? 0) / 255;
    rgb[i * 3 + 1] = (px[i * 4 + 1] ?? 0) / 255;
    rgb[i * 3 + 2] = (px[i * 4 + 2] ?? 0) / 255;
  }
  return { name: file.name, w, h, rgb };
}

/** Luminance (ITU-R BT.601 weights), one channel. */
export function photoGrey(p: Photo): Float32Array {
  const out = new Float32Array(p.w * p.h);
  for (let i = 0; i < p.w * p.h; i++) {
    out[i] = 0.299 * (p.rgb[i * 3] ?? 0) + 0.587 * (p.rgb[i * 3 + 1] ?? 0) + 0.114 * (p.rgb[i * 3 + 2] ?? 0);
  }
  return out;
}
