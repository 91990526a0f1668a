import { createStore } from '../../state/createStore';
import { t } from '../../i18n';
import { imageFileProblem, inspectImage, MAX_IMAGE_FILE_BYTES } from '../../engine';

/** The last uploaded photo, already downscaled: RGB planes in [0, 1]. Never in the URL (too big). */
export type Photo = { name: string; w: number; h: number; rgb: Float32Array };
export const photoStore = createStore<{ photo: Photo | null }>({ photo: null });

/** Photos are shrunk so the longer side has this many pixels: enough to see, small enough to animate. */
export const PHOTO_SIDE = 28;

/**
 * Reads an uploaded file into a small RGB photo. Rejects with a message a student can act on when
 * the file is not an image, is damaged, or is far too large; nothing is changed in that case.
 */
export async function loadPhoto(file: File): Promise<Photo> {
  if (file.type && !file.type.startsWith('image/')) {
    throw new Error(
      t('conv.photo.notPicture', { name: file.name.slice(0, 60), type: file.type.slice(0, 40) }),
    );
  }
  const name = file.name.length > 60 ? `${file.name.slice(0, 60)}…` : file.name;
  // The whole file: a GIF or WebP frame that asks for gigabytes can sit anywhere in it.
  const bytes =
    file.size > MAX_IMAGE_FILE_BYTES ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  const inspected = inspectImage(bytes);
  if (file.size <= MAX_IMAGE_FILE_BYTES && !inspected.ok && inspected.reason === 'unknown') {
    throw new Error(t('conv.photo.unreadable', { name }));
  }
  const problem = imageFileProblem(bytes, file.size);
  if (problem || !inspected.ok) throw new Error(t('conv.photo.refused', { name, problem: problem ?? '' }));
  const size = {
    w: inspected.header.width,
    h: inspected.header.height,
    format: inspected.header.type.toUpperCase(),
  };
  const scale = PHOTO_SIDE / Math.max(size.w, size.h);
  const w = Math.max(1, Math.round(size.w * Math.min(1, scale)));
  const h = Math.max(1, Math.round(size.h * Math.min(1, scale)));
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  } catch {
    throw new Error(t('conv.photo.damaged', { name, format: size.format }));
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
