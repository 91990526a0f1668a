import { beforeAll, describe, expect, it } from 'vitest';
import { heatmapPixels } from '../../../src/components/canvas/drawHeatmap';
import type { ColorScale } from '../../../src/components/canvas/colorScales';
import { mapGridLayout, mapGridPixels } from '../../../src/components/train/MapGrid';

beforeAll(() => {
  // Node has no ImageData; the grid only needs its width, height and bytes.
  if (!('ImageData' in globalThis)) {
    class NodeImageData {
      readonly width: number;
      readonly height: number;
      readonly data: Uint8ClampedArray;
      constructor(width: number, height: number) {
        this.width = width;
        this.height = height;
        this.data = new Uint8ClampedArray(width * height * 4);
      }
    }
    Object.assign(globalThis, { ImageData: NodeImageData });
  }
});

const SCALE: ColorScale = { kind: 'diverging', domain: [-1, 1] };

/** The RGBA bytes of cell `i` of a w×h map painted on its own. */
function cellColor(values: number[], w: number, h: number, i: number): number[] {
  const tile = new Uint8ClampedArray(w * h * 4);
  heatmapPixels(values, w, h, SCALE, tile);
  return [tile[i * 4] ?? -1, tile[i * 4 + 1] ?? -1, tile[i * 4 + 2] ?? -1, 255];
}

describe('mapGridPixels', () => {
  it('layout: 3 maps 2×2 cell=2 gap=1 width≤9 → 2 columns, 2 rows, 9×9 px', () => {
    expect(mapGridLayout(3, 2, 2, 2, 1, 9)).toEqual({ cols: 2, rows: 2, width: 9, height: 9 });
  });

  it('3 maps 2×2 cell=2 gap=1: each cell is a 2×2 block of its colour, gaps and the empty slot are white', () => {
    const maps = [
      [-1, 0, 0.5, 1],
      [1, 1, -1, -1],
      [0, 0.25, -0.25, 0],
    ];
    const layout = mapGridLayout(3, 2, 2, 2, 1, 9);
    const img = mapGridPixels(maps, 2, 2, SCALE, 2, 1, layout);
    const at = (x: number, y: number) => Array.from(img.data.subarray((y * 9 + x) * 4, (y * 9 + x) * 4 + 4));
    const white = [255, 255, 255, 255];
    // Map 0 at (0,0): cell 3 (row 1, col 1) covers pixels x 2–3, y 2–3.
    for (const [x, y] of [
      [2, 2],
      [3, 2],
      [2, 3],
      [3, 3],
    ] as const)
      expect(at(x, y)).toEqual(cellColor(maps[0] ?? [], 2, 2, 3));
    expect(at(0, 0)).toEqual(cellColor(maps[0] ?? [], 2, 2, 0));
    // Map 1 starts at x = 5 (4 px of map + 1 px gap); map 2 at y = 5.
    expect(at(5, 0)).toEqual(cellColor(maps[1] ?? [], 2, 2, 0));
    expect(at(6, 3)).toEqual(cellColor(maps[1] ?? [], 2, 2, 2));
    expect(at(2, 6)).toEqual(cellColor(maps[2] ?? [], 2, 2, 1));
    expect(at(1, 8)).toEqual(cellColor(maps[2] ?? [], 2, 2, 2));
    // The gap column, the gap row and the fourth (empty) slot.
    for (let y = 0; y < 9; y++) expect(at(4, y)).toEqual(white);
    for (let x = 0; x < 9; x++) expect(at(x, 4)).toEqual(white);
    expect(at(7, 7)).toEqual(white);
    // The colours differ, so a swapped map or cell would be caught.
    expect(cellColor(maps[0] ?? [], 2, 2, 0)).not.toEqual(cellColor(maps[0] ?? [], 2, 2, 3));
  });
});
