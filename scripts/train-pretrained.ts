/**
 * Trains the pretrained LeNet-5 that ships in public/models/lenet5/ with the same engine code the Train
 * tab runs (Trainer, wasm backend), then writes model.json + weights.bin + metadata.json.
 *
 *   npm run train:pretrained                      # defaults (TRAIN_DEFAULTS), writes public/models/lenet5
 *   npx tsx scripts/train-pretrained.ts --epochs 2 --lr 0.005 --batch 128 --schedule onecycle --dry
 *
 * `--dry` only measures (no files). Exits non-zero when the test accuracy is below --min (default 0.99).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
// Not through src/engine/index.ts: that also loads the softmax lesson trainer, whose tfjs-core gradient
// import is an ES-module path node cannot resolve (ERR_UNSUPPORTED_DIR_IMPORT); Vite and Vitest can.
import { initBackend, parseBackendName } from '../src/engine/backend';
import { exportModel, type ModelMeta } from '../src/engine/model/modelIO';
import {
  TRAIN_DEFAULTS,
  type OptimizerName,
  type ScheduleName,
  type TrainConfig,
} from '../src/engine/train/config';
import { Trainer } from '../src/engine/train/trainer';
import { loadMnistNodeAll } from './lib/mnistNode';

const { values: a } = parseArgs({
  options: {
    epochs: { type: 'string' },
    lr: { type: 'string' },
    batch: { type: 'string' },
    schedule: { type: 'string' },
    optimizer: { type: 'string' },
    seed: { type: 'string' },
    train: { type: 'string' },
    augment: { type: 'boolean' },
    backend: { type: 'string' },
    min: { type: 'string' },
    out: { type: 'string' },
    dry: { type: 'boolean' },
  },
});

const cfg: TrainConfig = {
  ...TRAIN_DEFAULTS,
  epochs: a.epochs ? Number(a.epochs) : TRAIN_DEFAULTS.epochs,
  lr: a.lr ? Number(a.lr) : TRAIN_DEFAULTS.lr,
  batchSize: a.batch ? Number(a.batch) : TRAIN_DEFAULTS.batchSize,
  schedule: (a.schedule as ScheduleName | undefined) ?? TRAIN_DEFAULTS.schedule,
  optimizer: (a.optimizer as OptimizerName | undefined) ?? TRAIN_DEFAULTS.optimizer,
  seed: a.seed ? Number(a.seed) : TRAIN_DEFAULTS.seed,
  trainSize: a.train ? Number(a.train) : TRAIN_DEFAULTS.trainSize,
  augment: a.augment ?? TRAIN_DEFAULTS.augment,
};
const minAccuracy = a.min ? Number(a.min) : 0.99;
const outDir = resolve(import.meta.dirname, '..', a.out ?? 'public/models/lenet5');

const info = await initBackend(parseBackendName(a.backend) ?? 'wasm');
console.log(`backend: ${info.name} (simd ${info.simd})`);
const data = await loadMnistNodeAll();
let lastTest = 0;
let lastLine = 0;
const start = performance.now();
const trainer = new Trainer(cfg, data, {
  snapshotEveryMs: 0,
  reportEveryMs: 500,
  onEvent: (e) => {
    if (e.type === 'progress' && performance.now() - lastLine > 5000) {
      lastLine = performance.now();
      console.log(
        `epoch ${e.epoch + 1} batch ${e.batch}/${e.batchesPerEpoch} loss ${e.loss.toFixed(4)} acc ${(e.accuracy * 100).toFixed(1)}% ` +
          `${Math.round(e.examplesPerSec)} ex/s lr ${e.lr.toExponential(2)}`,
      );
    }
    if (e.type === 'epoch') {
      lastTest = e.testAccuracy;
      const wall = (performance.now() - start) / 1000;
      console.log(
        `== epoch ${e.epoch + 1}: test ${(e.testAccuracy * 100).toFixed(2)}% (loss ${e.testLoss.toFixed(4)}), ` +
          `train ${(e.trainAccuracy * 100).toFixed(2)}%, eval ${Math.round(e.evalMs)} ms, wall ${wall.toFixed(1)} s`,
      );
    }
    if (e.type === 'diverged') console.log(e.message);
    if (e.type === 'done')
      console.log(`done (${e.reason}) after ${(e.elapsedMs / 1000).toFixed(1)} s of training`);
  },
});
await trainer.run();
const wallSeconds = (performance.now() - start) / 1000;

if (!a.dry) {
  const meta: ModelMeta = {
    source: 'pretrained',
    testAccuracy: lastTest,
    epochs: cfg.epochs,
    savedAt: new Date().toISOString(),
    name: 'LeNet-5 (CNN Studio pretrained)',
    config: cfg.arch,
  };
  const { modelJson, weights } = await exportModel(trainer.model, meta);
  await mkdir(outDir, { recursive: true });
  await writeFile(resolve(outDir, 'model.json'), modelJson);
  await writeFile(resolve(outDir, 'weights.bin'), new Uint8Array(weights));
  const { arch: _arch, ...recipe } = cfg;
  await writeFile(
    resolve(outDir, 'metadata.json'),
    JSON.stringify(
      {
        testAccuracy: lastTest,
        testDigits: data.test.count,
        recipe,
        architecture: cfg.arch,
        backend: info.name,
        wallSeconds: Math.round(wallSeconds),
        trainedAt: meta.savedAt,
        command: 'npm run train:pretrained',
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote ${outDir}/model.json, weights.bin, metadata.json`);
}
trainer.dispose();
console.log(`test accuracy ${(lastTest * 100).toFixed(2)}% in ${wallSeconds.toFixed(1)} s`);
if (lastTest < minAccuracy) {
  console.error(`below the required ${(minAccuracy * 100).toFixed(1)}%`);
  process.exit(1);
}
