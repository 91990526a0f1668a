import { describe, expect, it } from 'vitest';
import { galleryGridPixels } from '../../../src/components/data/drawGallery';

/** Three 2×2 greyscale pictures: picture i is all ink of value 100·(i+1). */
const pics = {
  images: new Uint8Array([100, 100, 100, 100, 200, 200, 200, 200, 250, 250, 250, 250]),
  h: 2,
  w: 2,
  c: 1,
};
const at = (g: { data: Uint8ClampedArray; width: number }, x: number, y: number) =>
  g.data[(y * g.width + x) * 4];

describe('Data presented: one grid of pictures, a row per class', () => {
  it('places each class row under the last, with white gaps, and leaves a short row white at its end', () => {
    // Class 0: pictures 0 and 1; class 1: picture 2 only; three per row.
    const g = galleryGridPixels(pics, [[0, 1], [2]], 3, 1);
    expect([g.width, g.height]).toEqual([3 * 2 + 2, 2 * 2 + 1]);
    // Ink on paper: byte v is drawn 255 − v.
    expect(at(g, 0, 0)).toBe(155);
    expect(at(g, 2, 0)).toBe(255); // the gap between two pictures
    expect(at(g, 3, 1)).toBe(55);
    expect(at(g, 0, 2)).toBe(255); // the gap between two rows
    expect(at(g, 1, 4)).toBe(5);
    expect(at(g, 4, 4)).toBe(255); // class 1 has one picture: the rest of its row is paper
    expect(at(g, 7, 3)).toBe(255);
  });

  it('shows at most `perRow` pictures of a class', () => {
    const g = galleryGridPixels(pics, [[0, 1, 2]], 2, 0);
    expect(g.width).toBe(4);
    expect(at(g, 3, 0)).toBe(55);
  });
});
