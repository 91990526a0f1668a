import { describe, expect, it } from 'vitest';
import {
  CONV_DEFAULTS,
  encodeConvParams,
  parseConvParams,
  parseNumber,
  resolveKernel,
  type ConvSettings,
} from '../../../src/state/convParams';

const parse = (q: string, prev?: ConvSettings) => parseConvParams(new URLSearchParams(q), prev);

describe('convolution URL codec', () => {
  it('reads the contract URL', () => {
    const { settings, errors } = parse(
      'image=mnist-test:0&kernel=1,0,-1,1,0,-1,1,0,-1&stride=1&padding=0&dilation=1&bias=0&activation=relu&step=5',
    );
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({
      image: { kind: 'mnist', index: 0 },
      kernel: [1, 0, -1, 1, 0, -1, 1, 0, -1],
      stride: 1,
      padding: 0,
      dilation: 1,
      bias: 0,
      activation: 'relu',
      step: 5,
    });
  });

  it('round-trips every kind of setting, pooling keys included', () => {
    const s: ConvSettings = {
      ...CONV_DEFAULTS,
      image: { kind: 'custom', w: 2, h: 2, c: 1, values: Float32Array.from([0.5, -1, 2, 0]) },
      kernel: [0.25, -1.5, 3, 1e-3],
      stride: 3,
      padding: 'same',
      dilation: 2,
      bias: -0.125,
      activation: 'sigmoid',
      step: 12,
      filters: 16,
      speed: 16,
      pool: 'avg',
      size: 3,
      poolStride: 1,
    };
    const back = parse(encodeConvParams(s, 'pooling').toString());
    expect(back.errors).toEqual([]);
    expect(back.settings).toEqual(s);
    for (const image of [
      { kind: 'mnist', index: 9999 },
      { kind: 'mnist', index: 'random' },
      { kind: 'drawn' },
      { kind: 'pattern', name: 'checker', size: 7 },
    ] as const) {
      expect(parse(encodeConvParams({ ...s, image }, 'convolution').toString()).settings.image).toEqual(
        image,
      );
    }
  });

  it('accepts input=drawn and custom:<w>x<h>x<c>', () => {
    expect(parse('input=drawn').settings.image).toEqual({ kind: 'drawn' });
    const img = parse('image=custom:1x2x2:1,2,3,4').settings.image;
    expect(img).toMatchObject({ kind: 'custom', w: 1, h: 2, c: 2 });
  });

  it.each([
    ['stride=0', /stride must be from 1 to 4/],
    ['stride=9', /stride/],
    ['stride=two', /whole number/],
    ['padding=4', /padding/],
    ['padding=valid', /padding/],
    ['dilation=1.5', /dilation/],
    ['bias=abc', /bias/],
    ['activation=softmax', /activation/],
    ['kernel=1,x,3,4', /kernel number 2 is "x"/],
    ['kernel=1,,3,4', /kernel number 2/],
    ['image=mnist-test:10000', /test digit/],
    ['image=mnist-test:-1', /test digit/],
    ['image=cat.png', /not an image/],
    ['image=custom:2x2:1,2,3', /needs 4/],
    ['image=pattern:zigzag', /no pattern/],
    ['step=-3', /step/],
    ['filters=17', /filters/],
    ['pool=min', /pool/],
    ['size=5', /pool size/],
    ['poolStride=0', /poolStride/],
  ])('rejects %s with a message and keeps the previous value', (q, message) => {
    const prev: ConvSettings = {
      ...CONV_DEFAULTS,
      stride: 2,
      padding: 1,
      kernel: [5],
      image: { kind: 'drawn' },
    };
    const { settings, errors } = parse(q, prev);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    const key = q.split('=')[0] as keyof ConvSettings;
    expect(settings[key === ('image' as keyof ConvSettings) ? 'image' : key]).toEqual(prev[key]);
  });

  it('parses typed kernel cells: true minus sign, decimals; refuses words', () => {
    expect(parseNumber('−1.5')).toBe(-1.5);
    expect(parseNumber(' .25 ')).toBe(0.25);
    expect(parseNumber('1e-2')).toBe(0.01);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });

  it('resolves the kernel size from its length and the input channels', () => {
    expect(resolveKernel(new Array<number>(9).fill(0), 1)).toEqual({ size: 3, perChannel: false });
    expect(resolveKernel(new Array<number>(27).fill(0), 3)).toEqual({ size: 3, perChannel: true });
    expect(resolveKernel(new Array<number>(49).fill(0), 3)).toEqual({ size: 7, perChannel: false });
    expect(resolveKernel(new Array<number>(27).fill(0), 1)).toMatch(/27 numbers/);
    expect(resolveKernel(new Array<number>(64).fill(0), 1)).toMatch(/size 1–7/);
  });
});
