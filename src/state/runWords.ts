/**
 * How a kept run is named wherever it appears (the list, the chart legend, the table): its network's
 * name (the one-click comparison's name, a preset's name, or the layers as link text), then the
 * settings that make it differ from another run. Pure.
 */
import { PRESET_ARCH, PRESET_IDS, type RunSummary } from '../engine';
import { t, tn, tx } from '../i18n';

/** The network's name: given by a comparison, else a preset's name, else its layers as link text. */
export function runNetworkName(run: Pick<RunSummary, 'arch' | 'name'>): string {
  if (run.name) return run.name;
  const preset = PRESET_IDS.find((id) => PRESET_ARCH[id] === run.arch);
  return preset ? tx(`arch.editor.presets.${preset}`) : run.arch;
}

/** "1 epoch, 6,000 pictures, Adam 0.004, seed 1". */
export function runSettingsText(run: Pick<RunSummary, 'settings'>): string {
  const s = run.settings;
  return t('compare.label.settings', {
    epochs: tn('compare.label.epochs', s.epochs),
    digits: Math.floor(s.trainSize * (1 - s.valFraction)),
    optimizer: tx(`train.controls.options.optimizer.${s.optimizer}`),
    lr: String(s.lr),
    seed: String(s.seed),
  });
}

/** "MLP (no convolution) · 1 epoch, 6,000 pictures, Adam 0.004, seed 1". */
export function runLabel(run: Pick<RunSummary, 'arch' | 'name' | 'settings'>): string {
  return t('compare.label.run', { name: runNetworkName(run), settings: runSettingsText(run) });
}

/** A run's training time: tenths of a second under ten seconds (a 1,000-digit run takes under one). */
export function runTime(ms: number): string {
  if (ms < 10_000) return t('compare.label.seconds', { s: (ms / 1000).toFixed(1) });
  const s = Math.round(ms / 1000);
  return s >= 60
    ? t('train.status.minutes', { m: String(Math.floor(s / 60)), s: String(s % 60).padStart(2, '0') })
    : t('train.status.seconds', { s: String(s) });
}
