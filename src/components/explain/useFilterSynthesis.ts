import { useCallback, useEffect, useRef, useState } from 'react';
import { synthesizeFilterInputs, type LayerSynthesis, type Network } from '../../engine';

type SynthesisState =
  | { state: 'idle' }
  | { state: 'running'; layer: string; done: number; total: number; secondsLeft: number | null }
  | { state: 'done'; layers: LayerSynthesis[] }
  | { state: 'error'; message: string };
/** Where the pictures are, and `start` to make them (again after an error). */
export type Synthesis = SynthesisState & { start: () => void };

// Made once per loaded model; reopening the area reuses it.
const cache = new WeakMap<Network, LayerSynthesis[]>();

/**
 * Each conv filter's synthesised picture (gradient ascent, see engine/explain/filterSynthesis), one
 * layer after another with progress across all of them. Stops when the model changes or the area closes.
 */
export function useFilterSynthesis(net: Network): Synthesis {
  const [state, setState] = useState<SynthesisState>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => {
    const cached = cache.get(net);
    setState(cached ? { state: 'done', layers: cached } : { state: 'idle' });
    return () => abort.current?.abort();
  }, [net]);
  const start = useCallback(() => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const t0 = performance.now();
    void (async () => {
      const layers: LayerSynthesis[] = [];
      const convs = net.convLayers;
      try {
        for (const [i, conv] of convs.entries()) {
          const report = (done: number, total: number) => {
            const fraction = (i + done / total) / convs.length;
            const elapsed = (performance.now() - t0) / 1000;
            setState({
              state: 'running',
              layer: conv.name,
              done: Math.round(fraction * 1000),
              total: 1000,
              secondsLeft: fraction > 0.02 && elapsed > 1 ? (elapsed / fraction) * (1 - fraction) : null,
            });
          };
          report(0, 1);
          layers.push(
            await synthesizeFilterInputs(net, i, { signal: controller.signal, onProgress: report }),
          );
        }
        cache.set(net, layers);
        setState({ state: 'done', layers });
      } catch (err) {
        if (controller.signal.aborted) return;
        setState({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  }, [net]);
  return { ...state, start };
}
