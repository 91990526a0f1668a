import { memo, useEffect, useRef } from 'react';
import type { ColorScale } from '../canvas/colorScales';
import { WINDOW_COLOR } from '../player/usePlayer';
import { inkOutline, overlayPixels } from './overlay';

// Green: distinct from both colour maps and from the player's orange patch outline.
const OUTLINE = '#2fb344';

/**
 * The picture with a map blended over it (`overlayPixels`) and the digit's outline in green on top
 * (greyscale pictures only: a colour photo has no ink to outline). `box` outlines a square (the
 * occlusion patch at the current step) in the player's colour; `hidden` paints that square as the
 * model got it: zero, which is paper for a greyscale picture and black for a colour one.
 */
export const OverlayCanvas = memo(function OverlayCanvas(p: {
  picture: Float32Array;
  /** 1 (greyscale, drawn as ink on paper) or 3 (colour, h·w·3 interleaved). */
  channels?: number;
  onPicture: Float32Array | null;
  w: number;
  h: number;
  scale: ColorScale;
  opacity: number;
  cellPx: number;
  label: string;
  box?: { row: number; col: number; size: number; hidden?: boolean } | null;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const cssW = p.w * p.cellPx;
  const cssH = p.h * p.cellPx;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    const small = new OffscreenCanvas(p.w, p.h);
    const sctx = small.getContext('2d');
    if (!sctx) return;
    const image = new ImageData(p.w, p.h);
    const onPicture = p.onPicture ?? new Float32Array(p.w * p.h);
    const channels = p.channels ?? 1;
    overlayPixels(p.picture, onPicture, p.w, p.h, p.scale, p.onPicture ? p.opacity : 0, image.data, channels);
    sctx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
    const unit = p.cellPx * dpr;
    if (p.box?.hidden) {
      ctx.fillStyle = channels === 3 ? '#000' : '#fff';
      ctx.fillRect(p.box.col * unit, p.box.row * unit, p.box.size * unit, p.box.size * unit);
    }
    if (channels === 1) {
      ctx.strokeStyle = OUTLINE;
      ctx.lineWidth = Math.max(1.5, unit / 6);
      ctx.beginPath();
      for (const [x1, y1, x2, y2] of inkOutline(p.picture, p.w, p.h)) {
        ctx.moveTo(x1 * unit, y1 * unit);
        ctx.lineTo(x2 * unit, y2 * unit);
      }
      ctx.stroke();
    }
    if (p.box) {
      ctx.strokeStyle = WINDOW_COLOR;
      ctx.lineWidth = 3 * dpr;
      ctx.strokeRect(p.box.col * unit, p.box.row * unit, p.box.size * unit, p.box.size * unit);
    }
  }, [p.picture, p.channels, p.onPicture, p.w, p.h, p.scale, p.opacity, p.cellPx, p.box, cssW, cssH]);
  return (
    <canvas
      ref={ref}
      className="heatmap explain-overlay"
      style={{ width: cssW, height: cssH }}
      role="img"
      aria-label={p.label}
      data-testid={p.testId}
    />
  );
});
