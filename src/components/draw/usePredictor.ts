import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import {
  preprocessMnistStyle,
  type DrawSession,
  type LayerReadout,
  type PreprocessResult,
} from '../../engine';
import { lastDrawnDigit } from '../../state/lastDrawnDigit';
import { CANVAS_PX, inkFromImageData } from './strokes';
import { countPrediction } from './latency';
import { browserClock, createPredictScheduler, type PredictScheduler } from './predictScheduler';

export type DrawResult = {
  pre: PreprocessResult;
  /** null when the canvas is empty: no guess is made. */
  readout: LayerReadout | null;
  /** performance.now() of the stroke end this result answers, for the latency readout. */
  strokeEndAt: number | null;
  /**
   * True for an answer asked for at once (a stroke's end, Undo, Clear, a new model): a final answer
   * every panel shows. False while a stroke is being drawn: panels off screen may skip it.
   */
  urgent: boolean;
  error: string | null;
};

/**
 * The canvas's ink, reused by every prediction: it is read and preprocessed in one synchronous step
 * (preprocessing keeps no reference to it), so Draw and a lesson's pad can share it.
 */
const inkBuffer = new Float32Array(CANVAS_PX * CANVAS_PX);

/**
 * Answers a second while drawing, at least, when they fit: the issue asks for 10, and the pause a run
 * earns is timed from its own clock, so aiming at 11 keeps the measured rate at 10 or over.
 */
const DRAWING_MIN_RATE = 11;

type YieldingScheduler = { yield?: () => Promise<void> };

/** Ends the current task so waiting input runs first: `scheduler.yield()` where there is one. */
function yieldToInput(): Promise<void> {
  const s = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Reads the canvas, preprocesses it and classifies it. While a stroke is drawn, predictions are paced
 * by `predictScheduler.ts` (after the ink's frame, one at a time, newest drawing wins, at least 10 a
 * second) and their answer is rendered as a React transition, which React renders in slices that yield
 * to the next pointer move. A stroke's end, Undo, Clear or a new model ask at once (urgent).
 */
export function usePredictor(
  session: DrawSession | null,
  canvasRef: React.RefObject<HTMLCanvasElement | null>,
): { result: DrawResult | null; request: (opts?: { now?: boolean; strokeEnd?: boolean }) => void } {
  const [result, setResult] = useState<DrawResult | null>(null);
  const strokeEndAt = useRef<number | null>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  /** Resolves the run waiting for its answer to be committed (see the effect below). */
  const committed = useRef<(() => void) | null>(null);
  const scheduler = useRef<PredictScheduler | null>(null);

  const runOnce = useCallback(
    async (ctx: { isCurrent: () => boolean; urgent: boolean }) => {
      // An urgent run (a stroke's end, Undo) starts in a task of its own, not inside the pointerup or
      // click handler that asked for it: that handler, and the frame with the stroke's last ink, end first.
      if (ctx.urgent) await yieldToInput();
      if (!ctx.isCurrent()) return;
      const canvas = canvasRef.current;
      const c2d = canvas?.getContext('2d', { willReadFrequently: true });
      const current = sessionRef.current;
      if (!c2d) return;
      const endAt = strokeEndAt.current;
      if (ctx.urgent) strokeEndAt.current = null;
      const pre = preprocessMnistStyle({
        data: inkFromImageData(c2d.getImageData(0, 0, CANVAS_PX, CANVAS_PX), inkBuffer),
        w: CANVAS_PX,
        h: CANVAS_PX,
      });
      let readout: LayerReadout | null = null;
      let error: string | null = null;
      // While drawing, the canvas read and the model run are two tasks: a pointer move that arrived
      // meanwhile is handled between them instead of waiting for both.
      if (!ctx.urgent) await yieldToInput();
      if (!ctx.isCurrent()) return;
      if (pre.box && current) {
        try {
          readout = await current.predict(pre.pixels);
          countPrediction();
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
      }
      if (!ctx.isCurrent()) return;
      lastDrawnDigit.set({ pixels: pre.box ? pre.pixels : null });
      const next: DrawResult = {
        pre,
        readout,
        strokeEndAt: ctx.urgent ? endAt : null,
        urgent: ctx.urgent,
        error,
      };
      // Wait until React has committed this answer, so the scheduler paces on the whole cost.
      await new Promise<void>((resolve) => {
        committed.current?.();
        committed.current = resolve;
        // Every answer, urgent ones too, renders as a transition: React renders the ~40 panels in slices
        // of a few ms with input handled in between, instead of one task of 60–200 ms at 4× throttling.
        startTransition(() => setResult(next));
      });
    },
    [canvasRef],
  );

  useEffect(() => {
    const s = createPredictScheduler(runOnce, browserClock(), { minRate: DRAWING_MIN_RATE });
    scheduler.current = s;
    return () => {
      s.dispose();
      committed.current?.();
      committed.current = null;
      scheduler.current = null;
    };
  }, [runOnce]);

  // Runs after the answer (and every panel below, whose effects run first) is committed.
  useEffect(() => {
    committed.current?.();
    committed.current = null;
  }, [result]);

  const request = useCallback((opts: { now?: boolean; strokeEnd?: boolean } = {}) => {
    // Strokes ending while an answer is pending are timed from the earliest one: never flattering.
    if (opts.strokeEnd && strokeEndAt.current === null) strokeEndAt.current = performance.now();
    scheduler.current?.request({ urgent: Boolean(opts.now || opts.strokeEnd) });
  }, []);

  // A new or edited model answers for the current drawing at once. An answer still pending from the old
  // session is moot, and one stuck on a lost WebGL context would never end: do not wait for it.
  useEffect(() => {
    const s = scheduler.current;
    if (!s) return;
    s.reset();
    committed.current?.();
    committed.current = null;
    if (session) s.request({ urgent: true });
  }, [session]);

  return { result, request };
}
