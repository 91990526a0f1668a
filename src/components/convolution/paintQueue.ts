import type { MapStack } from '../../engine';
import type { ColorScale } from '../canvas/colorScales';
import { channelPixels } from '../canvas/drawHeatmap';

/**
 * Cheap drawing for many small maps (the filter bank). Each map's canvas is exactly w×h device pixels
 * and CSS scales it up with `image-rendering: pixelated`, so one map costs one `putImageData`: no
 * per-cell paths, no scratch canvas, no scaling pass. The ImageData and the 2-D context are kept per
 * canvas and reused, so steady redraws allocate nothing.
 */
const buffers = new WeakMap<HTMLCanvasElement, { ctx: CanvasRenderingContext2D; img: ImageData }>();

function bufferFor(
  canvas: HTMLCanvasElement,
  w: number,
  h: number,
): { ctx: CanvasRenderingContext2D; img: ImageData } | null {
  let b = buffers.get(canvas);
  if (!b || b.img.width !== w || b.img.height !== h) {
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    b = { ctx, img: new ImageData(w, h) };
    buffers.set(canvas, b);
  }
  return b;
}

/**
 * Paints one channel of an interleaved h×w×c stack, read in place: the bank paints its maps
 * from the output itself rather than from 16 copied planes (less to allocate, and so less to collect,
 * on every bias change).
 */
export function paintChannel(
  canvas: HTMLCanvasElement,
  stack: MapStack,
  channel: number,
  scale: ColorScale,
): void {
  const [h, w, c] = stack.shape;
  const b = bufferFor(canvas, w, h);
  if (!b) return;
  channelPixels(stack.data, channel, c, w * h, scale, b.img.data);
  b.ctx.putImageData(b.img, 0, 0);
}

/**
 * Draw jobs wait for the next animation frame and run together there, the last job per key winning.
 * Several changes inside one frame (a held arrow key, a fast URL edit) then cost one draw, and the
 * draw lands right before the browser paints.
 */
const jobs = new Map<object, () => void>();
let frame = 0;

function flush(): void {
  frame = 0;
  const run = [...jobs.values()];
  jobs.clear();
  for (const job of run) job();
}

export function queuePaint(key: object, job: () => void): void {
  jobs.set(key, job);
  if (!frame) frame = requestAnimationFrame(flush);
}

export function cancelPaint(key: object): void {
  jobs.delete(key);
}
