import { useCallback, useEffect, useRef, useState } from 'react';
import type { MnistSet } from '../../engine';
import { getTestSet } from '../../state/datasetService';

/** A long search over the test pictures: not started, running (with its progress), done, or failed. */
export type SearchState<R, P> =
  | { state: 'idle' }
  | { state: 'running'; progress: P }
  | { state: 'done'; result: R; set: MnistSet }
  | { state: 'error'; message: string };

export type SearchRun<R, P> = (set: MnistSet, signal: AbortSignal, progress: (p: P) => void) => Promise<R>;

/**
 * The start the long searches of Explain share (each filter's top patches, the learned map): a result
 * made earlier in this session for `key` (`cached()`) shows at once with `dataset`'s test split (MNIST's
 * digits, Fashion-MNIST's clothes, a stored dataset's split by Train's default seed); `key` must name the dataset too, so switching never mixes them; otherwise
 * idle until `start(run, first)`, which stops any earlier run, reports `first` then `run`'s progress,
 * and ends done or with the error (a stopped run ends quietly). `cancel` stops and goes back to idle;
 * leaving the page, or a new `key` or `dataset`, stops the run.
 */
export function useCachedSearch<R, P>(
  key: unknown,
  cached: () => R | null | undefined,
  dataset = 'mnist',
): {
  search: SearchState<R, P>;
  start: (run: SearchRun<R, P>, first: P) => Promise<void>;
  cancel: () => void;
} {
  const [search, setSearch] = useState<SearchState<R, P>>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const read = useRef(cached);
  read.current = cached;
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    // Another model or dataset: a run still going for the old one must not land here (it would show
    // MNIST's map under a Fashion-MNIST picture), so it is stopped.
    abort.current?.abort();
    abort.current = null;
    const result = read.current();
    if (!result) {
      setSearch({ state: 'idle' });
      return;
    }
    let live = true;
    // A stored set deleted meanwhile: back to the start button (its run then says what went wrong).
    void getTestSet(dataset).then(
      (set) => live && setSearch({ state: 'done', result, set }),
      () => live && setSearch({ state: 'idle' }),
    );
    return () => {
      live = false;
    };
  }, [key, dataset]);
  const start = useCallback(
    async (run: SearchRun<R, P>, first: P) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setSearch({ state: 'running', progress: first });
      try {
        const set = await getTestSet(dataset);
        // A stopped run's late progress or result never replaces what is shown now.
        const result = await run(set, controller.signal, (progress) => {
          if (!controller.signal.aborted) setSearch({ state: 'running', progress });
        });
        if (!controller.signal.aborted) setSearch({ state: 'done', result, set });
      } catch (err) {
        if (controller.signal.aborted) return;
        setSearch({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    },
    [dataset],
  );
  const cancel = useCallback(() => {
    abort.current?.abort();
    setSearch({ state: 'idle' });
  }, []);
  return { search, start, cancel };
}
