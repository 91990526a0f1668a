import {
  imageFileProblem,
  inkBoundingBox,
  inspectImage,
  MAX_IMAGE_FILE_BYTES,
  photoToInk,
} from '../../engine';
import { t } from '../../i18n';
import { inkToImageData } from './strokes';

/** Photos are shrunk to at most this many pixels a side before the ink is found: plenty for a digit. */
const WORK_SIDE = 560;

export type UploadResult = { ok: true; ink: ImageData; inverted: boolean } | { ok: false; message: string };

/**
 * A photo or scan of a handwritten digit → its ink, cropped to the digit, as black-with-alpha pixels for
 * the drawing canvas. Checks the file's header (type and size) before decoding anything, so a huge or
 * fake image is refused without freezing the tab. Never throws: problems come back as a message.
 */
export async function readDigitPhoto(file: File): Promise<UploadResult> {
  const name = file.name.length > 60 ? `${file.name.slice(0, 60)}…` : file.name;
  // The whole file: a GIF or WebP frame that asks for gigabytes can sit anywhere in it.
  const bytes =
    file.size > MAX_IMAGE_FILE_BYTES ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  const inspected = inspectImage(bytes);
  if (file.size <= MAX_IMAGE_FILE_BYTES && !inspected.ok && inspected.reason === 'unknown') {
    return { ok: false, message: t('draw.upload.unreadable', { name }) };
  }
  const problem = imageFileProblem(bytes, file.size);
  if (problem || !inspected.ok) {
    return { ok: false, message: t('draw.upload.tooBig', { name, problem: problem ?? '' }) };
  }
  const header = inspected.header;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return {
      ok: false,
      message: t('draw.upload.damaged', { name, type: header.type.toUpperCase() }),
    };
  }
  const s = Math.min(1, WORK_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * s));
  const h = Math.max(1, Math.round(bitmap.height * s));
  const work = new OffscreenCanvas(w, h);
  const ctx = work.getContext('2d');
  if (!ctx) {
    bitmap.close();
    return { ok: false, message: t('draw.upload.noCanvas') };
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const photo = photoToInk(ctx.getImageData(0, 0, w, h).data, w, h);
  const box = inkBoundingBox(photo);
  if (!box) {
    return {
      ok: false,
      message: t('draw.upload.blank', { name }),
    };
  }
  // Crop to the digit with a margin, so it fills the drawing canvas instead of sitting small in a corner.
  const margin = Math.round(0.15 * Math.max(box.x1 - box.x0 + 1, box.y1 - box.y0 + 1));
  const x0 = Math.max(0, box.x0 - margin);
  const y0 = Math.max(0, box.y0 - margin);
  const x1 = Math.min(w - 1, box.x1 + margin);
  const y1 = Math.min(h - 1, box.y1 + margin);
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  const crop = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) crop[y * cw + x] = photo.data[(y0 + y) * w + x0 + x] as number;
  }
  return { ok: true, ink: inkToImageData(crop, cw, ch), inverted: photo.inverted };
}
