import { useEffect, useMemo, useRef } from 'react';
import {
  estimateTrainingTime,
  formatArch,
  MNIST_INPUT,
  type LayerSpec,
  type ModelSpec,
} from '../../../engine';
import type { TrainConfig } from '../../../engine/train/config';
import { t } from '../../../i18n';
import { fmtTime } from '../TrainStatus';
import { measureSpeed, type TrainRuntime } from '../trainSession';

/** The estimate in words: `text` the time, `detail` its range and where it comes from. */
export type TimeEstimateText = { text: string; detail?: string; state: 'measuring' | 'measured' | 'unknown' };

/** Phases in which the trainer is up and idle, so a short timing does not slow a run or a download. */
const IDLE = new Set<TrainRuntime['phase']>(['ready', 'done', 'stopped', 'diverged']);

/** Wait this long after the last edit before timing, so typing "128" times one network, not three. */
const SETTLE_MS = 700;

/**
 * The training time of the network in the editor with these settings, on this computer: a few training
 * steps of that very network are timed by the trainer (in its worker, on its backend) whenever the
 * network, the batch or the backend changes and nothing is training; the run's time follows from them
 * (`estimateTrainingTime`). Returns the sentence to show, or null before anything can be said.
 */
export function useTimeEstimate(
  layers: LayerSpec[],
  cfg: Pick<TrainConfig, 'batchSize' | 'epochs' | 'trainSize' | 'valFraction'>,
  rt: Pick<TrainRuntime, 'phase' | 'backend' | 'speed'>,
  input: Pick<ModelSpec, 'inputShape' | 'classes'> = { inputShape: [...MNIST_INPUT], classes: 10 },
): TimeEstimateText | null {
  const key = `${formatArch(layers)}|${input.inputShape.join('x')}|${input.classes}|${cfg.batchSize}|${rt.backend ?? ''}`;
  const asked = useRef<string | null>(null);
  const idle = IDLE.has(rt.phase) && rt.backend !== null;
  const have = rt.speed?.key === key;
  useEffect(() => {
    if (!idle || have || asked.current === key) return;
    const timer = setTimeout(() => {
      asked.current = key;
      measureSpeed(layers, cfg.batchSize, key, input);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [idle, have, key, layers, cfg.batchSize, input]);

  const result = describe();
  const text = result?.text;
  const detail = result?.detail;
  const state = result?.state;
  // The same object while the sentence is the same: the memoised editor does not repaint with each
  // progress update of a run.
  return useMemo(
    () => (text && state ? { text, state, ...(detail ? { detail } : {}) } : null),
    [text, detail, state],
  );

  function describe(): TimeEstimateText | null {
    if (have && rt.speed) {
      const est = rt.speed.stepMs
        ? estimateTrainingTime(rt.speed.stepMs, {
            epochs: cfg.epochs,
            examples: Math.floor(cfg.trainSize * (1 - cfg.valFraction)),
            batch: cfg.batchSize,
          })
        : null;
      if (!est) return { text: t('arch.editor.timeUnknown'), state: 'unknown' };
      return {
        text: t('arch.editor.timeValue', { time: fmtTime(est.ms) }),
        detail: t('arch.editor.timeRange', { low: fmtTime(est.lowMs), high: fmtTime(est.highMs) }),
        state: 'measured',
      };
    }
    if (asked.current === key || (idle && !have))
      return { text: t('arch.editor.timeMeasuring'), state: 'measuring' };
    return null;
  }
}
