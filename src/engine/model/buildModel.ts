/**
 * Builds a tfjs-layers model from a ModelSpec, and the probe that shows every layer's output.
 * Layer names come from `layerNames` (conv1, pool1, …, flatten, output), so LeNet's stack builds the
 * same model, with the same seeded weights, as LeNet always had.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { flattenIndex, layerNames, type LayerSpec, type ModelSpec } from './modelSpec';

/**
 * An untrained model for `spec`. Weight initialisation is seeded (Glorot-uniform, seed·1000 + the
 * weighted layer's position), so the same seed gives the same starting weights. Dropout masks are
 * seeded too, with a new seed for every training pass (see `seededDropout`): the same seed gives the
 * same run, and each step still drops different values.
 * Returns a new model; the caller disposes it with `model.dispose()`.
 */
export function buildModel(spec: ModelSpec, seed = 1): tfl.Sequential {
  const names = layerNames(spec.layers);
  const flatAt = flattenIndex(spec.layers);
  let weighted = 0;
  const init = () => tfl.initializers.glorotUniform({ seed: seed * 1000 + ++weighted });
  const layers: tfl.layers.Layer[] = [];
  // The first layer carries the input shape (as Keras Sequential saves it: batch_input_shape).
  const first = () => (layers.length === 0 ? { inputShape: [...spec.inputShape] } : {});
  let isMap = true;
  const flatten = () => {
    layers.push(tfl.layers.flatten({ name: 'flatten', ...first() }));
    isMap = false;
  };
  spec.layers.forEach((l: LayerSpec, i) => {
    const name = names[i] ?? `layer${i + 1}`;
    if (i === flatAt && isMap) flatten();
    switch (l.kind) {
      case 'conv':
        layers.push(
          tfl.layers.conv2d({
            ...first(),
            filters: l.filters,
            kernelSize: l.kernel,
            strides: l.stride,
            padding: l.padding,
            activation: l.activation,
            kernelInitializer: init(),
            name,
          }),
        );
        break;
      case 'maxpool':
        layers.push(tfl.layers.maxPooling2d({ ...first(), poolSize: l.size, strides: l.stride, name }));
        break;
      case 'avgpool':
        layers.push(tfl.layers.averagePooling2d({ ...first(), poolSize: l.size, strides: l.stride, name }));
        break;
      case 'batchnorm':
        layers.push(tfl.layers.batchNormalization({ ...first(), name }));
        break;
      case 'dropout':
        layers.push(
          seededDropout(tfl.layers.dropout({ ...first(), rate: l.rate, name }), seed * 1000 + i + 1),
        );
        break;
      case 'dense':
        layers.push(
          tfl.layers.dense({
            ...first(),
            units: l.units,
            activation: l.activation,
            kernelInitializer: init(),
            name,
          }),
        );
        break;
    }
  });
  if (isMap) flatten();
  layers.push(
    tfl.layers.dense({
      units: spec.classes,
      activation: 'softmax',
      kernelInitializer: init(),
      name: 'output',
    }),
  );
  return tfl.sequential({ layers });
}

/**
 * Makes a tfjs Dropout layer draw its masks from a seeded sequence: training pass n uses seed
 * `base · 7919 + n`. tfjs's own `seed` option alone would give the same mask at every step (its
 * `randomUniform` restarts from the seed on each call), and no seed gives a different run each time.
 * The layer reads `this.seed` only inside `call` (and in `getConfig`, which keeps seeing `base`), so a
 * getter that answers the pass's seed while the pass runs is enough. Returns the same layer.
 */
function seededDropout(layer: tfl.layers.Layer, base: number): tfl.layers.Layer {
  let passes = 0;
  let current = base;
  Object.defineProperty(layer, 'seed', { get: () => current, configurable: true });
  const call = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => {
    if (kwargs['training'] === true) current = base * 7919 + ++passes;
    try {
      return call(inputs, kwargs);
    } finally {
      current = base;
    }
  };
  return layer;
}

/** The names of the layers a probe reports, in order: every layer but the flatten (only a reshape). */
export function probeLayerNames(model: tfl.LayersModel): string[] {
  return model.layers.map((l) => l.name).filter((n) => n !== 'flatten');
}

/**
 * One composite model that returns every layer's activation (but the flatten's) in a single pass,
 * in the order of `probeLayerNames`. Shares weights with `model`; dispose neither while the other is
 * in use. The probe owns no weights of its own, so dropping the reference is enough.
 */
export function buildProbe(model: tfl.LayersModel): tfl.LayersModel {
  const input = model.inputs[0];
  // A developer error (a caller broke the contract), not a message for users: it stays English.
  if (!input) throw new Error('model has no input');
  const outputs = probeLayerNames(model).map((name) => model.getLayer(name).output as tfl.SymbolicTensor);
  return tfl.model({ inputs: input, outputs });
}
