import { zipSync } from 'fflate';
import { encodePng } from '../../src/engine/data/pngEncode';
import { mulberry32 } from '../../src/engine/data/random';

/**
 * The browser tests' dataset .zip: dark filled shapes on white, 40×40 RGB PNGs (so the app must shrink
 * them and decide they are grey), one folder per class as other tools lay datasets out; with
 * `{colour: true}` each shape has a random bright colour on a random pale one (so the app keeps them as
 * 32×32 colour pictures, and the colour alone does not tell the class). Seeded: the same arguments give
 * the same bytes. (The import benchmark's larger, noisier set is scripts/lib/shapesDataset.ts.)
 */
export type Shape = 'circle' | 'square' | 'triangle';

/** Three channel values: a bright colour (one channel low) or a pale one (all high), drawn from `rng`. */
function randomColour(rng: () => number, pale: boolean): [number, number, number] {
  const rgb: [number, number, number] = pale
    ? [190 + Math.floor(rng() * 60), 190 + Math.floor(rng() * 60), 190 + Math.floor(rng() * 60)]
    : [Math.floor(rng() * 255), Math.floor(rng() * 255), Math.floor(rng() * 255)];
  if (!pale) rgb[Math.floor(rng() * 3)] = 20;
  return rgb;
}

/** A 40×40 RGB picture of a filled shape, of random size and place: dark on white, or colour on colour. */
function drawShape(shape: Shape, rng: () => number, colour: boolean): Uint8Array {
  const S = 40;
  const px = new Uint8Array(S * S * 3).fill(255);
  const ink = colour ? randomColour(rng, false) : ([20, 20, 20] as const);
  if (colour) {
    const paper = randomColour(rng, true);
    for (let i = 0; i < S * S; i++) px.set(paper, i * 3);
  }
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
      if (inside) px.set(ink, (y * S + x) * 3);
    }
  }
  return encodePng(px, S, S, 3);
}

/**
 * `perClass` pictures of each shape in one folder per class, plus the given extra files. With
 * `distinct`, only that many pictures per class are drawn and the rest repeat them under their own
 * names: for a zip that only has to be big (an import to cancel part way, one to keep a tab busy),
 * since drawing and encoding 4,500 pictures took the test 5–9 s of CPU.
 */
export function shapesZip(
  perClass: number,
  extra: Record<string, Uint8Array> = {},
  classes: readonly Shape[] = ['circle', 'square', 'triangle'],
  opts: { colour?: boolean; distinct?: number } = {},
): Buffer {
  const rng = mulberry32(5);
  const files: Record<string, Uint8Array> = { ...extra };
  const distinct = opts.distinct ?? perClass;
  for (const shape of classes) {
    const drawn: Uint8Array[] = [];
    for (let i = 0; i < perClass; i++) {
      const png = i < distinct ? drawShape(shape, rng, opts.colour ?? false) : drawn[i % distinct]!;
      drawn.push(png);
      files[`${shape}/${shape}-${i}.png`] = png;
    }
  }
  return Buffer.from(zipSync(files));
}
