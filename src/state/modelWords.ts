/**
 * Pure rules for "which model is in use": the stored choice, what it resolves to, and the plain words
 * every area shows ("pretrained LeNet-5, 99.08%", "your model, 34.8%, 1 epoch on 1,000 digits").
 * No storage, no tensors: unit-tested as tables in tests/unit/state/modelWords.test.ts.
 */
import type { ModelMeta } from '../engine/model/modelIO';
import { PRESET_ARCH } from '../engine/model/presets';
import { t, tn } from '../i18n';

/** What the user picked for Draw and the lessons. The shipped pretrained model unless they chose theirs. */
export type ModelChoice = 'pretrained' | 'mine';

/** localStorage key of the choice; "Forget my models" removes it. */
export const CHOICE_STORAGE_KEY = 'cnn-studio.model-choice';

/** A stored value back to a choice; anything unknown (or nothing) means the shipped model. */
export function parseChoice(raw: string | null | undefined): ModelChoice {
  return raw === 'mine' ? 'mine' : 'pretrained';
}

/**
 * The model actually used: the user's only when they chose it and it exists. `needsPretrained` is for
 * lessons that speak of "the real network trained on 60,000 digits": those always get the shipped one.
 */
export function resolveModel(
  choice: ModelChoice,
  mine: ModelMeta | null,
  needsPretrained = false,
): 'pretrained' | 'mine' {
  return !needsPretrained && choice === 'mine' && mine ? 'mine' : 'pretrained';
}

/** "99.08" for 0.9908, "34.8" for 0.348: at most two decimals, no trailing zeros. */
export function formatAccuracy(acc: number): string {
  return String(Number((acc * 100).toFixed(2)));
}

function training(meta: ModelMeta): string {
  const epochs = tn('models.label.epochs', meta.epochs ?? 0);
  if (meta.trainDigits === undefined) return epochs;
  // Another dataset's pictures are clothes or shapes, not digits.
  const other = meta.dataset !== undefined && meta.dataset.id !== 'mnist';
  return t(other ? 'models.label.onPictures' : 'models.label.onDigits', { epochs, digits: meta.trainDigits });
}

/**
 * The short name of a model with its measured test accuracy. `which` says whether it is the shipped
 * model, the user's kept model, or the latest training run (not yet chosen).
 */
export function modelLabel(which: 'pretrained' | 'mine' | 'run', meta: ModelMeta | null): string {
  const base = baseLabel(which, meta);
  // A designed network says what it is: its layers as link text (LeNet-5 keeps its short name).
  const arch = which !== 'pretrained' ? meta?.arch : undefined;
  return arch && arch !== PRESET_ARCH.lenet ? t('models.label.withArch', { label: base, arch }) : base;
}

function baseLabel(which: 'pretrained' | 'mine' | 'run', meta: ModelMeta | null): string {
  const acc = meta?.testAccuracy;
  const accText = acc !== undefined ? formatAccuracy(acc) : '';
  if (which === 'pretrained' || !meta) {
    return acc !== undefined
      ? t('models.label.pretrained', { acc: accText })
      : t('models.label.pretrainedNoAcc');
  }
  if (meta.source === 'imported') {
    const name = meta.name ?? '?';
    return acc !== undefined
      ? t('models.label.imported', { name, acc: accText })
      : t('models.label.importedNoAcc', { name });
  }
  if (which === 'run') return t('models.label.run', { acc: accText || '?', training: training(meta) });
  return acc !== undefined
    ? t('models.label.mine', { acc: accText, training: training(meta) })
    : t('models.label.mineNoAcc', { training: training(meta) });
}

/**
 * Is the latest run a model the user has not kept yet? Runs and kept models are told apart by when
 * they were saved: keeping a run copies it with its metadata, `savedAt` included.
 */
export function runIsNew(run: ModelMeta | null, mine: ModelMeta | null): boolean {
  return !!run && (!mine || run.savedAt !== mine.savedAt);
}
