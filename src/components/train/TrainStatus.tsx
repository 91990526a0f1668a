import { label as backendLabel } from '../../engine/backend';
import { t, tx } from '../../i18n';
import { ProgressBar, StatusNote } from '../ui';
import { useTrainWords, type TrainWords } from './trainWords';
import { LayoutBoundaryIf } from './LayoutBoundary';
import { pauseTraining, resumeTraining, retryData, stopTraining, type TrainRuntime } from './trainSession';

/** "1 min 05 s", "42 s", or a dash when there is no estimate. */
export function fmtTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return t('train.status.none');
  const s = Math.round(ms / 1000);
  return s >= 60
    ? t('train.status.minutes', { m: String(Math.floor(s / 60)), s: String(s % 60).padStart(2, '0') })
    : t('train.status.seconds', { s: String(s) });
}

export const isBusy = (rt: TrainRuntime) => rt.phase === 'training' || rt.phase === 'paused';

/** 0…1 of the whole run. */
export function runFraction(rt: TrainRuntime): number {
  const p = rt.progress;
  return p ? p.step / Math.max(1, p.totalSteps) : rt.phase === 'done' ? 1 : 0;
}

/**
 * "On this computer, with WebAssembly · training", or what is loading. Whether it runs in a worker is
 * for the About panel, not the student's status line.
 */
export function describeRuntime(rt: TrainRuntime, nouns: TrainWords): string {
  if (rt.loading)
    return t('train.status.loading', {
      what: tx(`train.loading.${rt.loading.what}`, nouns),
      pct: String(Math.round(rt.loading.fraction * 100)),
    });
  if (!rt.backend) return t('train.status.starting');
  return t('train.status.running', {
    backend: backendLabel(rt.backend),
    phase: tx(`train.phase.${rt.phase}`),
  });
}

/**
 * The live state of the one training session: progress bar, epoch, batch, digits per second, time left,
 * learning rate, test accuracy, where it runs, and its messages. Shared by the Train area and lesson 10,
 * so both read the same run the same way.
 */
export function TrainStatus({
  rt,
  lr,
  panels,
  className = '',
  contained = false,
}: {
  rt: TrainRuntime;
  /** Shown before the first step reports the scheduled rate. */
  lr: number;
  /** The "Show / Hide live layers" switch, where the page offers it. */
  panels?: { on: boolean; toggle: () => void };
  className?: string;
  /** Lays its inside out on its own (LayoutBoundary): the Train area, whose numbers change ~3× a second. */
  contained?: boolean;
}) {
  const nouns = useTrainWords();
  const p = rt.progress;
  const busy = isBusy(rt);
  const fraction = runFraction(rt);
  const lastEpoch = rt.epochs[rt.epochs.length - 1];
  const none = t('train.status.none');
  return (
    <div className={`train-status panel ${className}`.trim()} aria-live="polite">
      <LayoutBoundaryIf on={contained}>
        <ProgressBar fraction={fraction} label={t('train.status.progress')} />
        <dl className="train-numbers">
          <div>
            <dt>{t('train.status.epoch')}</dt>
            <dd data-testid="epoch">
              {p ? t('train.status.outOf', { n: String(p.epoch + 1), total: String(p.epochs) }) : none}
            </dd>
          </div>
          <div>
            <dt>{t('train.status.batch')}</dt>
            <dd data-testid="batch">
              {p ? t('train.status.outOf', { n: String(p.batch), total: String(p.batchesPerEpoch) }) : none}
            </dd>
          </div>
          <div>
            <dt>{t('train.status.throughput', nouns)}</dt>
            <dd data-testid="throughput">{p ? Math.round(p.examplesPerSec) : 0}</dd>
          </div>
          <div>
            <dt>{t('train.status.eta')}</dt>
            <dd data-testid="eta">{p && busy ? fmtTime(p.etaMs) : none}</dd>
          </div>
          <div>
            <dt>{t('train.status.lr')}</dt>
            <dd>{p ? p.lr.toPrecision(2) : String(lr)}</dd>
          </div>
          <div>
            <dt>{t('train.status.testAccuracy')}</dt>
            <dd data-testid="test-accuracy">
              {lastEpoch
                ? t('train.status.percent', { pct: (lastEpoch.testAccuracy * 100).toFixed(2) })
                : none}
            </dd>
          </div>
        </dl>
        <p className="train-backend" data-testid="train-backend">
          {describeRuntime(rt, nouns)}
          {panels && (
            <button
              type="button"
              className="secondary train-panels-toggle"
              onClick={panels.toggle}
              aria-pressed={panels.on}
            >
              {panels.on ? t('train.status.hideLayers') : t('train.status.showLayers')}
            </button>
          )}
        </p>
        {rt.message && (
          <StatusNote bad={rt.phase === 'diverged' || rt.phase === 'error'} testId="train-message">
            {rt.message}
            {rt.phase === 'error' && rt.loadFailed && (
              <>
                {' '}
                <button type="button" className="secondary" onClick={retryData} data-testid="train-retry">
                  {t('train.status.tryAgain')}
                </button>
              </>
            )}
          </StatusNote>
        )}
        {rt.warnings.map((w, i) => (
          <StatusNote key={i}>{w}</StatusNote>
        ))}
      </LayoutBoundaryIf>
    </div>
  );
}

/**
 * Pause (or Resume) and Stop for the running session. Pause and Resume are one button whose words change,
 * so keyboard focus stays on it.
 */
export function RunButtons({ rt }: { rt: TrainRuntime }) {
  if (!isBusy(rt)) return null;
  const paused = rt.phase === 'paused';
  return (
    <>
      <button type="button" onClick={paused ? resumeTraining : pauseTraining}>
        {paused ? t('train.buttons.resume') : t('train.buttons.pause')}
      </button>
      <button type="button" className="secondary" onClick={stopTraining}>
        {t('train.buttons.stop')}
      </button>
    </>
  );
}
