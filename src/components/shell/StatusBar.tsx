import { memo, useEffect, useSyncExternalStore } from 'react';
import { label } from '../../engine/backend';
import { appStore, type AppState } from '../../state/appStore';
import { useStore } from '../../state/createStore';
import { retryMnist, startMnist } from '../../state/mnistService';
import { t } from '../../i18n';
import { usePageDataset } from './usePageDataset';

const selectBackend = (s: AppState) => s.backend;
const selectData = (s: AppState) => s.data;

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}
const isOnline = () => navigator.onLine;

/**
 * What a student needs to know: is the app ready, are the digits loading (with progress), is the
 * computer offline. Why a backend was chosen and how long things take are in "About this computer".
 */
// Memoised: the app shell re-renders on every link change; the bar depends only on its stores.
export const StatusBar = memo(function StatusBar({
  onAbout,
  onKeys,
}: {
  onAbout: () => void;
  onKeys: () => void;
}) {
  const backend = useStore(appStore, selectBackend);
  const data = useStore(appStore, selectData);
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const pageSet = usePageDataset();
  const pageSetName = pageSet
    ? pageSet.id === 'fashion-mnist'
      ? t('ui.status.clothes')
      : t('ui.status.stored', { name: pageSet.id })
    : '';
  // The test digits (1.6 MB) load as soon as the app shows, so this item always says where MNIST stands.
  useEffect(startMnist, []);
  return (
    <footer className="statusbar" aria-label={t('shell.status.label')}>
      <div className="status-item" data-testid="backend-state">
        {backend.state === 'starting' && (
          <span className="status-dot is-busy">{t('ui.status.starting')}</span>
        )}
        {backend.state === 'error' && (
          <span className="status-bad" role="alert">
            {backend.message}
          </span>
        )}
        {backend.state === 'ready' && (
          <span
            className="status-dot is-ready"
            data-testid="backend-name"
            data-backend={backend.info.name}
            title={t('ui.status.readyLabel', { backend: label(backend.info.name) })}
          >
            {t('ui.status.ready')}
          </span>
        )}
      </div>
      {/* data-detail: which splits are in, for the About panel's reader and the browser tests; a student
          sees only "Digits ready". */}
      <div
        className="status-item"
        data-testid="data-status"
        data-detail={data.state === 'ready' ? data.summary : undefined}
      >
        {data.state === 'loading' && (
          <>
            <span>{data.what}</span>
            <progress
              max={1}
              value={data.fraction}
              aria-label={t('shell.status.loading', { what: data.what })}
            />
            <span>{Math.round(data.fraction * 100)}%</span>
          </>
        )}
        {/* On a page using other pictures, what is ready is named: those pictures, not the digits. */}
        {data.state === 'ready' && !pageSet && <span>{t('ui.status.digitsReady')}</span>}
        {data.state === 'ready' && pageSet?.state === 'ready' && (
          <span data-testid="page-set-status">{t('ui.status.setReady', { name: pageSetName })}</span>
        )}
        {data.state === 'ready' && pageSet?.state === 'loading' && (
          <span data-testid="page-set-status">{t('ui.status.setLoading', { name: pageSetName })}</span>
        )}
        {data.state === 'error' && (
          <>
            <span className="status-bad" role="alert">
              {data.message}
            </span>
            <button type="button" onClick={retryMnist}>
              {t('shell.status.retry')}
            </button>
          </>
        )}
      </div>
      {!online && (
        <div className="status-item status-offline" role="status" data-testid="offline">
          {t('ui.status.offline')}
        </div>
      )}
      <div className="status-actions">
        <button type="button" className="link-button" onClick={onKeys}>
          {t('ui.keys.open')} <kbd>?</kbd>
        </button>
        <button type="button" className="link-button" onClick={onAbout} data-testid="about-open">
          {t('ui.about.open')}
        </button>
      </div>
    </footer>
  );
});
