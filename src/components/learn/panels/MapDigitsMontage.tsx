import { useEffect, useRef } from 'react';
import type { MnistSet } from '../../../engine';
import { t } from '../../../i18n';
import { useContentBox } from '../../canvas/useContentWidth';
import { CLASS_COLORS } from '../../explain/drawScatter';
import { montageColumns } from './BatchMontage';

/** '#4e79a7' → [78, 121, 167]. */
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The test digits a learned map places, `count` of them (the first of the test set, as the map takes
 * them), as ONE picture filling its room (`.learn-main-room`), each digit's ink in its class's colour,
 * the colour its dot gets on the map. Lesson 11's map step shows it presented (on a projector or a
 * laptop) before the map is made (and while it is made): the class sees what becomes the dots and
 * learns the colour key from the digits' own shapes. It shows nothing of where the dots land, so the
 * question about the map (which one separates the digits) keeps its answer.
 */
export function MapDigitsMontage({
  set,
  count,
  height,
}: {
  set: MnistSet;
  count: number;
  /** The room's height in px where the stylesheet gives it none (a laptop); a projector's fills the panel. */
  height?: number;
}) {
  const [room, box] = useContentBox<HTMLDivElement>();
  const ref = useRef<HTMLCanvasElement>(null);
  const n = Math.min(count, set.count);
  const ready = box !== null && box.width > 0 && box.height > 0 && n > 0;
  const cols = ready ? montageColumns(n, box.width, box.height) : 1;
  const rows = Math.ceil(n / cols);
  // Quarter pixels, like the lessons' main maps: whole pixels would lose up to a row of tiles' room.
  const tile = ready ? Math.floor(4 * Math.min(box.width / cols, box.height / rows)) / 4 : 0;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || tile <= 0) return;
    // Every digit at its own 28×28 in one bitmap, ink blended from paper to its class's colour…
    const side = 28;
    const image = new ImageData(cols * side, rows * side);
    const colours = CLASS_COLORS.map(rgb);
    for (let i = 0; i < n; i++) {
      const [r, g, b] = colours[(set.labels[i] ?? 0) % colours.length] ?? [0, 0, 0];
      const x0 = (i % cols) * side;
      const y0 = Math.floor(i / cols) * side;
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          const ink = (set.images[i * side * side + y * side + x] ?? 0) / 255;
          const o = ((y0 + y) * cols * side + x0 + x) * 4;
          image.data[o] = Math.round(255 + (r - 255) * ink);
          image.data[o + 1] = Math.round(255 + (g - 255) * ink);
          image.data[o + 2] = Math.round(255 + (b - 255) * ink);
          image.data[o + 3] = 255;
        }
      }
    }
    // …then drawn once at the canvas's displayed size × devicePixelRatio (smoothed: tiles are smaller
    // than 28 px, and a smoothed reduction keeps each stroke's shape).
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(cols * tile * dpr);
    canvas.height = Math.round(rows * tile * dpr);
    const bitmap = new OffscreenCanvas(image.width, image.height);
    bitmap.getContext('2d')?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  }, [set, n, cols, rows, tile]);

  return (
    <div className="learn-main-room" ref={room} style={height === undefined ? undefined : { height }}>
      <canvas
        ref={ref}
        role="img"
        aria-label={t('explain.map.digitsLabel', { n: n.toLocaleString('en') })}
        data-testid="map-digits"
        style={tile > 0 ? { width: cols * tile, height: rows * tile } : { visibility: 'hidden' }}
      />
    </div>
  );
}
