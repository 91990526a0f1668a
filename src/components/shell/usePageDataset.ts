import { useEffect, useState } from 'react';
import { useHashRoute } from '../../state/useHashRoute';
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
  const { area, params } = useHashRoute();
  let id: string | null = null;
  if (area === 'train' || area === 'draw' || area === 'explain') {
    const named = params.get('dataset');
    if (named && named !== 'mnist') id = named;
    else if (area === 'explain' && params.get('image')?.startsWith('fashion-mnist-test:'))
      id = 'fashion-mnist';
  }
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
