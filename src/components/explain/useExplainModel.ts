import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { describeNetwork, type ModelMeta, type Network } from '../../engine';
import { useStore } from '../../state/createStore';
import { appStore } from '../../state/appStore';
import { loadDatasetModel, loadModelFor, modelStore } from '../../state/modelStore';
import { modelLabel } from '../../state/modelWords';
import type { ExplainModelChoice } from '../../state/explainParams';

export type ExplainModel =
  | { state: 'loading' }
  /** `label`: which model this is, in the words Draw and Train use ("pretrained LeNet-5, 99.08%"). */
  | { state: 'ready'; net: Network; meta: ModelMeta; label: string }
  | { state: 'error'; message: string }
  /** No model is kept for this dataset yet (the area links to Train on it). */
  | { state: 'none'; dataset: string };

/**
 * The model Explain asks: `pretrained` is the shipped LeNet-5; `current` is the model the app uses
 * (the user's own model when they chose it, else the shipped one; see state/modelStore). The hook owns the
 * loaded model and disposes it when the choice changes, Train saves a new model, or the area closes.
 * A picture of another dataset (`dataset`, e.g. Fashion-MNIST) is explained with the model kept for
 * that dataset (Try it's); without one the hook says so.
 */
export function useExplainModel(choice: ExplainModelChoice, dataset = 'mnist'): ExplainModel {
  const version = useStore(modelStore, (s) => s.version);
  const backendReady = useStore(appStore, (s) => s.backend.state === 'ready');
  const [model, setModel] = useState<ExplainModel>({ state: 'loading' });
  useEffect(() => {
    if (!backendReady) return;
    let cancelled = false;
    let release: (() => void) | null = null;
    setModel({ state: 'loading' });
    void (async () => {
      try {
        // A stored dataset's model is always the one kept for it (the user's own).
        const loaded =
          dataset === 'mnist'
            ? await loadModelFor(choice === 'pretrained' ? 'pretrained' : 'chosen')
            : await loadDatasetModel(dataset).then((m) => m && { ...m, used: 'mine' as const });
        if (!loaded) {
          if (!cancelled) setModel({ state: 'none', dataset });
          return;
        }
        if (cancelled) {
          loaded.model.dispose();
          return;
        }
        release = () => loaded.model.dispose();
        try {
          setModel({
            state: 'ready',
            net: describeNetwork(loaded.model),
            meta: loaded.meta,
            label: modelLabel(loaded.used, loaded.meta),
          });
        } catch (err) {
          setModel({
            state: 'error',
            message: t('explain.notExplainable', {
              reason: err instanceof Error ? err.message : String(err),
            }),
          });
        }
      } catch (err) {
        if (!cancelled)
          setModel({
            state: 'error',
            message: t('explain.modelFailed', { reason: err instanceof Error ? err.message : String(err) }),
          });
      }
    })();
    return () => {
      cancelled = true;
      release?.();
    };
  }, [choice, dataset, version, backendReady]);
  return model;
}
