import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, parseArch, type MnistSet } from '../../../src/engine';
import { checkTrainConfig, TRAIN_DEFAULTS, type TrainConfig } from '../../../src/engine/train/config';
import { evaluateModel } from '../../../src/engine/train/evaluate';
import { Trainer, type TrainEvent } from '../../../src/engine/train/trainer';
import { loadMnistNodeAll } from '../../../scripts/lib/mnistNode';
import { expectNoLeaks } from '../../support/noLeaks';

let data: { train: MnistSet; test: MnistSet };
beforeAll(async () => {
  await initBackend('wasm');
  expect(tf.getBackend()).toBe('wasm');
  data = await loadMnistNodeAll();
});

const designed = (arch: string): TrainConfig => ({
  ...TRAIN_DEFAULTS,
  layers: parseArch(arch),
  trainSize: 1000,
  epochs: 2,
  batchSize: 50,
  lr: 0.003,
  schedule: 'constant',
});

describe('Trainer trains any designed network on real MNIST (wasm)', () => {
  const stacks = [
    'conv8k3-conv8k3-maxpool2-conv16k3-conv16k3-maxpool2-dense64',
    'conv8k3s2-batchnorm-dropout20-avgpool2-dense32-batchnorm',
    'dense128-dense64',
    'none',
  ];
  for (const arch of stacks) {
    it(`${arch}: loss halves in 2 epochs of 1,000 digits; snapshots name every layer; no leaks`, async () => {
      await expectNoLeaks(async () => {
        const cfg = designed(arch);
        expect(checkTrainConfig(cfg)).toEqual({});
        const events: TrainEvent[] = [];
        const trainer = new Trainer(cfg, data, {
          onEvent: (e) => events.push(e),
          snapshotEveryMs: 1,
          evaluateTest: false,
          reportEveryMs: 0,
        });
        await trainer.run();
        const losses = events.flatMap((e) => (e.type === 'progress' ? Array.from(e.stepLoss) : []));
        expect(losses.length).toBe(40);
        const first = losses.slice(0, 5).reduce((a, b) => a + b) / 5;
        const last = losses.slice(-5).reduce((a, b) => a + b) / 5;
        expect(last).toBeLessThan(first * 0.5);
        const snap = events.find((e) => e.type === 'snapshot');
        if (snap?.type !== 'snapshot') throw new Error('no snapshot');
        const names = trainer.model.layers.map((l) => l.name).filter((n) => n !== 'flatten');
        expect(snap.layers.map((l) => l.name)).toEqual(['input', ...names]);
        expect(snap.layers[snap.layers.length - 1]?.shape).toEqual([10]);
        expect(snap.filters.shape.length).toBe(arch.startsWith('conv') ? 4 : 0);
        const idx = Int32Array.from({ length: 500 }, (_, i) => i);
        const ev = await evaluateModel(trainer.model, data.test, { indices: idx });
        expect(ev.accuracy).toBeGreaterThan(0.5);
        trainer.dispose();
      });
    });
  }

  it('batchnorm keeps running statistics while training (they are saved with the weights)', async () => {
    const trainer = new Trainer(designed('conv4k3-batchnorm-dense16'), data, {
      onEvent: () => {},
      snapshotEveryMs: 0,
      evaluateTest: false,
    });
    const bn = trainer.model.getLayer('bn1');
    const before = await Promise.all(bn.getWeights().map((w) => w.data()));
    await trainer.run();
    const after = await Promise.all(bn.getWeights().map((w) => w.data()));
    expect(bn.weights.map((w) => w.originalName.split('/').pop()?.replace(/_\d+$/, ''))).toEqual([
      'gamma',
      'beta',
      'moving_mean',
      'moving_variance',
    ]);
    // γ and β are learned; the moving mean and variance follow the batches.
    for (let i = 0; i < 4; i++) expect(after[i]).not.toEqual(before[i]);
    trainer.dispose();
  });

  it('a stack that cannot work is refused by checkTrainConfig with the layer and the numbers', () => {
    const p = checkTrainConfig(designed('maxpool4-maxpool4-conv8k5v'));
    expect(p.layers).toMatch(/conv1.*5×5.*1×1/);
  });
});
