import { memo, useEffect, useRef, type PointerEvent } from 'react';
import { useContentWidth } from '../canvas/useContentWidth';
import { drawScatter, nearestPoint, scatterRadius, type ScatterData } from './drawScatter';

/**
 * One map of the test digits. Mouse: hovering previews a digit, a click chooses it. Touch and pen:
 * a tap chooses it (nothing needs hover). A larger reach on touch, where a finger covers ~40 px.
 */
export const ScatterCanvas = memo(function ScatterCanvas({
  data,
  selected,
  showMistakes,
  onlyClass,
  label,
  testId,
  onHover,
  onChoose,
}: {
  data: ScatterData;
  selected: number | null;
  showMistakes: boolean;
  onlyClass: number | null;
  label: string;
  testId: string;
  onHover: (i: number | null) => void;
  onChoose: (i: number) => void;
}) {
  const [boxRef, width] = useContentWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = Math.max(200, Math.min(640, width ?? 360));
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    drawScatter(ctx, data, {
      size,
      dpr,
      radius: scatterRadius(data.count),
      showMistakes,
      onlyClass,
      selected,
    });
  }, [data, size, selected, showMistakes, onlyClass]);
  const pick = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const reach = e.pointerType === 'mouse' ? 8 : 20;
    return nearestPoint(data.positions, data.count, size, e.clientX - rect.left, e.clientY - rect.top, reach);
  };
  return (
    <div ref={boxRef} className="explain-scatter">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        data-testid={testId}
        style={{ width: size, height: size }}
        onPointerMove={(e) => {
          if (e.pointerType === 'mouse') onHover(pick(e));
        }}
        onPointerLeave={() => onHover(null)}
        onPointerUp={(e) => {
          const i = pick(e);
          if (i !== null) onChoose(i);
        }}
      />
    </div>
  );
});
