import { useEffect, useRef } from 'react';
import { Heatmap } from '../../canvas/Heatmap';
import { heatmapPixels } from '../../canvas/drawHeatmap';
import type { ColorScale } from '../../canvas/colorScales';
import { useContentBox } from '../../canvas/useContentWidth';
import { useLearnPresentBig } from './common';

type Slice = { values: ArrayLike<number>; w: number; h: number; label: string };

/** How far each slice sits behind the one in front of it, as a fraction of a slice's side. */
const DEPTH = 0.1;

/**
 * Several maps of one size stacked as a volume (height × width × one channel per map). On a desk, one
 * small map per slice, offset up and to the right. Presenting on a projector the point of the step is
 * the volume itself, so it is drawn as ONE picture that fills the room (one canvas, the first map in
 * front, the others behind it): as separate slices, the offsets left the front map too small to see.
 */
export function VolumePicture({
  slices,
  scale,
  cellPx,
  label,
}: {
  slices: readonly Slice[];
  scale: ColorScale;
  cellPx: number;
  /** What the whole volume is, for a screen reader (the slices' own labels are read elsewhere). */
  label: string;
}) {
  if (useLearnPresentBig()) return <VolumeCanvas slices={slices} scale={scale} label={label} />;
  const n = slices.length;
  return (
    <div
      className="learn-volume"
      data-layer-stack=""
      style={{ width: 26 * cellPx + n * 26 + 20, height: 26 * cellPx + n * 26 + 10 }}
    >
      {slices.map((m, i) => (
        <div key={i} className="learn-volume-slice" style={{ left: i * 26, top: (n - 1 - i) * 26 }}>
          <Heatmap values={m.values} w={m.w} h={m.h} scale={scale} cellPx={cellPx} label={m.label} />
        </div>
      ))}
    </div>
  );
}

function VolumeCanvas({
  slices,
  scale,
  label,
}: {
  slices: readonly Slice[];
  scale: ColorScale;
  label: string;
}) {
  const [room, box] = useContentBox<HTMLDivElement>();
  const ref = useRef<HTMLCanvasElement>(null);
  const n = slices.length;
  const side = slices[0]?.w ?? 1;
  const fit = box && box.width > 0 && box.height > 0 ? Math.min(box.width, box.height) : 0;
  // A slice's side plus (n − 1) offsets fills the room's shorter side.
  const slicePx = Math.floor(fit / (1 + DEPTH * Math.max(0, n - 1)));
  const offset = Math.round(slicePx * DEPTH);
  const total = slicePx + offset * Math.max(0, n - 1);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || total <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(total * dpr);
    canvas.height = Math.round(total * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, total, total);
    ctx.imageSmoothingEnabled = false;
    const cell = slicePx / side;
    // Back to front: slice i sits i offsets up and to the right of the first, which is in front.
    for (let i = n - 1; i >= 0; i--) {
      const m = slices[i];
      if (!m) continue;
      const x = i * offset;
      const y = (n - 1 - i) * offset;
      const bitmap = new OffscreenCanvas(m.w, m.h);
      const bctx = bitmap.getContext('2d');
      if (!bctx) return;
      const image = new ImageData(m.w, m.h);
      heatmapPixels(m.values, m.w, m.h, scale, image.data);
      bctx.putImageData(image, 0, 0);
      ctx.drawImage(bitmap, x, y, slicePx, slicePx);
      if (cell >= 8) {
        ctx.strokeStyle = 'rgba(120, 130, 140, 0.55)';
        ctx.lineWidth = 1;
        ctx.beginPath();
        for (let k = 1; k < side; k++) {
          ctx.moveTo(x + k * cell, y);
          ctx.lineTo(x + k * cell, y + slicePx);
          ctx.moveTo(x, y + k * cell);
          ctx.lineTo(x + slicePx, y + k * cell);
        }
        ctx.stroke();
      }
      // Each slice's edge, dark, so the stack reads as separate sheets.
      ctx.strokeStyle = '#2b3440';
      ctx.lineWidth = 3;
      ctx.strokeRect(x + 1.5, y + 1.5, slicePx - 3, slicePx - 3);
    }
  }, [slices, scale, n, side, slicePx, offset, total]);

  return (
    <div className="learn-main-room" ref={room}>
      <canvas
        ref={ref}
        role="img"
        aria-label={label}
        style={total > 0 ? { width: total, height: total } : { visibility: 'hidden' }}
      />
    </div>
  );
}
