import { describe, expect, it } from 'vitest';
import { defaultEpochs, EPOCHS_RANGE, TARGET_STEPS } from '../../../src/engine/train/defaultEpochs';
import { TRAIN_DEFAULTS } from '../../../src/engine/train/config';
import { parseTrainParams } from '../../../src/state/trainParams';

describe('defaultEpochs: passes chosen from the dataset size', () => {
  it("keeps MNIST's and Fashion-MNIST's 2 epochs (60,000 pictures, batches of 64)", () => {
    expect(defaultEpochs(60_000, 64)).toBe(2);
    expect(TRAIN_DEFAULTS.epochs).toBe(2);
  });

  it('gives a few-hundred-picture set enough passes for a few hundred steps', () => {
    // 240 pictures in batches of 64: 4 steps a pass; 75 passes would be needed, 50 is the most allowed.
    expect(defaultEpochs(240, 64)).toBe(50);
    // 800 pictures: 13 steps a pass, 24 passes (312 steps).
    expect(defaultEpochs(800, 64)).toBe(24);
    // The 5,000-picture benchmark set (4,000 to learn from): 63 steps a pass, 5 passes.
    expect(defaultEpochs(4000, 64)).toBe(5);
    expect(defaultEpochs(4000, 16)).toBe(2);
  });

  it('never goes below 2 or above 50, never grows with the size, and reaches the target when it can', () => {
    let last = Infinity;
    for (let n = 1; n <= 70_000; n = Math.ceil(n * 1.3)) {
      const e = defaultEpochs(n, 64);
      expect(e).toBeGreaterThanOrEqual(EPOCHS_RANGE[0]);
      expect(e).toBeLessThanOrEqual(EPOCHS_RANGE[1]);
      expect(e).toBeLessThanOrEqual(last);
      if (e < EPOCHS_RANGE[1]) expect(e * Math.ceil(n / 64)).toBeGreaterThanOrEqual(TARGET_STEPS);
      last = e;
    }
    expect(defaultEpochs(0, 64)).toBe(2);
    expect(defaultEpochs(100, 0)).toBe(2);
  });
});

describe('parseTrainParams: the epochs default follows a stored dataset, a link value wins', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('no epochs in the link: the dataset size decides; built-in datasets (null) keep 2', () => {
    expect(parseTrainParams(q('dataset=shapes'), TRAIN_DEFAULTS, 240).cfg.epochs).toBe(50);
    expect(parseTrainParams(q('dataset=shapes&batch=16'), TRAIN_DEFAULTS, 240).cfg.epochs).toBe(20);
    // 20 % held for validation: 640 of 800 to learn from, 10 steps of 64 a pass, 30 passes.
    expect(parseTrainParams(q('dataset=shapes&val=20&batch=64'), TRAIN_DEFAULTS, 800).cfg.epochs).toBe(30);
    expect(parseTrainParams(q('dataset=mnist&train=1000'), TRAIN_DEFAULTS, null).cfg.epochs).toBe(2);
  });
  it('epochs in the link is kept as written', () => {
    expect(parseTrainParams(q('dataset=shapes&epochs=3'), TRAIN_DEFAULTS, 240).cfg.epochs).toBe(3);
  });
});
