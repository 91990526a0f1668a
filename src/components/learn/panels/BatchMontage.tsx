import { useEffect, useRef } from 'react';
import { heatmapPixels } from '../../canvas/drawHeatmap';
import type { ColorScale } from '../../canvas/colorScales';
import { useContentBox } from '../../canvas/useContentWidth';

/**
 * The columns for `n` equal square tiles in a `width × height` room that make each tile largest
 * (ties: fewer columns). Pure.
 */
export function montageColumns(n: number, width: number, height: number): number {
  let best = 1;
  let bestTile = 0;
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols);
    const tile = Math.min(width / cols, height / rows);
    if (tile > bestTile + 1e-9) {
      best = cols;
      bestTile = tile;
    }
  }
  return best;
}

/**
 * A batch presented on a projector: every image of the batch in ONE picture, tiles as large as the
 * room allows, each marked with its index n. The step's point is the batch as a whole (N images at
 * once, one more axis), so all of them stay in view rather than one big and the rest small; as
 * separate small maps the largest of them filled 2% of the screen.
 */
export function BatchMontage({
  images,
  w,
  h,
  scale,
  label,
  tileLabel = (i) => `n = ${i}`,
}: {
  images: readonly ArrayLike<number>[];
  w: number;
  h: number;
  scale: ColorScale;
  label: string;
  /** The mark on tile i (default its index in the batch, "n = i"). */
  tileLabel?: (i: number) => string;
}) {
  const [room, box] = useContentBox<HTMLDivElement>();
  const ref = useRef<HTMLCanvasElement>(null);
  const n = images.length;
  const ready = box !== null && box.width > 0 && box.height > 0 && n > 0;
  const cols = ready ? montageColumns(n, box.width, box.height) : 1;
  const rows = Math.ceil(n / cols);
  const tile = ready ? Math.floor(Math.min(box.width / cols, box.height / rows)) : 0;
  const gap = Math.max(4, Math.round(tile * 0.04));

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || tile <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(cols * tile * dpr);
    canvas.height = Math.round(rows * tile * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cols * tile, rows * tile);
    ctx.imageSmoothingEnabled = false;
    const side = tile - gap;
    const font = Math.max(22, Math.round(tile * 0.09));
    const bitmap = new OffscreenCanvas(w, h);
    const bctx = bitmap.getContext('2d');
    if (!bctx) return;
    const image = new ImageData(w, h);
    images.forEach((values, i) => {
      const x = (i % cols) * tile;
      const y = Math.floor(i / cols) * tile;
      heatmapPixels(values, w, h, scale, image.data);
      bctx.putImageData(image, 0, 0);
      ctx.drawImage(bitmap, x, y, side, side);
      ctx.strokeStyle = '#8a94a0';
      ctx.lineWidth = 2;
      ctx.strokeRect(x + 1, y + 1, side - 2, side - 2);
      // Its mark (its index in the batch), on a light label so it reads over ink.
      const text = tileLabel(i);
      ctx.font = `700 ${font}px system-ui, sans-serif`;
      const pad = Math.round(font * 0.25);
      const tw = ctx.measureText(text).width;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fillRect(x + 3, y + 3, tw + 2 * pad, font + 2 * pad);
      ctx.fillStyle = '#111418';
      ctx.textBaseline = 'top';
      ctx.fillText(text, x + 3 + pad, y + 3 + pad);
    });
  }, [images, w, h, scale, cols, rows, tile, gap, tileLabel]);

  return (
    <div className="learn-main-room" ref={room}>
      <canvas
        ref={ref}
        role="img"
        aria-label={label}
        style={tile > 0 ? { width: cols * tile, height: rows * tile } : { visibility: 'hidden' }}
      />
    </div>
  );
}
