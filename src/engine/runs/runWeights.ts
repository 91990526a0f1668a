/**
 * A run's weights in and out of a model: `captureRunWeights` copies a trained model's layers and weights
 * (TF.js layers format) as plain values to keep with the run; `keepRunAsMyModel` writes a kept run to
 * the "your model" slot Draw and the lessons read, after the same checks a model file gets on import.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { t } from '../../i18n';
import { checkAppArtifacts, ModelStorageError, MY_MODEL_SLOT, type ModelMeta } from '../model/modelIO';
import type { RunRecord, RunWeights } from './runRecord';

/**
 * The model's topology and weights as plain values (a copy: the model can be disposed afterwards).
 * Reads the weights back from the backend; makes no lasting tensors, so nothing to dispose.
 */
export async function captureRunWeights(model: tfl.LayersModel): Promise<RunWeights> {
  let out: RunWeights | null = null;
  await model.save(
    tf.io.withSaveHandler((a) => {
      out = {
        modelTopology: a.modelTopology as object,
        weightSpecs: a.weightSpecs ?? [],
        weightData: tf.io.CompositeArrayBuffer.join(a.weightData ?? new ArrayBuffer(0)),
      };
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
    }),
  );
  // tfjs always calls the handler; reaching this is a developer's error, so it stays English.
  if (!out) throw new Error('the model was not saved');
  return out;
}

/** What Draw's model label says about a run kept as "your model". */
export function runModelMeta(run: RunRecord): ModelMeta {
  return {
    source: 'trained',
    ...(run.testAccuracy === null ? {} : { testAccuracy: run.testAccuracy }),
    epochs: run.epochs.length,
    trainDigits: Math.floor(run.settings.trainSize * (1 - run.settings.valFraction)),
    savedAt: run.savedAt,
    arch: run.arch,
  };
}

/**
 * Writes a kept run to the "your model" IndexedDB slot (`MY_MODEL_SLOT`), checked first exactly like
 * an imported file (`checkAppArtifacts`: layer kinds, shapes against the weights, limits, no NaN), so
 * a damaged record never reaches Draw. Throws ModelImportError (with the reason) or ModelStorageError;
 * then the slot is unchanged. Returns the metadata stored. No tensors are made.
 */
export async function keepRunAsMyModel(run: RunRecord): Promise<ModelMeta> {
  const meta = runModelMeta(run);
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: run.weights.modelTopology,
    weightSpecs: run.weights.weightSpecs,
    weightData: run.weights.weightData,
    format: 'layers-model',
    userDefinedMetadata: { cnnStudio: meta },
  };
  checkAppArtifacts(artifacts);
  let handler: tf.io.IOHandler | undefined;
  try {
    handler = tf.io.getSaveHandlers(MY_MODEL_SLOT)[0];
  } catch {
    // No IndexedDB at all: handled below.
  }
  if (!handler?.save) throw new ModelStorageError(t('engine.model.noIndexedDb'));
  try {
    await handler.save(artifacts);
  } catch (err) {
    const full = /quota|space|full/i.test(err instanceof Error ? err.message : String(err));
    throw new ModelStorageError(full ? t('engine.model.storageFull') : t('engine.model.notSaved'));
  }
  return meta;
}
