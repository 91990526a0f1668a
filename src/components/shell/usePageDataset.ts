import { useEffect, useState } from 'react';
import type { HashRoute } from '../../state/hashRoute';
import { useHashSelector } from '../../state/useHashRoute';
import { getTestSet } from '../../state/datasetService';

/** The pictures a page uses when they are not MNIST's digits, and how far they have loaded. */
export type PageDataset = { id: string; state: 'loading' | 'ready' | 'error' };

/**
 * Which dataset the page in view uses, when it is not MNIST (the status bar's own item is about the
 * digits): Train's, Try it's and Explain's `dataset` key, or Explain's `image=fashion-mnist-test:<i>`.
 * Its state comes from the same memoised loader the page uses (a built-in set is fetched once; a
 * stored set is read from this browser), so the status bar never says "Digits ready" over clothes.
 */
export function usePageDataset(): PageDataset | null {
  // A string or null, so the status bar re-renders when the page's dataset changes, not on every
  // change of the link (a slider in the explorer).
  const id = useHashSelector(pageDatasetId);
  const [loaded, setLoaded] = useState<{ id: string; ok: boolean } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    getTestSet(id).then(
      () => live && setLoaded({ id, ok: true }),
      () => live && setLoaded({ id, ok: false }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!id) return null;
  if (loaded?.id !== id) return { id, state: 'loading' };
  return { id, state: loaded.ok ? 'ready' : 'error' };
}

/** The non-MNIST dataset a route's page uses, or null. */
function pageDatasetId({ area, params }: HashRoute): string | null {
  if (area !== 'train' && area !== 'draw' && area !== 'explain') return null;
  const named = params.get('dataset');
  if (named && named !== 'mnist') return named;
  if (area === 'explain' && params.get('image')?.startsWith('fashion-mnist-test:')) return 'fashion-mnist';
  return null;
}
