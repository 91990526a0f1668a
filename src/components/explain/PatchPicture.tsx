import type { ColorScale } from '../canvas/colorScales';
import { Heatmap } from '../canvas/Heatmap';
import { OverlayCanvas } from './OverlayCanvas';

const PIXELS: ColorScale = { kind: 'sequential', domain: [0, 1] };

/**
 * A small picture of the lower panels (a filter's patch, its made-up picture, a map dot's picture):
 * greyscale values (0–1) on the pixel scale as MNIST's digits are shown everywhere, or, with 3
 * channels (h·w·3 interleaved), in the picture's own colours.
 */
export function PatchPicture({
  values,
  w,
  h,
  channels,
  cellPx,
  label,
}: {
  values: Float32Array;
  w: number;
  h: number;
  channels: number;
  cellPx: number;
  label: string;
}) {
  return channels === 3 ? (
    <OverlayCanvas
      picture={values}
      channels={3}
      onPicture={null}
      w={w}
      h={h}
      scale={PIXELS}
      opacity={0}
      cellPx={cellPx}
      label={label}
    />
  ) : (
    <Heatmap values={values} w={w} h={h} scale={PIXELS} cellPx={cellPx} label={label} />
  );
}
