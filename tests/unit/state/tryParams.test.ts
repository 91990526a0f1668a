import { describe, expect, it } from 'vitest';
import { readTryParams, tryLink } from '../../../src/state/tryParams';
import { checkModelDataset } from '../../../src/engine/model/modelMeta';
import { modelLabel } from '../../../src/state/modelWords';

const read = (q: string, stored: { id: string }[] | null = [{ id: 'shapes' }], count: number | null = 60) =>
  readTryParams(new URLSearchParams(q), { dataset: 'fashion-mnist', pick: 4 }, stored, count);

describe('Try it links (#/draw?dataset=…&pick=…)', () => {
  it('reads a built-in or stored dataset and a test picture', () => {
    expect(read('dataset=fashion-mnist&pick=0')).toEqual({ dataset: 'fashion-mnist', pick: 0, errors: [] });
    expect(read('dataset=shapes&pick=59')).toEqual({ dataset: 'shapes', pick: 59, errors: [] });
    expect(read('dataset=shapes')).toEqual({ dataset: 'shapes', pick: null, errors: [] });
    // A stored name waits for the list; a built-in one does not.
    expect(read('dataset=shapes', null).dataset).toBeNull();
    expect(read('dataset=fashion-mnist', null).dataset).toBe('fashion-mnist');
  });

  it('refuses a bad value strictly, names it, and keeps the previous one', () => {
    for (const raw of ['60', '-1', '1.5', '0x1', ' 3', '', '1e1']) {
      const r = read(`dataset=shapes&pick=${encodeURIComponent(raw)}`);
      expect(r.pick, raw).toBe(4);
      expect(r.errors, raw).toHaveLength(1);
      expect(r.errors[0], raw).toMatch(/^Link problem: pick=.* Kept the previous value, 4\.$/);
    }
    const bad = read('dataset=Shapes&pick=2');
    expect(bad.dataset).toBe('fashion-mnist');
    expect(bad.pick).toBe(2);
    expect(bad.errors[0]).toMatch(/dataset="Shapes" is not one of mnist, fashion-mnist, shapes\./);
    // Before the test split's size is known only the form is checked; the range once it is.
    expect(read('dataset=shapes&pick=500', [{ id: 'shapes' }], null).pick).toBe(500);
    expect(read('dataset=shapes&pick=500').pick).toBe(4);
  });

  it('writes links that read back', () => {
    expect(tryLink('my shapes', 7)).toBe('#/draw?dataset=my+shapes&pick=7');
    const back = new URLSearchParams(tryLink('my shapes', 7).split('?')[1]);
    expect(readTryParams(back, { dataset: 'mnist', pick: null }, [{ id: 'my shapes' }], 10)).toEqual({
      dataset: 'my shapes',
      pick: 7,
      errors: [],
    });
  });
});

describe('a model’s dataset in its metadata', () => {
  it('keeps a sensible dataset and drops anything else (the model then counts as MNIST)', () => {
    const ok = { id: 'shapes', classNames: ['circle', 'square', 'triangle'], inputShape: [32, 32, 3] };
    expect(checkModelDataset(ok)).toEqual(ok);
    for (const bad of [
      null,
      'shapes',
      { ...ok, id: '' },
      { ...ok, classNames: ['one'] },
      { ...ok, classNames: Array.from({ length: 11 }, (_, i) => `c${i}`) },
      { ...ok, classNames: ['a', 7] },
      { ...ok, classNames: ['a', 'x'.repeat(41)] },
      { ...ok, inputShape: [64, 64, 3] },
      { ...ok, inputShape: '28,28,1' },
    ]) {
      expect(checkModelDataset(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('a model of another dataset is said to have learnt from pictures, not digits', () => {
    const meta = { source: 'trained' as const, testAccuracy: 0.8, epochs: 1, trainDigits: 240 };
    expect(modelLabel('mine', meta)).toBe('your model, 80%, 1 epoch on 240 digits');
    expect(
      modelLabel('mine', {
        ...meta,
        dataset: { id: 'shapes', classNames: ['a', 'b'], inputShape: [28, 28, 1] },
      }),
    ).toBe('your model, 80%, 1 epoch on 240 pictures');
  });
});
