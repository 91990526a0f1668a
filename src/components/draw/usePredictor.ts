import { useCallback, useEffect, useRef, useState } from 'react';
import {
  preprocessMnistStyle,
  type DrawSession,
  type LayerReadout,
  type PreprocessResult,
} from '../../engine';
import { lastDrawnDigit } from '../../state/lastDrawnDigit';
import { CANVAS_PX, inkFromImageData } from './strokes';
import { countPrediction } from './latency';

export type DrawResult = {
  pre: PreprocessResult;
  /** null when the canvas is empty: no guess is made. */
  readout: LayerReadout | null;
  /** performance.now() of the stroke end this result answers, for the latency readout. */
  strokeEndAt: number | null;
  error: string | null;
};

/**
 * Reads the canvas, preprocesses it and classifies it, at most once per animation frame while a stroke
 * is drawn (requests in between are merged), and at once when a stroke ends. Only one prediction runs
 * at a time; a request arriving meanwhile runs right after it with the newest drawing.
 */
export function usePredictor(
  session: DrawSession | null,
  canvasRef: React.RefObject<HTMLCanvasElement | null>,
): { result: DrawResult | null; request: (opts?: { now?: boolean; strokeEnd?: boolean }) => void } {
  const [result, setResult] = useState<DrawResult | null>(null);
  const s = useRef({
    raf: 0,
    inFlight: false,
    dirty: false,
    strokeEndAt: null as number | null,
    alive: true,
  });
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const pump = useCallback(async () => {
    const st = s.current;
    if (st.inFlight) {
      st.dirty = true;
      return;
    }
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d', { willReadFrequently: true });
    const current = sessionRef.current;
    if (!ctx) return;
    st.inFlight = true;
    st.dirty = false;
    const strokeEndAt = st.strokeEndAt;
    st.strokeEndAt = null;
    try {
      const pre = preprocessMnistStyle({
        data: inkFromImageData(ctx.getImageData(0, 0, CANVAS_PX, CANVAS_PX)),
        w: CANVAS_PX,
        h: CANVAS_PX,
      });
      lastDrawnDigit.set({ pixels: pre.box ? pre.pixels : null });
      let readout: LayerReadout | null = null;
      let error: string | null = null;
      if (pre.box && current) {
        try {
          readout = await current.predict(pre.pixels);
          countPrediction();
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
      }
      if (st.alive) setResult({ pre, readout, strokeEndAt, error });
    } finally {
      st.inFlight = false;
    }
    if (st.dirty && st.alive) await pump();
  }, [canvasRef]);

  const request = useCallback(
    (opts: { now?: boolean; strokeEnd?: boolean } = {}) => {
      const st = s.current;
      // Strokes ending while an answer is pending are timed from the earliest one: never flattering.
      if (opts.strokeEnd && st.strokeEndAt === null) st.strokeEndAt = performance.now();
      if (opts.now || opts.strokeEnd) {
        if (st.raf) cancelAnimationFrame(st.raf);
        st.raf = 0;
        void pump();
      } else if (!st.raf) {
        st.raf = requestAnimationFrame(() => {
          st.raf = 0;
          void pump();
        });
      }
    },
    [pump],
  );

  useEffect(() => {
    const st = s.current;
    st.alive = true;
    return () => {
      st.alive = false;
      if (st.raf) cancelAnimationFrame(st.raf);
    };
  }, []);

  // A new or edited model answers for the current drawing at once. An answer still pending from the old
  // session is moot, and one stuck on a lost WebGL context would never end: do not wait for it.
  useEffect(() => {
    s.current.inFlight = false;
    if (session) request({ now: true });
  }, [session, request]);

  return { result, request };
}
