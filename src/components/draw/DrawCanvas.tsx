import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { t } from '../../i18n';
import { CANVAS_PX, drawSegment, renderActions, type DrawAction, type StrokeAction } from './strokes';

/**
 * The drawing surface: pointer events cover mouse, touch and pen alike; `touch-action: none` (CSS) and
 * pointer capture keep a finger drawing instead of scrolling the page or losing the stroke at the edge.
 * Strokes are drawn as they come; the finished stroke is handed up as an action.
 */
export function DrawCanvas({
  actions,
  brush,
  canvasRef,
  onInk,
  onStrokeEnd,
}: {
  actions: readonly DrawAction[];
  brush: number;
  canvasRef: React.RefObject<HTMLCanvasElement | null>;
  onInk: () => void;
  onStrokeEnd: (stroke: StrokeAction) => void;
}) {
  const current = useRef<{ id: number; stroke: StrokeAction } | null>(null);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (ctx) renderActions(ctx, actions);
  }, [actions, canvasRef]);

  const point = (e: { clientX: number; clientY: number }, el: HTMLCanvasElement): [number, number] => {
    const r = el.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * CANVAS_PX, ((e.clientY - r.top) / r.height) * CANVAS_PX];
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    e.preventDefault();
    const [x, y] = point(e, el);
    current.current = { id: e.pointerId, stroke: { kind: 'stroke', size: brush, points: [x, y] } };
    const ctx = el.getContext('2d', { willReadFrequently: true });
    if (ctx) drawSegment(ctx, brush, x, y, x, y);
    onInk();
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const cur = current.current;
    if (!cur || cur.id !== e.pointerId) return;
    const el = e.currentTarget;
    const ctx = el.getContext('2d', { willReadFrequently: true });
    // Coalesced events keep fast strokes smooth: the browser batches them into one pointermove per frame.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) {
      const [x, y] = point(ev, el);
      const p = cur.stroke.points;
      const px = p[p.length - 2] as number;
      const py = p[p.length - 1] as number;
      if (Math.abs(x - px) < 0.5 && Math.abs(y - py) < 0.5) continue;
      p.push(x, y);
      if (ctx) drawSegment(ctx, cur.stroke.size, px, py, x, y);
    }
    onInk();
  };

  const end = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const cur = current.current;
    if (!cur || cur.id !== e.pointerId) return;
    current.current = null;
    onStrokeEnd(cur.stroke);
  };

  return (
    <canvas
      ref={canvasRef}
      className="draw-canvas"
      width={CANVAS_PX}
      height={CANVAS_PX}
      aria-label={t('draw.pad.canvas')}
      role="img"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
    />
  );
}
