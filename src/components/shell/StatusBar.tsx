import { useEffect } from 'react';
import { label } from '../../engine/backend';
import { appStore, type AppState } from '../../state/appStore';
import { useStore } from '../../state/createStore';
import { retryMnist, startMnist } from '../../state/mnistService';
import { t } from '../../i18n';

const selectBackend = (s: AppState) => s.backend;
const selectData = (s: AppState) => s.data;

export function StatusBar() {
  const backend = useStore(appStore, selectBackend);
  const data = useStore(appStore, selectData);
  // The test digits (1.6 MB) load as soon as the app shows, so this item always says where MNIST stands.
  useEffect(startMnist, []);
  return (
    <footer className="statusbar" aria-label={t('shell.status.label')}>
      <div className="status-item" data-testid="backend-status">
        <span className="status-key">{t('shell.status.compute')}</span>
        {backend.state === 'starting' && <span>{t('shell.status.starting')}</span>}
        {backend.state === 'error' && <span className="status-bad">{backend.message}</span>}
        {backend.state === 'ready' && (
          <>
            <strong data-testid="backend-name" data-backend={backend.info.name}>
              {label(backend.info.name)}
            </strong>
            <span className="status-why">{backend.info.reason}</span>
          </>
        )}
      </div>
      <div className="status-item" data-testid="data-status">
        <span className="status-key">{t('shell.status.mnist')}</span>
        {data.state === 'idle' && <span>{t('shell.status.notLoaded')}</span>}
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
        {data.state === 'ready' && <span>{data.summary}</span>}
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
    </footer>
  );
}
