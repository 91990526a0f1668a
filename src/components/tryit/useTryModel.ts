import { useEffect, useState } from 'react';
import { createDrawSession, type DrawSession, type ModelMeta } from '../../engine';
import { appStore } from '../../state/appStore';
import { useStore } from '../../state/createStore';
import { loadDatasetModel, modelStore, modelsOf } from '../../state/modelStore';

export type TryModel =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'ready'; session: DrawSession; meta: ModelMeta }
  | { state: 'error' };

/**
 * The kept model of `dataset` as a Draw session (a working copy), reloaded when that dataset's kept
 * model changes. `none` when no model of that dataset is kept. The session and its source model are
 * freed when the dataset or the model changes and when the page leaves.
 */
export function useTryModel(dataset: string | null): TryModel {
  const backendReady = useStore(appStore, (s) => s.backend.state === 'ready');
  const kept = useStore(modelStore, (s) => (dataset ? (modelsOf(s, dataset).mine?.savedAt ?? '') : ''));
  const forgotten = useStore(modelStore, (s) => s.version);
  const [model, setModel] = useState<TryModel>({ state: 'loading' });

  useEffect(() => {
    if (!backendReady || !dataset) return;
    let cancelled = false;
    let release: (() => void) | null = null;
    void (async () => {
      try {
        const loaded = await loadDatasetModel(dataset);
        if (cancelled || !loaded) {
          loaded?.model.dispose();
          if (!cancelled) setModel({ state: 'none' });
          return;
        }
        const session = createDrawSession(loaded.model);
        release = () => {
          session.dispose();
          loaded.model.dispose();
        };
        setModel({ state: 'ready', session, meta: loaded.meta });
      } catch (err) {
        console.warn('Try it could not start its model:', err);
        if (!cancelled) setModel({ state: 'error' });
      }
    })();
    return () => {
      cancelled = true;
      setModel({ state: 'loading' });
      release?.();
    };
  }, [backendReady, dataset, kept, forgotten]);

  return model;
}
