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
  onStrokeStart,
  onStrokeEnd,
}: {
  actions: readonly DrawAction[];
  brush: number;
  canvasRef: React.RefObject<HTMLCanvasElement | null>;
  onInk: () => void;
  /** A stroke begins (the pen or finger went down); `onStrokeEnd` follows, also when it is cancelled. */
  onStrokeStart?: () => void;
  onStrokeEnd: (stroke: StrokeAction) => void;
}) {
  // The canvas' box is read once per stroke, at pointerdown: reading it on every move forced a layout
  // whenever an answer had just changed the page (a trace at 4× CPU throttling showed ~30 % of each
  // move's handler in that layout). Scrolling or resizing mid-stroke makes it read again.
  const current = useRef<{ id: number; stroke: StrokeAction; rect: DOMRect | null } | null>(null);
  useEffect(() => {
    const moved = () => {
      if (current.current) current.current.rect = null;
    };
    window.addEventListener('scroll', moved, { capture: true, passive: true });
    window.addEventListener('resize', moved);
    return () => {
      window.removeEventListener('scroll', moved, { capture: true });
      window.removeEventListener('resize', moved);
    };
  }, []);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (ctx) renderActions(ctx, actions);
  }, [actions, canvasRef]);

  const point = (e: { clientX: number; clientY: number }, r: DOMRect): [number, number] => [
    ((e.clientX - r.left) / r.width) * CANVAS_PX,
    ((e.clientY - r.top) / r.height) * CANVAS_PX,
  ];

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    e.preventDefault();
    const rect = el.getBoundingClientRect();
    const [x, y] = point(e, rect);
    current.current = { id: e.pointerId, stroke: { kind: 'stroke', size: brush, points: [x, y] }, rect };
    const ctx = el.getContext('2d', { willReadFrequently: true });
    if (ctx) drawSegment(ctx, brush, x, y, x, y);
    onStrokeStart?.();
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
      cur.rect ??= el.getBoundingClientRect();
      const [x, y] = point(ev, cur.rect);
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
