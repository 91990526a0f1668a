import { memo } from 'react';
import { label } from '../../engine/backend';
import { appStore, type AppState } from '../../state/appStore';
import { useStore } from '../../state/createStore';
import { percentile } from '../draw/latency';
import { lastThreadProbe } from '../../state/backendProbeCache';
import { t } from '../../i18n';
import { Dialog } from '../ui';

const selectBackend = (s: AppState) => s.backend;
const selectData = (s: AppState) => s.data;

/**
 * "About this computer": the developer's view that students do not need on every page: which backend
 * computes and why, how MNIST loaded, Draw's stroke-to-answer time, the screen.
 */
// Memoised: the app shell re-renders on every link change; this dialog depends only on its stores.
export const AboutDialog = memo(function AboutDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const backend = useStore(appStore, selectBackend);
  const data = useStore(appStore, selectData);
  const latencies = open ? (window.__cnnDraw?.latencies ?? []) : [];
  const last = latencies[latencies.length - 1];
  const coarse = open && window.matchMedia?.('(pointer: coarse)').matches;
  return (
    <Dialog open={open} onClose={onClose} title={t('ui.about.title')} testId="about-dialog" wide>
      <p>{t('ui.about.intro')}</p>
      <dl className="about-list">
        <dt>{t('ui.about.compute')}</dt>
        <dd data-testid="backend-status">
          {backend.state === 'ready' ? (
            <>
              <strong>{label(backend.info.name)}</strong>
              <br />
              <span className="about-why">
                {t('ui.about.why')}: {backend.info.reason}
              </span>
            </>
          ) : backend.state === 'error' ? (
            <span className="status-bad">{backend.message}</span>
          ) : (
            t('shell.status.starting')
          )}
        </dd>
        <dt>{t('ui.about.data')}</dt>
        <dd>
          {data.state === 'ready'
            ? data.summary
            : data.state === 'loading'
              ? data.what
              : data.state === 'error'
                ? data.message
                : t('shell.status.notLoaded')}
        </dd>
        <dt>{t('ui.about.latency')}</dt>
        <dd data-testid="about-latency">
          {last === undefined
            ? t('ui.about.noLatency')
            : t('draw.latency', {
                ms: last.toFixed(0),
                n: String(latencies.length),
                p95: percentile(latencies, 95).toFixed(0),
              })}
        </dd>
        <dt>{t('ui.about.screen')}</dt>
        <dd>
          {open &&
            t('ui.about.screenValue', {
              w: String(window.innerWidth),
              h: String(window.innerHeight),
              dpr: String(Math.round((window.devicePixelRatio || 1) * 100) / 100),
              pointer: coarse ? t('ui.about.pointerCoarse') : t('ui.about.pointerFine'),
            })}
        </dd>
        <dt>{t('ui.about.cores')}</dt>
        <dd>{open ? String(navigator.hardwareConcurrency ?? '?') : ''}</dd>
        <dt>{t('ui.about.threads')}</dt>
        <dd data-testid="about-threads">{open && <ThreadsValue />}</dd>
        <dt>{t('ui.about.browser')}</dt>
        <dd className="about-ua">{open ? navigator.userAgent : ''}</dd>
      </dl>
    </Dialog>
  );
});

/** The training worker's thread count and the timings that chose it (read when the dialog opens). */
function ThreadsValue() {
  const probe = lastThreadProbe();
  if (!probe) return <>{t('ui.about.threadsNotMeasured')}</>;
  const timings = probe.result.timings
    .map((x) =>
      x.examplesPerSec === null
        ? t('ui.about.threadsFailed', { n: String(x.threads) })
        : t('ui.about.threadsTimingItem', {
            rate: Math.round(x.examplesPerSec).toLocaleString(),
            n: String(x.threads),
          }),
    )
    .join(', ');
  return (
    <>
      <strong>{t('ui.about.threadsChosen', { n: String(probe.threads) })}</strong>
      <br />
      <span className="about-why">{t('ui.about.threadsTimings', { timings })}</span>
    </>
  );
}
