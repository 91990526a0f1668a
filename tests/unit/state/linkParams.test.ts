import { describe, expect, it } from 'vitest';
import { TRAIN_DEFAULTS } from '../../../src/engine/train/config';
import { DRAW_DEFAULTS, readDrawParams } from '../../../src/state/drawParams';
import { readNumber } from '../../../src/state/linkValues';
import { parseTrainParams } from '../../../src/state/trainParams';

const q = (s: string) => new URLSearchParams(s);

describe('strict link numbers', () => {
  it('only plain decimal text is a number: no hex, exponents, junk, blanks, NaN or Infinity', () => {
    for (const raw of ['0x20', '3e1', '32px', ' 32', '', 'NaN', 'Infinity', '1_000', '+4', '٣']) {
      expect(readNumber('k', raw, 0, 1e9, false).ok, raw).toBe(false);
    }
    expect(readNumber('k', '0.25', 0, 1, false)).toEqual({ ok: true, value: 0.25 });
    expect(readNumber('k', '-.5', -1, 1, false)).toEqual({ ok: true, value: -0.5 });
    const frac = readNumber('k', '2.5', 0, 9, true);
    expect(frac.ok).toBe(false);
    expect(frac.ok ? '' : frac.why).toMatch(/whole/);
  });
});

describe('#/train link values', () => {
  it('batch=0x20, lr=abc, epochs=-3: each named, the previous value kept', () => {
    const prev = { ...TRAIN_DEFAULTS, batchSize: 96, lr: 0.002, epochs: 3 };
    const { cfg, linkErrors } = parseTrainParams(q('batch=0x20&lr=abc&epochs=-3&seed=9'), prev);
    expect(cfg).toMatchObject({ batchSize: 96, lr: 0.002, epochs: 3, seed: 9 });
    expect(linkErrors).toHaveLength(3);
    expect(linkErrors[0]).toMatch(/epochs=-3 is outside 1 to 50.*Kept the previous value, 3\./);
    expect(linkErrors[1]).toMatch(/batch="0x20" is not a number.*Kept the previous value, 96\./);
    expect(linkErrors[2]).toMatch(/lr="abc".*Kept the previous value, 0\.002\./);
  });

  it('options and switches: opt=fast, aug=yes, backend=gpu are refused; a missing key takes its default', () => {
    const { cfg, linkErrors } = parseTrainParams(q('opt=fast&aug=yes&backend=gpu'), {
      ...TRAIN_DEFAULTS,
      optimizer: 'sgd',
      augment: true,
    });
    expect(cfg.optimizer).toBe('sgd');
    expect(cfg.augment).toBe(true);
    expect(cfg.backend).toBe(TRAIN_DEFAULTS.backend);
    expect(linkErrors.join(' ')).toMatch(/opt="fast" is not one of sgd, momentum, adam/);
    expect(linkErrors).toHaveLength(3);
    expect(parseTrainParams(q('')).cfg).toEqual(TRAIN_DEFAULTS);
  });

  it('a correct link has no errors and round-trips', () => {
    const r = parseTrainParams(q('epochs=2&batch=64&lr=0.01&f1=8&d2=50&val=10'));
    expect(r.linkErrors).toEqual([]);
    expect(r.cfg).toMatchObject({ epochs: 2, batchSize: 64, lr: 0.01, valFraction: 0.1 });
    expect(r.cfg.arch).toMatchObject({ filters1: 8, dense2: 50 });
  });

  it('clips a 50,000-character value in its message', () => {
    const { linkErrors } = parseTrainParams(q(`seed=${'7'.repeat(50_000)}x`));
    expect(linkErrors[0]!.length).toBeLessThan(200);
  });
});

describe('#/draw link values', () => {
  it('brush=0x10, filter=2.5, channel=-1: named, previous values kept', () => {
    const prev = { brush: 14, filter: 2, channel: 3 } as const;
    const { settings, errors } = readDrawParams(q('brush=0x10&filter=2.5&channel=-1'), 6, prev);
    expect(settings).toEqual(prev);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/brush="0x10".*Kept the previous value, 14\./);
    expect(errors[1]).toMatch(/filter="2.5" is not a whole number.*Kept the previous value, 3\./);
    expect(errors[2]).toMatch(/channel=-1 is outside 1 to 6.*Kept the previous value, 4\./);
  });

  it('good values are read with no errors; no keys give the defaults', () => {
    expect(readDrawParams(q('brush=30&filter=6&channel=auto'))).toEqual({
      settings: { brush: 30, filter: 5, channel: 'auto' },
      errors: [],
    });
    expect(readDrawParams(q(''))).toEqual({ settings: DRAW_DEFAULTS, errors: [] });
  });
});
