import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import {
  buildLeNet,
  createDrawSession,
  ModelImportError,
  type DrawSession,
  type ModelMeta,
} from '../../engine';
import { loadCurrentModel, modelStore } from '../../state/modelStore';
import { useStore } from '../../state/createStore';
import { appStore } from '../../state/appStore';

export type DrawModelSource = ModelMeta['source'] | 'untrained';

export type DrawModel =
  | { state: 'loading' }
  | {
      state: 'ready';
      session: DrawSession;
      source: DrawModelSource;
      meta: ModelMeta | null;
      note: string | null;
    }
  | { state: 'error'; message: string };

/**
 * The model Draw classifies with: the one trained in this browser if there is one, else the shipped
 * pretrained LeNet-5 (`loadCurrentModel`). Draw works on a session copy of its weights, so "what if" edits
 * never reach the stored model. Reloads when Train announces a new model. If nothing loads, Draw still
 * works with untrained random weights and says so plainly.
 */
export function useDrawModel(): DrawModel {
  const version = useStore(modelStore, (s) => s.version);
  const backendReady = useStore(appStore, (s) => s.backend.state === 'ready');
  const [model, setModel] = useState<DrawModel>({ state: 'loading' });

  useEffect(() => {
    if (!backendReady) return;
    let cancelled = false;
    let release: (() => void) | null = null;
    void (async () => {
      try {
        let source;
        let meta: ModelMeta | null = null;
        let kind: DrawModelSource;
        let note: string | null = null;
        try {
          const loaded = await loadCurrentModel();
          source = loaded.model;
          meta = loaded.meta;
          kind = loaded.meta.source;
        } catch (err) {
          source = buildLeNet(undefined, 1);
          kind = 'untrained';
          // Model refusals are already worded for people; anything else stays in the console.
          console.warn('No model could be loaded for Draw:', err);
          note = t('draw.noModel', {
            reason: err instanceof ModelImportError ? err.message : t('draw.noModelReason'),
          });
        }
        if (cancelled) {
          source.dispose();
          return;
        }
        const session = createDrawSession(source);
        const src = source;
        release = () => {
          session.dispose();
          src.dispose();
        };
        setModel({ state: 'ready', session, source: kind, meta, note });
      } catch (err) {
        console.warn('Draw could not start its model:', err);
        if (!cancelled) setModel({ state: 'error', message: t('draw.modelFailed') });
      }
    })();
    return () => {
      cancelled = true;
      // Panels must not call into a session that is about to be freed.
      setModel({ state: 'loading' });
      release?.();
    };
  }, [version, backendReady]);

  return model;
}

/** One plain sentence: which model is classifying, and how good it is. */
export function describeModel(m: Extract<DrawModel, { state: 'ready' }>): string {
  const acc = m.meta?.testAccuracy;
  const accText = acc !== undefined ? t('draw.describe.accuracy', { pct: (acc * 100).toFixed(2) }) : '';
  switch (m.source) {
    case 'trained':
      return t('draw.describe.trained', { acc: accText });
    case 'pretrained':
      return t('draw.describe.pretrained', { acc: accText });
    case 'imported':
      return m.meta?.name
        ? t('draw.describe.importedNamed', { name: m.meta.name, acc: accText })
        : t('draw.describe.imported', { acc: accText });
    default:
      return t('draw.describe.untrained');
  }
}
