/**
 * A dataset .zip of drawn shapes made in node, for the import benchmark and browser tests: one folder
 * per class (circle, square, triangle, cross, ring), each picture a 32×32 grey PNG of the shape at a
 * random size and place, dark on light, with pixel noise so no two are alike. Seeded: the same seed
 * gives the same bytes.
 */
import { zipSync } from 'fflate';
import { encodePng } from '../../src/engine/data/pngEncode';
import { mulberry32 } from '../../src/engine/data/random';

export const SHAPE_CLASSES = ['circle', 'square', 'triangle', 'cross', 'ring'] as const;
export type ShapeClass = (typeof SHAPE_CLASSES)[number];

const S = 32;

function inside(shape: ShapeClass, dx: number, dy: number, r: number): boolean {
  switch (shape) {
    case 'circle':
      return dx * dx + dy * dy <= r * r;
    case 'square':
      return Math.abs(dx) <= r * 0.8 && Math.abs(dy) <= r * 0.8;
    case 'triangle':
      return dy <= r * 0.8 && dy >= -r && Math.abs(dx) <= ((dy + r) / (1.8 * r)) * r;
    case 'cross':
      return (
        (Math.abs(dx) <= r * 0.28 && Math.abs(dy) <= r) || (Math.abs(dy) <= r * 0.28 && Math.abs(dx) <= r)
      );
    case 'ring': {
      const d = Math.sqrt(dx * dx + dy * dy);
      return d <= r && d >= r * 0.55;
    }
  }
}

/** One 32×32 grey PNG of `shape` (random radius 6–12, random centre, noise ±40). */
export function drawShapePng(shape: ShapeClass, rng: () => number): Uint8Array {
  const px = new Uint8Array(S * S);
  const r = 6 + rng() * 6;
  const cx = r + 1 + rng() * (S - 2 * r - 2);
  const cy = r + 1 + rng() * (S - 2 * r - 2);
  const ink = 10 + rng() * 60;
  const paper = 200 + rng() * 55;
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      const v = inside(shape, x - cx, y - cy, r) ? ink : paper;
      px[y * S + x] = Math.max(0, Math.min(255, Math.round(v + (rng() - 0.5) * 80)));
    }
  }
  return encodePng(px, S, S, 1);
}

/** The zip's bytes: `perClass` pictures of each of `classes` (all five by default). */
export function makeShapesZip(
  perClass: number,
  seed = 1,
  classes: readonly ShapeClass[] = SHAPE_CLASSES,
): Uint8Array {
  const rng = mulberry32(seed);
  const files: Record<string, Uint8Array> = {};
  for (const shape of classes) {
    for (let i = 0; i < perClass; i++)
      files[`${shape}/${shape}-${String(i).padStart(5, '0')}.png`] = drawShapePng(shape, rng);
  }
  // PNGs are compressed already: store them (as most zip tools do for images).
  return zipSync(files, { level: 0 });
}
