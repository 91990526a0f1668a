import './runs.css';
import { t, tx } from '../../../i18n';
import { ProgressBar } from '../../ui';
import { useStore } from '../../../state/createStore';
import { fmtTime, runFraction } from '../TrainStatus';
import { trainStore } from '../trainSession';
import { dismissExperiment, experimentStore, isExperimentRunning, stopExperiment } from './experimentRunner';

/**
 * A one-click comparison in progress: which run of how many, the time estimate for all of them (from
 * steps timed on this computer), one progress bar over the whole queue, and Stop. The Train page's
 * own status block below shows the run in progress in detail.
 */
export function ExperimentPanel() {
  const x = useStore(experimentStore, (s) => s);
  const rt = useStore(trainStore, (s) => s);
  if (!x.id || x.phase === 'idle') return null;
  const title = tx(`compare.experiments.${x.id}.title`);
  const running = isExperimentRunning();
  const current = x.phase === 'running' ? runFraction(rt) : x.phase === 'done' ? 1 : 0;
  const fraction =
    x.phase === 'done' ? 1 : (x.ids.length + (x.phase === 'running' ? current : 0)) / Math.max(1, x.total);
  const known = x.estimates.length > 0 && x.estimates.every((e) => e !== null);
  const total = known ? x.estimates.reduce<number>((a, e) => a + (e ?? 0), 0) : null;
  // Time left: the run in progress says its own; the runs after it, their estimates.
  const later = x.estimates.slice(x.index + 1).reduce<number>((a, e) => a + (e ?? 0), 0);
  const left = x.phase === 'running' && rt.progress ? rt.progress.etaMs + later : null;
  return (
    <section
      className="experiment panel"
      aria-labelledby="experiment-title"
      data-testid="experiment-panel"
      data-phase={x.phase}
    >
      <h2 className="panel-title" id="experiment-title">
        {t('compare.experiments.panelTitle', { title })}{' '}
        <span className="shape">{t('compare.experiments.shape', { n: x.total })}</span>
      </h2>
      <ProgressBar fraction={fraction} label={t('compare.experiments.progress')} />
      <p className="experiment-line" aria-live="polite" data-testid="experiment-status">
        {x.phase === 'preparing' && t('compare.experiments.preparing')}
        {x.phase === 'measuring' && t('compare.experiments.measuring')}
        {x.phase === 'running' && (
          <>
            <strong>
              {t('compare.experiments.running', {
                n: x.index + 1,
                total: x.total,
                name: x.names[x.index] ?? '',
              })}
            </strong>
            {left !== null && ` · ${t('compare.experiments.left', { time: fmtTime(left) })}`}
          </>
        )}
        {(x.phase === 'done' || x.phase === 'stopped' || x.phase === 'failed') && x.message}
      </p>
      {total !== null && running && (
        <p className="experiment-line" data-testid="experiment-estimate">
          {t('compare.experiments.estimate', { time: fmtTime(total) })}
        </p>
      )}
      <div className="train-buttons">
        {running ? (
          <button type="button" className="secondary" onClick={stopExperiment} data-testid="experiment-stop">
            {t('compare.experiments.stop')}
          </button>
        ) : (
          <button type="button" className="secondary" onClick={dismissExperiment}>
            {t('compare.experiments.close')}
          </button>
        )}
      </div>
    </section>
  );
}
