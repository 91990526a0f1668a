import { describe, expect, it } from 'vitest';
import {
  CONV_DEFAULTS,
  defaultBank,
  encodeConvParams,
  float32Text,
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
      filters: defaultBank(16),
      speed: 16,
      pool: 'avg',
      size: 3,
      poolStride: 1,
      channel: 2,
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

  it('writes custom values back as typed (0.11, not float32 noise 0.10999999940395355)', () => {
    const q = 'image=custom:2x2:0.11,-0.3,1e-7,255';
    const once = encodeConvParams(parse(q).settings, 'convolution').get('image');
    expect(once).toBe('custom:2x2:0.11,-0.3,1e-7,255');
    // And it is a fixed point: reading and writing again changes nothing.
    expect(encodeConvParams(parse(`image=${once}`).settings, 'convolution').get('image')).toBe(once);
    for (const v of [0.1, 1 / 3, -2.5e-5, 123.456, 0])
      expect(Math.fround(Number(float32Text(Math.fround(v))))).toBe(Math.fround(v));
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
    ['filters=kernel,kernel', /more than once/],
    ['filters=kernel,blurry', /filter 2 in filters is "blurry"/],
    ['filters=kernel,1_2', /filter 2/],
    ['filters=' + new Array(17).fill('identity').join(','), /holds 1 to 16/],
    ['pool=min', /pool/],
    ['size=5', /pool size/],
    ['poolStride=0', /poolStride/],
    ['channel=16', /channel/],
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

  it('reads filters=<count> as your kernel then the classic presets, and writes it back as a count', () => {
    const { settings, errors } = parse('filters=4');
    expect(errors).toEqual([]);
    expect(settings.filters).toEqual(['kernel', 'horizontal', 'vertical', 'diagonal']);
    expect(encodeConvParams(settings, 'convolution').get('filters')).toBe('4');
    expect(parse('filters=16').settings.filters.slice(12)).toEqual(['random', 'random', 'random', 'random']);
    expect(encodeConvParams(CONV_DEFAULTS, 'convolution').has('filters')).toBe(false);
  });

  it('round-trips a bank given slot by slot: presets, numbers (k×k and k×k×3) and the edited kernel', () => {
    const q = 'filters=sobel-x,kernel,1_0_-1_2_0_-2_1_0_-1,random,' + new Array(12).fill(0.5).join('_');
    const { settings, errors } = parse(q);
    expect(errors).toEqual([]);
    expect(settings.filters).toEqual([
      'sobel-x',
      'kernel',
      [1, 0, -1, 2, 0, -2, 1, 0, -1],
      'random',
      new Array(12).fill(0.5),
    ]);
    const back = encodeConvParams(settings, 'convolution');
    expect(back.get('filters')).toBe(q.slice('filters='.length));
    expect(parse(back.toString()).settings.filters).toEqual(settings.filters);
  });

  it('puts your kernel first when the list does not name it (filters=sobel-x,gaussian → 3 filters)', () => {
    expect(parse('filters=sobel-x,gaussian').settings.filters).toEqual(['kernel', 'sobel-x', 'gaussian']);
  });
});
