/**
 * Pure renderer for a row of small pictures (excalidraw renderer style: (ctx, data, opts) => void).
 * Greyscale pictures are drawn as ink on paper (byte 255 = black), the way every area shows MNIST;
 * colour pictures as they are.
 */

export type GalleryPictures = {
  /** count × h × w × c bytes, row-major, 0–255. */
  images: Uint8Array;
  h: number;
  w: number;
  c: number;
};

/** The RGBA bytes of pictures `indices`, side by side with `gap` white pixels between, at 1 px per pixel. */
export function galleryRowPixels(
  pics: GalleryPictures,
  indices: readonly number[],
  gap: number,
): { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const { h, w, c, images } = pics;
  const width = Math.max(1, indices.length * w + Math.max(0, indices.length - 1) * gap);
  const data = new Uint8ClampedArray(width * h * 4).fill(255);
  const size = h * w * c;
  indices.forEach((index, k) => {
    const x0 = k * (w + gap);
    const from = index * size;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const o = (y * width + x0 + x) * 4;
        const p = from + (y * w + x) * c;
        if (c === 1) {
          const v = 255 - (images[p] ?? 0);
          data[o] = v;
          data[o + 1] = v;
          data[o + 2] = v;
        } else {
          data[o] = images[p] ?? 0;
          data[o + 1] = images[p + 1] ?? 0;
          data[o + 2] = images[p + 2] ?? 0;
        }
        data[o + 3] = 255;
      }
    }
  });
  return { data, width, height: h };
}

/** Draws the row scaled by `scale` CSS px per picture pixel, crisp (no smoothing). */
export function drawGalleryRow(
  ctx: CanvasRenderingContext2D,
  pics: GalleryPictures,
  indices: readonly number[],
  opts: { gap: number; scale: number; dpr: number },
): void {
  const row = galleryRowPixels(pics, indices, opts.gap);
  const off = new OffscreenCanvas(row.width, row.height);
  const octx = off.getContext('2d');
  if (!octx) return;
  octx.putImageData(new ImageData(row.data, row.width, row.height), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const k = opts.scale * opts.dpr;
  ctx.drawImage(off, 0, 0, row.width * k, row.height * k);
}

/**
 * The RGBA bytes of a grid of pictures, one row per class (`rows[k]`: the picture indices of class k,
 * left to right), `gap` white pixels between pictures and between rows, at 1 px per pixel. A shorter
 * row leaves white at its end.
 */
export function galleryGridPixels(
  pics: GalleryPictures,
  rows: readonly (readonly number[])[],
  perRow: number,
  gap: number,
): { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const width = Math.max(1, perRow * pics.w + Math.max(0, perRow - 1) * gap);
  const height = Math.max(1, rows.length * pics.h + Math.max(0, rows.length - 1) * gap);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  rows.forEach((indices, k) => {
    const row = galleryRowPixels(pics, indices.slice(0, perRow), gap);
    const y0 = k * (pics.h + gap);
    for (let y = 0; y < row.height; y++) {
      data.set(row.data.subarray(y * row.width * 4, (y + 1) * row.width * 4), (y0 + y) * width * 4);
    }
  });
  return { data, width, height };
}
