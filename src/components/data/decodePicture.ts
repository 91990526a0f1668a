import type { Rgba, ZipImage } from '../../engine';
import { readPixels } from '../canvas/readPixels';

/**
 * Longest side a picture is decoded at: 4× the 32 px stored, so the area resize in the engine still has
 * detail to average, while a 6,000×4,000 photo never takes more than 128×85×4 bytes once decoded.
 */
const DECODE_SIDE = 128;

/**
 * Decodes one picture of a dataset zip to RGBA at most DECODE_SIDE on its longest side (the browser's
 * own decoder, createImageBitmap, resizing as it decodes). Throws when the bytes cannot be decoded.
 */
export async function decodePicture(img: ZipImage): Promise<Rgba> {
  const { width, height, type } = img.header;
  const scale = Math.min(1, DECODE_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  // A copy into a fresh ArrayBuffer: Blob wants its own bytes, and the zip's may be a shared view.
  const blob = new Blob([img.bytes.slice()], { type: type === 'png' ? 'image/png' : 'image/jpeg' });
  const bitmap = await createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  try {
    return { data: readPixels(bitmap, w, h), width: w, height: h };
  } finally {
    bitmap.close();
  }
}
