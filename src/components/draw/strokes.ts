/**
 * What is on the drawing canvas, as a list of actions, so Undo can take back the last one and Clear can
 * itself be undone. The canvas is transparent with black ink: a pixel's alpha is its amount of ink.
 */

export const CANVAS_PX = 280;

export type StrokeAction = { kind: 'stroke'; size: number; points: number[] };
/** An uploaded photo's ink (alpha 0–255), drawn scaled to fit the canvas. */
export type ImageAction = { kind: 'image'; ink: ImageData; name: string };
export type ClearAction = { kind: 'clear' };
export type DrawAction = StrokeAction | ImageAction | ClearAction;

/**
 * The actions still visible: everything after the last Clear. An upload replaces the drawing too (it
 * starts a fresh page), so one Undo brings the earlier drawing back.
 */
export function visibleActions(actions: readonly DrawAction[]): DrawAction[] {
  let start = 0;
  actions.forEach((a, i) => {
    if (a.kind === 'clear') start = i + 1;
    if (a.kind === 'image') start = i;
  });
  return actions.slice(start);
}

export function isBlank(actions: readonly DrawAction[]): boolean {
  return visibleActions(actions).length === 0;
}

/** Draws one stroke segment, or a dot for a tap. */
export function drawSegment(
  ctx: CanvasRenderingContext2D,
  size: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  ctx.lineWidth = size;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (x0 === x1 && y0 === y1) {
    ctx.beginPath();
    ctx.arc(x0, y0, size / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

export function drawStroke(ctx: CanvasRenderingContext2D, s: StrokeAction): void {
  const p = s.points;
  if (p.length < 2) return;
  if (p.length === 2) {
    drawSegment(ctx, s.size, p[0] as number, p[1] as number, p[0] as number, p[1] as number);
    return;
  }
  ctx.strokeStyle = '#000';
  ctx.lineWidth = s.size;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(p[0] as number, p[1] as number);
  for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(p[i] as number, p[i + 1] as number);
  ctx.stroke();
}

/** Where an image of `w × h` goes so it fits the canvas with its aspect ratio kept, centred. */
export function fitRect(
  w: number,
  h: number,
  size = CANVAS_PX,
): { x: number; y: number; w: number; h: number } {
  const s = Math.min(size / w, size / h);
  return { x: (size - w * s) / 2, y: (size - h * s) / 2, w: w * s, h: h * s };
}

/** Redraws the canvas from the actions (after Undo, Clear, or an upload). */
export function renderActions(ctx: CanvasRenderingContext2D, actions: readonly DrawAction[]): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (const a of visibleActions(actions)) {
    if (a.kind === 'stroke') drawStroke(ctx, a);
    else if (a.kind === 'image') {
      const bitmap = new OffscreenCanvas(a.ink.width, a.ink.height);
      bitmap.getContext('2d')?.putImageData(a.ink, 0, 0);
      const r = fitRect(a.ink.width, a.ink.height, ctx.canvas.width);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, r.x, r.y, r.w, r.h);
    }
  }
}

/**
 * Ink in [0, 1] per pixel from the canvas' alpha channel, into `into` when it has the right length (a
 * buffer the caller reuses: Draw reads its 280×280 canvas for every answer while drawing, and a fresh
 * 313 KB array each time fed the main thread's major garbage collections, 25–48 ms each at 4× CPU
 * throttling), else into a new array.
 */
export function inkFromImageData(img: ImageData, into?: Float32Array): Float32Array {
  const n = img.width * img.height;
  const out = into?.length === n ? into : new Float32Array(n);
  for (let i = 0; i < out.length; i++) out[i] = (img.data[i * 4 + 3] as number) / 255;
  return out;
}

/** Black ink with alpha = value, for showing photo ink on the canvas. */
export function inkToImageData(ink: Float32Array, w: number, h: number): ImageData {
  const img = new ImageData(w, h);
  for (let i = 0; i < w * h; i++) img.data[i * 4 + 3] = Math.round((ink[i] as number) * 255);
  return img;
}
