import type { Page } from 'playwright-core';

export type Pt = [number, number];

/**
 * Draws a polyline with the mouse on Draw's canvas; points are in canvas pixels (the canvas is 280×280).
 * `steps`: mouse moves per segment (5 by default, a smooth line). Each move waits for the page to take
 * it: lessonLeave's three 33-point ellipses drawn while the page classifies took 21–22 s on CI at 5
 * moves a segment, 6 s at 1 (at load 12).
 */
export async function stroke(page: Page, pts: Pt[], steps = 5): Promise<void> {
  const box = await page.getByLabel('Drawing canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const at = ([x, y]: Pt) => [box.x + (x * box.width) / 280, box.y + (y * box.height) / 280] as const;
  await page.mouse.move(...at(pts[0]!));
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(...at(p), { steps });
  await page.mouse.up();
}

export const ellipse = (cx: number, cy: number, rx: number, ry: number): Pt[] =>
  Array.from({ length: 33 }, (_, i) => {
    const a = -Math.PI / 2 + (i / 32) * 2 * Math.PI;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });

export const ONE: Pt[] = [
  [140, 40],
  [138, 240],
];
export const SEVEN: Pt[] = [
  [70, 50],
  [210, 50],
  [120, 240],
];
