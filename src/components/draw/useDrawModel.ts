import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import {
  buildLeNet,
  createDrawSession,
  ModelImportError,
  type DrawSession,
  type ModelMeta,
} from '../../engine';
import { loadModelFor, modelStore } from '../../state/modelStore';
import { modelLabel } from '../../state/modelWords';
import { useStore } from '../../state/createStore';
import { appStore } from '../../state/appStore';

export type DrawModelSource = 'pretrained' | 'mine' | 'untrained';

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
 * The model a panel classifies with. `'chosen'` (Draw, lesson 10) follows the user's choice: the shipped
 * pretrained LeNet-5 unless they chose their own; `'pretrained'` (lessons about "the real network") is
 * always the shipped one. Draw works on a session copy of its weights, so "what if" edits never reach the
 * stored model. Reloads when the choice changes. If nothing loads, Draw still works with untrained random
 * weights and says so plainly.
 */
export function useDrawModel(want: 'chosen' | 'pretrained' = 'chosen'): DrawModel {
  const version = useStore(modelStore, (s) => (want === 'chosen' ? s.version : 0));
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
          const loaded = await loadModelFor(want);
          source = loaded.model;
          meta = loaded.meta;
          kind = loaded.used;
          if (loaded.fellBack) note = t('models.mineMissing');
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
  }, [version, backendReady, want]);

  return model;
}

/** Which model is classifying, in plain words with its measured accuracy. */
export function describeModel(m: Extract<DrawModel, { state: 'ready' }>): string {
  return m.source === 'untrained' ? t('models.label.untrained') : modelLabel(m.source, m.meta);
}
