/**
 * Reads a TF.js layers model (model.json topology) back into the shared model description, so any
 * network built of the editor's layer kinds can be saved, loaded and exported, not only LeNet.
 * Anything else is refused with the layer and the reason. Pure: no tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { t } from '../../i18n';
import { ModelImportError, RUN_MODEL_SLOT, type ModelMeta, type ModelSlot } from './modelIO';
import { checkModelMeta } from './modelMeta';
import { LAYER_ACTIVATIONS, type LayerActivation, type LayerSpec, type ModelSpec } from './modelSpec';

type LayerJson = { class_name?: string; className?: string; config?: Record<string, unknown> };

function layerList(topology: unknown): LayerJson[] {
  const top = topology as { config?: unknown; model_config?: { config?: unknown } } | null;
  const cfg = (top?.model_config?.config ?? top?.config) as { layers?: unknown } | unknown[] | undefined;
  const layers = Array.isArray(cfg) ? cfg : cfg?.layers;
  return Array.isArray(layers) ? (layers as LayerJson[]) : [];
}

/** A square size from Keras's `[k, k]` or `k`; null when not square or not a whole number. */
function square(v: unknown): number | null {
  const [a, b]: unknown[] = Array.isArray(v) ? (v as unknown[]) : [v, v];
  return Number.isInteger(a) && a === b && (a as number) > 0 ? (a as number) : null;
}

/**
 * The model description of a Sequential TF.js layers model made of conv, max/average pooling,
 * batch normalisation, dropout, flatten and dense layers, ending in a softmax dense layer.
 * Throws ModelImportError naming the first layer that does not fit, and why.
 */
export function specFromTopology(topology: unknown): ModelSpec {
  const layers = layerList(topology);
  if (layers.length === 0) throw new ModelImportError(t('engine.model.noLayers'));
  const first = layers[0]?.config ?? {};
  const inShape = first.batch_input_shape ?? first.batchInputShape;
  const dims = Array.isArray(inShape) ? inShape.slice(1) : [];
  if (dims.length !== 3 || !dims.every((d) => Number.isInteger(d) && (d as number) > 0)) {
    throw new ModelImportError(t('arch.import.notImage', { shape: JSON.stringify(dims) }));
  }
  const out: LayerSpec[] = [];
  let classes = 0;
  layers.forEach((l, i) => {
    const cls = l.class_name ?? l.className ?? '?';
    const c = l.config ?? {};
    const name = typeof c.name === 'string' ? c.name : `#${i + 1}`;
    const refuse = (why: string): never => {
      throw new ModelImportError(t('arch.import.refused', { name, cls, why }));
    };
    const act = (): LayerActivation => {
      const a = c.activation ?? 'linear';
      if (!(LAYER_ACTIVATIONS as readonly unknown[]).includes(a))
        refuse(t('arch.import.activation', { a: JSON.stringify(a) }));
      return a as LayerActivation;
    };
    const isLast = i === layers.length - 1;
    switch (cls) {
      case 'InputLayer':
      case 'Flatten':
        return;
      case 'Conv2D': {
        const kernel = square(c.kernel_size);
        const stride = square(c.strides ?? 1);
        if (kernel === null || stride === null) refuse(t('arch.import.notSquare'));
        if (square(c.dilation_rate ?? 1) !== 1) refuse(t('arch.import.dilation'));
        if (c.use_bias === false) refuse(t('arch.import.noBias'));
        const padding =
          c.padding === 'valid' || c.padding === 'same' ? c.padding : refuse(t('arch.import.padding'));
        out.push({
          kind: 'conv',
          filters: Number(c.filters),
          kernel: kernel ?? 1,
          stride: stride ?? 1,
          padding,
          activation: act(),
        });
        return;
      }
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        const size = square(c.pool_size);
        const stride = square(c.strides ?? c.pool_size);
        if (size === null || stride === null) refuse(t('arch.import.notSquare'));
        if ((c.padding ?? 'valid') !== 'valid') refuse(t('arch.import.padding'));
        out.push({
          kind: cls === 'MaxPooling2D' ? 'maxpool' : 'avgpool',
          size: size ?? 2,
          stride: stride ?? 2,
        });
        return;
      }
      case 'BatchNormalization':
        out.push({ kind: 'batchnorm' });
        return;
      case 'Dropout':
        out.push({ kind: 'dropout', rate: Number(c.rate) });
        return;
      case 'Dense':
        if (isLast) {
          if (c.activation !== 'softmax') refuse(t('arch.import.lastSoftmax'));
          classes = Number(c.units);
          return;
        }
        out.push({ kind: 'dense', units: Number(c.units), activation: act() });
        return;
      default:
        refuse(t('arch.import.kind'));
    }
  });
  if (classes < 2) throw new ModelImportError(t('arch.import.lastSoftmax'));
  return { inputShape: dims as [number, number, number], classes, layers: out };
}

/**
 * The model saved in `slot` of this browser (default: the latest training run), whatever its layers
 * (LeNet or designed), or null when there is none or it cannot be read. Caller disposes `model`.
 */
export async function loadSavedAnyModel(slot: ModelSlot = RUN_MODEL_SLOT): Promise<{
  model: tfl.LayersModel;
  meta: ModelMeta;
  spec: ModelSpec;
} | null> {
  try {
    // getLoadHandlers throws when the page has no IndexedDB at all.
    const handler = tf.io.getLoadHandlers(slot)[0];
    if (!handler?.load) return null;
    const artifacts = await handler.load();
    const spec = specFromTopology(artifacts.modelTopology);
    const model = await tfl.loadLayersModel(tf.io.fromMemory(artifacts));
    const u = model.getUserDefinedMetadata() as { cnnStudio?: unknown } | undefined;
    return { model, meta: { source: 'trained', ...checkModelMeta(u?.cnnStudio) }, spec };
  } catch {
    return null;
  }
}
