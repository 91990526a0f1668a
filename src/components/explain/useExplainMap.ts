import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import {
  classify,
  computeGradCam,
  computeOcclusionMap,
  computeSaliency,
  computeSmoothGrad,
  type Network,
} from '../../engine';
import type { ExplainMethod } from '../../state/explainParams';

/** One computed map, as plain arrays (`values` is what the CSV holds, `w × h`, row-major). */
export type ExplainResult = {
  method: ExplainMethod;
  values: Float32Array;
  w: number;
  h: number;
  classIndex: number;
  /** Occlusion only: P(c | picture) and P(c | picture with the patch at each position hidden). */
  base?: number;
  occluded?: Float32Array;
  /** Grad-CAM only: the layer's own map size and name. */
  cam?: { h: number; w: number; layer: string };
};

export type MapRequest = {
  method: ExplainMethod;
  classIndex: number;
  patch: number;
  stride: number;
  noise: number;
  samples: number;
};

type MapState = {
  result: ExplainResult | null;
  progress: { done: number; total: number; secondsLeft: number | null } | null;
  error: string | null;
};

/** The model's probabilities for the picture (for the class chooser), recomputed when either changes. */
export function useProbabilities(net: Network | null, pixels: Float32Array | null): Float32Array | null {
  const [probs, setProbs] = useState<Float32Array | null>(null);
  useEffect(() => {
    if (!net || !pixels) return;
    let cancelled = false;
    void classify(net, pixels).then((r) => {
      if (!cancelled) setProbs(r.probabilities);
    });
    return () => {
      cancelled = true;
    };
  }, [net, pixels]);
  return probs;
}

/**
 * Computes the requested map whenever the network, picture or request changes; a newer request aborts
 * an older occlusion run between batches. Occlusion reports progress with a time estimate.
 */
export function useExplainMap(
  net: Network | null,
  pixels: Float32Array | null,
  req: MapRequest | null,
): MapState {
  const [state, setState] = useState<MapState>({ result: null, progress: null, error: null });
  const { method, classIndex, patch, stride, noise, samples } = req ?? {};
  useEffect(() => {
    if (!net || !pixels || method === undefined || classIndex === undefined) return;
    const abort = new AbortController();
    const t0 = performance.now();
    setState((s) => ({ ...s, progress: { done: 0, total: 1, secondsLeft: null }, error: null }));
    const run = async (): Promise<ExplainResult> => {
      const [h, w] = net.inputShape;
      switch (method) {
        case 'occlusion': {
          const m = await computeOcclusionMap(
            net,
            pixels,
            { patch: patch ?? 4, stride: stride ?? 1, classIndex },
            {
              signal: abort.signal,
              onProgress: (done, total) => {
                const elapsed = (performance.now() - t0) / 1000;
                const secondsLeft = done > 0 && elapsed > 0.3 ? (elapsed / done) * (total - done) : null;
                if (!abort.signal.aborted)
                  setState((s) => ({ ...s, progress: { done, total, secondsLeft } }));
              },
            },
          );
          return {
            method,
            values: m.values,
            w: m.outW,
            h: m.outH,
            classIndex,
            base: m.baseProbability,
            occluded: m.occluded,
          };
        }
        case 'gradient': {
          const m = await computeSaliency(net, pixels, classIndex);
          return { method, values: m.values, w, h, classIndex };
        }
        case 'smoothgrad': {
          const m = await computeSmoothGrad(net, pixels, {
            sigma: (noise ?? 15) / 100,
            samples: samples ?? 16,
            seed: 1,
            classIndex,
          });
          return { method, values: m.values, w, h, classIndex };
        }
        case 'gradcam': {
          const m = await computeGradCam(net, pixels, { classIndex });
          return {
            method,
            values: m.values,
            w: m.w,
            h: m.h,
            classIndex,
            cam: { h: m.camH, w: m.camW, layer: m.layerName },
          };
        }
      }
    };
    run().then(
      (result) => {
        if (!abort.signal.aborted) setState({ result, progress: null, error: null });
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        const reason = err instanceof Error ? err.message : String(err);
        setState({ result: null, progress: null, error: t('explain.failed', { reason }) });
      },
    );
    return () => abort.abort();
  }, [net, pixels, method, classIndex, patch, stride, noise, samples]);
  return state;
}
