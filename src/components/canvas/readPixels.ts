/**
 * Reads a picture's RGBA pixels through one reused, CPU-backed canvas. Each `getImageData` on a fresh
 * canvas made for the GPU waits for the GPU to hand the pixels back: importing a 1,000-picture zip on
 * the 2-core machine spent 75–236 ms of wall time per such read (a Chromium trace,
 * `scripts/trace-longtasks.ts --import 200`), long tasks for a page that must stay responsive.
 * `willReadFrequently` keeps the canvas in memory, where reading it back is a copy.
 */
let shared: OffscreenCanvasRenderingContext2D | null = null;

/**
 * Draws `source` (or its `crop` rectangle) onto a `w`×`h` canvas and returns that canvas's RGBA bytes,
 * a new array the caller owns. Throws when the browser has no 2D canvas.
 */
export function readPixels(
  source: CanvasImageSource,
  w: number,
  h: number,
  crop?: { x: number; y: number; side: number },
): Uint8ClampedArray {
  if (!shared) shared = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
  const ctx = shared;
  // Developer-facing: a browser without a 2D canvas cannot read pictures at all (callers word it).
  if (!ctx) throw new Error('no 2D canvas');
  if (ctx.canvas.width !== w || ctx.canvas.height !== h) {
    ctx.canvas.width = w;
    ctx.canvas.height = h;
  } else ctx.clearRect(0, 0, w, h);
  if (crop) ctx.drawImage(source, crop.x, crop.y, crop.side, crop.side, 0, 0, w, h);
  else ctx.drawImage(source, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h).data;
}
