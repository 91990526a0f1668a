import { useEffect, useState } from 'react';
import { createDrawSession, loadModelFromUrl, type DrawSession } from '../../engine';
import { appStore } from '../../state/appStore';
import { useStore } from '../../state/createStore';
import { pretrainedModelUrl } from '../../state/modelStore';

export type PretrainedSession =
  { state: 'loading' } | { state: 'ready'; session: DrawSession } | { state: 'error'; message: string };

/**
 * The shipped pretrained LeNet-5, always (never a practice run saved in this browser): the home page
 * shows what a well-trained network does. Waits for the backend; frees the model and its session copy
 * on unmount or when the backend changes (a lost WebGL context).
 */
export function usePretrainedSession(): PretrainedSession {
  const backendReady = useStore(appStore, (s) => s.backend.state === 'ready');
  const [state, setState] = useState<PretrainedSession>({ state: 'loading' });
  useEffect(() => {
    if (!backendReady) return;
    let cancelled = false;
    let release: (() => void) | null = null;
    loadModelFromUrl(pretrainedModelUrl()).then(
      ({ model }) => {
        if (cancelled) {
          model.dispose();
          return;
        }
        const session = createDrawSession(model);
        release = () => {
          session.dispose();
          model.dispose();
        };
        setState({ state: 'ready', session });
      },
      (err: unknown) => {
        if (!cancelled)
          setState({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      cancelled = true;
      setState({ state: 'loading' });
      release?.();
    };
  }, [backendReady]);
  return state;
}
