import { picturesThatFit } from '../../engine';
import { t } from '../../i18n';
import { Panel } from '../canvas/Panel';
import { formatBytes, useStorageEstimate } from './useStorageEstimate';

/** How much this site keeps in the browser, how much it may keep, and how many more pictures fit. */
export function StoragePanel({ refresh = 0 }: { refresh?: number }) {
  const estimate = useStorageEstimate(refresh);
  return (
    <Panel title={t('data.storage.title')} className="data-storage" testId="storage">
      {estimate ? (
        <>
          <p data-testid="storage-used">
            {t('data.storage.used', {
              used: formatBytes(estimate.usage),
              quota: formatBytes(estimate.quota),
            })}
          </p>
          <progress
            className="data-storage-bar"
            max={estimate.quota}
            value={estimate.usage}
            aria-label={t('data.storage.bar')}
          />
          <p data-testid="storage-room">
            {t('data.import.room', {
              free: formatBytes(Math.max(0, estimate.quota - estimate.usage)),
              n: picturesThatFit(estimate.quota - estimate.usage).toLocaleString('en-US'),
            })}
          </p>
        </>
      ) : (
        <p>{t('data.storage.unknown')}</p>
      )}
    </Panel>
  );
}
