import { useEffect, useState } from 'react';
import { setGeometry, type MnistSet } from '../../engine';
import { getTestSet } from '../../state/datasetService';
import { useMnistRetries } from '../../state/useMnistRetries';

export type TestPictures =
  | { state: 'loading' }
  | { state: 'ready'; set: MnistSet; h: number; w: number; c: number }
  | { state: 'error'; message: string };

/**
 * The test split of `dataset` (a built-in one's fixed split, a stored one's split by Train's default
 * seed), as plain read-only arrays.
 */
export function useTestPictures(dataset: string | null): TestPictures {
  const [pics, setPics] = useState<TestPictures>({ state: 'loading' });
  // After the status bar's Try again, ask for the digits again.
  const retries = useMnistRetries();
  useEffect(() => {
    if (!dataset) return;
    let live = true;
    setPics({ state: 'loading' });
    getTestSet(dataset).then(
      (set) => {
        const g = setGeometry(set);
        if (live) setPics({ state: 'ready', set, h: g.h, w: g.w, c: g.c });
      },
      (err: unknown) => {
        if (live) setPics({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [dataset, retries]);
  return pics;
}
