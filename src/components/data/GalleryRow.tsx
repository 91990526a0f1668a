import { memo, useEffect, useRef } from 'react';
import { drawGalleryRow, type GalleryPictures } from './drawGallery';

const GAP = 2;

/** One class's example pictures in one canvas; `label` is its text alternative. */
export const GalleryRow = memo(function GalleryRow({
  pics,
  indices,
  scale,
  label,
}: {
  pics: GalleryPictures;
  indices: readonly number[];
  scale: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const cssW = Math.max(1, indices.length * (pics.w + GAP) - GAP) * scale;
  const cssH = pics.h * scale;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    drawGalleryRow(ctx, pics, indices, { gap: GAP, scale, dpr });
  }, [pics, indices, scale, cssW, cssH]);
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      className="data-gallery-row"
      style={{ width: `${cssW}px`, height: `${cssH}px` }}
    />
  );
});
