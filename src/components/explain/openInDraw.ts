import { drawingStore } from '../draw/drawingStore';

/**
 * Puts a 28×28 picture (values 0–1) on Draw's canvas as if it had been uploaded, so Draw's layers show
 * what every layer makes of it, then goes to Draw. One Undo there brings the earlier drawing back.
 */
export function openInDraw(pixels: ArrayLike<number>, name: string): void {
  const ink = new ImageData(28, 28);
  for (let i = 0; i < 28 * 28; i++) ink.data[i * 4 + 3] = Math.round((pixels[i] ?? 0) * 255);
  drawingStore.set({ actions: [...drawingStore.get().actions, { kind: 'image', ink, name }] });
  window.location.hash = '#/draw';
}
