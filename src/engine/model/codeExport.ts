/**
 * The network as code a student can take outside: Keras (Python) and TensorFlow.js, building the same
 * layers with the same names as buildModel (so the exported weights fit). Pure: strings only.
 */
import { analyzeSpec } from './layerArithmetic';
import { flattenIndex, layerNames, type LayerSpec, type ModelSpec } from './modelSpec';

type Line = { keras: string; tfjs: string };

function lines(spec: ModelSpec): Line[] {
  const names = layerNames(spec.layers);
  const flatAt = flattenIndex(spec.layers);
  const out: Line[] = [];
  let isMap = true;
  const flatten = () => {
    out.push({ keras: 'layers.Flatten(name="flatten")', tfjs: "tf.layers.flatten({ name: 'flatten' })" });
    isMap = false;
  };
  spec.layers.forEach((l: LayerSpec, i) => {
    const name = names[i] ?? `layer${i + 1}`;
    if (i === flatAt && isMap) flatten();
    switch (l.kind) {
      case 'conv':
        out.push({
          keras: `layers.Conv2D(${l.filters}, ${l.kernel}, strides=${l.stride}, padding="${l.padding}", activation="${l.activation}", name="${name}")`,
          tfjs: `tf.layers.conv2d({ filters: ${l.filters}, kernelSize: ${l.kernel}, strides: ${l.stride}, padding: '${l.padding}', activation: '${l.activation}', name: '${name}' })`,
        });
        break;
      case 'maxpool':
      case 'avgpool': {
        const k = l.kind === 'maxpool' ? 'MaxPooling2D' : 'AveragePooling2D';
        const j = l.kind === 'maxpool' ? 'maxPooling2d' : 'averagePooling2d';
        out.push({
          keras: `layers.${k}(pool_size=${l.size}, strides=${l.stride}, name="${name}")`,
          tfjs: `tf.layers.${j}({ poolSize: ${l.size}, strides: ${l.stride}, name: '${name}' })`,
        });
        break;
      }
      case 'batchnorm':
        out.push({
          keras: `layers.BatchNormalization(name="${name}")`,
          tfjs: `tf.layers.batchNormalization({ name: '${name}' })`,
        });
        break;
      case 'dropout':
        out.push({
          keras: `layers.Dropout(${l.rate}, name="${name}")`,
          tfjs: `tf.layers.dropout({ rate: ${l.rate}, name: '${name}' })`,
        });
        break;
      case 'dense':
        out.push({
          keras: `layers.Dense(${l.units}, activation="${l.activation}", name="${name}")`,
          tfjs: `tf.layers.dense({ units: ${l.units}, activation: '${l.activation}', name: '${name}' })`,
        });
        break;
    }
  });
  if (isMap) flatten();
  out.push({
    keras: `layers.Dense(${spec.classes}, activation="softmax", name="output")`,
    tfjs: `tf.layers.dense({ units: ${spec.classes}, activation: 'softmax', name: 'output' })`,
  });
  return out;
}

function paramsNote(spec: ModelSpec): string {
  const a = analyzeSpec(spec);
  return a.ok ? a.value.totals.params.toLocaleString('en-US') : '?';
}

/** Keras (Python) code that builds `spec`; `model.summary()` then prints the same parameter count. */
export function kerasCode(spec: ModelSpec): string {
  const [h, w, c] = spec.inputShape;
  return [
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
    'model = keras.Sequential([',
    `    keras.Input(shape=(${h}, ${w}, ${c})),`,
    ...lines(spec).map((l) => `    ${l.keras},`),
    '])',
    `model.summary()  # Total params: ${paramsNote(spec)}`,
    'model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])',
    '',
  ].join('\n');
}

/**
 * TensorFlow.js code that builds `spec`. It runs as the body of a function of `tf` (the tests run it
 * against tfjs-layers) and returns the model.
 */
export function tfjsCode(spec: ModelSpec): string {
  const [first, ...rest] = lines(spec).map((l) => l.tfjs);
  const withInput = (first ?? '').replace('({ ', `({ inputShape: [${spec.inputShape.join(', ')}], `);
  return [
    "// import * as tf from '@tensorflow/tfjs';",
    'const model = tf.sequential();',
    ...[withInput, ...rest].map((l) => `model.add(${l});`),
    `model.summary(); // Total params: ${paramsNote(spec)}`,
    "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });",
    "// Trained weights from CNN Studio: const trained = await tf.loadLayersModel('model.json');",
    'return model;',
    '',
  ].join('\n');
}
