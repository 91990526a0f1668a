import { describe, expect, it } from 'vitest';
import type { ModelMeta } from '../../../src/engine/model/modelIO';
import {
  formatAccuracy,
  modelLabel,
  parseChoice,
  resolveModel,
  runIsNew,
} from '../../../src/state/modelWords';
import { tn } from '../../../src/i18n';

const pretrained: ModelMeta = { source: 'pretrained', testAccuracy: 0.9908, epochs: 6 };
const run: ModelMeta = {
  source: 'trained',
  testAccuracy: 0.348,
  epochs: 1,
  trainDigits: 1000,
  savedAt: '2026-11-29T18:00:00.000Z',
};

describe('which model is used', () => {
  it.each([
    [null, 'pretrained'],
    [undefined, 'pretrained'],
    ['', 'pretrained'],
    ['pretrained', 'pretrained'],
    ['mine', 'mine'],
    ['MINE', 'pretrained'],
    ['{"x":1}', 'pretrained'],
  ] as const)('stored choice %j reads as %s', (raw, want) => {
    expect(parseChoice(raw)).toBe(want);
  });

  it.each([
    // choice, your model exists, lesson needs the shipped one → used
    ['pretrained', false, false, 'pretrained'],
    ['pretrained', true, false, 'pretrained'],
    ['mine', false, false, 'pretrained'],
    ['mine', true, false, 'mine'],
    ['mine', true, true, 'pretrained'],
    ['pretrained', true, true, 'pretrained'],
  ] as const)('choice %s, have mine %s, needs pretrained %s → %s', (choice, have, needs, want) => {
    expect(resolveModel(choice, have ? run : null, needs)).toBe(want);
  });

  it('a run is on offer until it is kept (kept = same savedAt), and a newer run is offered again', () => {
    expect(runIsNew(null, null)).toBe(false);
    expect(runIsNew(run, null)).toBe(true);
    expect(runIsNew(run, { ...run })).toBe(false);
    expect(runIsNew({ ...run, savedAt: '2026-11-29T18:05:00.000Z' }, run)).toBe(true);
  });
});

describe('model words', () => {
  it.each([
    [0.9908, '99.08'],
    [0.348, '34.8'],
    [1, '100'],
    [0.1, '10'],
    [0.12345, '12.35'],
  ])('accuracy %f reads %s%%', (acc, want) => expect(formatAccuracy(acc)).toBe(want));

  it.each<[Parameters<typeof modelLabel>[0], ModelMeta | null, string]>([
    ['pretrained', pretrained, 'pretrained LeNet-5, 99.08%'],
    ['pretrained', null, 'pretrained LeNet-5'],
    ['mine', run, 'your model, 34.8%, 1 epoch on 1,000 digits'],
    [
      'mine',
      { ...run, epochs: 4, trainDigits: 60000, testAccuracy: 0.9912 },
      'your model, 99.12%, 4 epochs on 60,000 digits',
    ],
    ['mine', { source: 'trained', epochs: 2 }, 'your model, 2 epochs'],
    ['run', run, '34.8%, 1 epoch on 1,000 digits'],
    [
      'mine',
      { source: 'imported', name: 'model.json', testAccuracy: 0.97 },
      'your imported model (model.json), 97%',
    ],
    [
      'mine',
      { ...run, arch: 'conv8k3-maxpool2-dense32' },
      'your model, 34.8%, 1 epoch on 1,000 digits · layers conv8k3-maxpool2-dense32',
    ],
    ['run', { ...run, arch: 'dense128-dense64' }, '34.8%, 1 epoch on 1,000 digits · layers dense128-dense64'],
    // LeNet-5 keeps its short label.
    [
      'mine',
      { ...run, arch: 'conv6k5-maxpool2-conv16k5v-maxpool2-dense120-dense84' },
      'your model, 34.8%, 1 epoch on 1,000 digits',
    ],
  ])('%s %j → %s', (which, meta, want) => expect(modelLabel(which, meta)).toBe(want));
});

describe('counts in messages (tn)', () => {
  it.each([
    [0, '0 epochs'],
    [1, '1 epoch'],
    [2, '2 epochs'],
    [1000, '1,000 epochs'],
  ])('%d → %s', (n, want) => expect(tn('models.label.epochs', n)).toBe(want));
});
