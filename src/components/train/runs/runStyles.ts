import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
} from 'd3';

/**
 * How the n-th run of a comparison is drawn: a colour (tokens `--run-1`…, Okabe–Ito, safe for the
 * common colour blindnesses), a line style and a marker shape, so two runs differ in three ways and
 * still read on a washed-out projector or in black and white.
 */
export type RunStyle = { colour: string; dash: string; marker: string };

const DASHES = ['', '10 5', '2 4', '12 4 2 4', '6 6', '1 3'];
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar];

/** The marker as an SVG path centred on 0,0, about `size` px across. */
function markerPath(i: number, size: number): string {
  const shape = SHAPES[i % SHAPES.length] ?? symbolCircle;
  return symbol(shape, size * size * 0.8)() ?? '';
}

export function runStyle(i: number, markerSize = 11): RunStyle {
  return {
    colour: `var(--run-${(i % 6) + 1})`,
    dash: DASHES[i % DASHES.length] ?? '',
    marker: markerPath(i, markerSize),
  };
}
