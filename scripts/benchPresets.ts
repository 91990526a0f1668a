/**
 * Examples per second of each layer-editor preset, training on the wasm backend in node (the same
 * wasm kernels, the repo's training kernels included, as the app's worker), on real MNIST batches
 * through the real Trainer. Prints a Markdown table for docs/BENCHMARKS.md.
 * Run: npx tsx scripts/benchPresets.ts [trainSize=3840] [batch=128]
 */
import { execSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
// Not through src/engine/index.ts (see train-pretrained.ts: a tfjs-core directory import node cannot resolve).
import { initBackend } from '../src/engine/backend';
import { analyzeSpec } from '../src/engine/model/layerArithmetic';
import { mnistSpec } from '../src/engine/model/modelSpec';
import { PRESET_ARCH, PRESET_IDS, presetLayers } from '../src/engine/model/presets';
import { TRAIN_DEFAULTS } from '../src/engine/train/config';
import { Trainer } from '../src/engine/train/trainer';
import { loadMnistNodeAll } from './lib/mnistNode';

const trainSize = Number(process.argv[2] ?? 3840);
const batchSize = Number(process.argv[3] ?? 128);

await initBackend('wasm');
if (tf.getBackend() !== 'wasm') throw new Error(`wasm did not start (got ${tf.getBackend()})`);
const data = await loadMnistNodeAll();
const rows: string[] = [];
const perMac: Record<string, number> = {};
for (const id of PRESET_IDS) {
  const layers = presetLayers(id);
  const a = analyzeSpec(mnistSpec(layers));
  if (!a.ok) throw new Error(a.problem.message);
  // A warm-up epoch (kernels compiled, Adam slots made), then the timed one: the rate of the second.
  const steps = Math.ceil(trainSize / batchSize);
  let t0 = 0;
  let t1 = 0;
  const trainer = new Trainer({ ...TRAIN_DEFAULTS, layers, trainSize, batchSize, epochs: 2 }, data, {
    // One event per step: the clock starts when the first (warm-up) epoch's last step is read back.
    onEvent: (e) => {
      if (e.type === 'progress' && e.step === steps) t0 = performance.now();
      if (e.type === 'done') t1 = performance.now();
    },
    reportEveryMs: 0,
    snapshotEveryMs: 0,
    evaluateTest: false,
  });
  await trainer.run();
  trainer.dispose();
  if (t0 === 0 || t1 === 0) throw new Error(`${id}: the timed epoch was not seen`);
  const seconds = (t1 - t0) / 1000;
  const rate = trainSize / seconds;
  const macs = a.value.totals.macs;
  perMac[id] = rate * macs;
  rows.push(
    `| ${id} | \`${PRESET_ARCH[id]}\` | ${a.value.totals.params.toLocaleString('en-US')} | ${macs.toLocaleString('en-US')} | ${Math.round(rate).toLocaleString('en-US')} |`,
  );
}
const load = execSync('uptime').toString().trim();
console.log(
  `Measured ${new Date().toISOString()}, node ${process.version}, wasm backend, batch ${batchSize}, ${trainSize} digits per epoch (second epoch timed).`,
);
console.log(`Load: \`${load}\`\n`);
console.log('| preset | arch | parameters | multiply-adds / digit | examples/s (wasm) |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
for (const ref of ['lenet', 'lenet1998'] as const) {
  const pct = ((perMac.vgg ?? 0) / (perMac[ref] ?? 1)) * 100;
  console.log(`Small VGG-like vs ${ref}, in multiply-adds per second: ${pct.toFixed(0)}% (goal ≥ 40%).`);
}
