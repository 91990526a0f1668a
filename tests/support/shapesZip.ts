import { zipSync } from 'fflate';
import { encodePng } from '../../src/engine/data/pngEncode';
import { mulberry32 } from '../../src/engine/data/random';

/**
 * The browser tests' dataset .zip: dark filled shapes on white, 40×40 RGB PNGs (so the app must shrink
 * them and decide they are grey), one folder per class as other tools lay datasets out. Seeded: the same
 * arguments give the same bytes. (The import benchmark's larger, noisier set is scripts/lib/shapesDataset.ts.)
 */
export type Shape = 'circle' | 'square' | 'triangle';

/** A 40×40 RGB picture of a dark filled shape on white, of random size and place. */
function drawShape(shape: Shape, rng: () => number): Uint8Array {
  const S = 40;
  const px = new Uint8Array(S * S * 3).fill(255);
  const r = 7 + Math.floor(rng() * 8);
  const cx = r + 1 + Math.floor(rng() * (S - 2 * r - 2));
  const cy = r + 1 + Math.floor(rng() * (S - 2 * r - 2));
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const inside =
        shape === 'circle'
          ? dx * dx + dy * dy <= r * r
          : shape === 'square'
            ? Math.abs(dx) <= r * 0.8 && Math.abs(dy) <= r * 0.8
            : dy <= r * 0.8 && dy >= -r && Math.abs(dx) <= ((dy + r) / (1.8 * r)) * r;
      if (inside) px.fill(20, (y * S + x) * 3, (y * S + x) * 3 + 3);
    }
  }
  return encodePng(px, S, S, 3);
}

/** `perClass` pictures of each shape in one folder per class, plus the given extra files. */
export function shapesZip(
  perClass: number,
  extra: Record<string, Uint8Array> = {},
  classes: readonly Shape[] = ['circle', 'square', 'triangle'],
): Buffer {
  const rng = mulberry32(5);
  const files: Record<string, Uint8Array> = { ...extra };
  for (const shape of classes) {
    for (let i = 0; i < perClass; i++) files[`${shape}/${shape}-${i}.png`] = drawShape(shape, rng);
  }
  return Buffer.from(zipSync(files));
}
