import { describe, expect, it } from 'vitest';
import { parseHash } from '../../../src/state/hashRoute';
import { DRAW_DEFAULTS, drawParamsToSearch, parseDrawParams } from '../../../src/state/drawParams';
import {
  channelOf,
  conv1Link,
  conv2Link,
  convOnDrawnLink,
  convOnMapLink,
  customImage,
  formatWeight,
  poolLink,
  strongestChannel,
} from '../../../src/components/draw/explorerLinks';
import { buildMontage, mapAtCell, montageLayout, slotOrigin } from '../../../src/components/draw/montage';
import {
  fitRect,
  inkFromImageData,
  isBlank,
  visibleActions,
  type DrawAction,
} from '../../../src/components/draw/strokes';
import { percentile } from '../../../src/components/draw/latency';

describe('explorer links (the explorer URL contract)', () => {
  it('conv1 filter k=[5,5] → #/convolution?image=drawn&kernel=25 weights&bias&activation&padding=2&stride=1', () => {
    const kernel = Float32Array.from({ length: 25 }, (_, i) => (i - 12) / 7);
    const href = conv1Link(kernel, -0.0123456, 'relu');
    const { area, params } = parseHash(href);
    expect(area).toBe('convolution');
    expect(params.get('image')).toBe('drawn');
    const k = params.get('kernel')!.split(',').map(Number);
    expect(k).toHaveLength(25);
    k.forEach((v, i) => expect(v).toBeCloseTo(kernel[i]!, 3));
    expect(params.get('bias')).toBe('-0.01235');
    expect(params.get('activation')).toBe('relu');
    expect(params.get('padding')).toBe('2');
    expect(params.get('stride')).toBe('1');
  });

  it('conv2 slice → a custom 14×14 image of the pool1 map, no bias, no activation, padding 0', () => {
    const map = Float32Array.from({ length: 196 }, (_, i) => i / 100);
    const { params } = parseHash(conv2Link(new Float32Array(25).fill(0.5), map));
    const image = params.get('image')!;
    expect(image.startsWith('custom:14x14:')).toBe(true);
    expect(image.split(':')[2]!.split(',')).toHaveLength(196);
    expect(image.split(':')[2]!.split(',')[195]).toBe('1.95');
    expect(params.get('bias')).toBe('0');
    expect(params.get('activation')).toBe('none');
    expect(params.get('padding')).toBe('0');
  });

  it('pool map → #/pooling with the map that was pooled, window 2, stride 2', () => {
    const { area, params } = parseHash(poolLink(new Float32Array(784), 28, 28, 'max'));
    expect(area).toBe('pooling');
    expect(params.get('pool')).toBe('max');
    expect(params.get('size')).toBe('2');
    expect(params.get('poolStride')).toBe('2');
  });

  it('a designed conv layer keeps its own geometry: k=3 same s=1 → padding 1; k=4 same s=2 → TensorFlow "same"; valid → 0', () => {
    const k9 = new Float32Array(9).fill(0.25);
    const a = parseHash(convOnDrawnLink(k9, 0.5, 'tanh', { kernel: 3, stride: 1, padding: 'same' })).params;
    expect([a.get('padding'), a.get('stride'), a.get('activation'), a.get('bias')]).toEqual([
      '1',
      '1',
      'tanh',
      '0.5',
    ]);
    const b = parseHash(
      convOnMapLink(new Float32Array(16), new Float32Array(49), 7, 7, {
        kernel: 4,
        stride: 2,
        padding: 'same',
      }),
    ).params;
    expect([b.get('padding'), b.get('stride'), b.get('bias'), b.get('activation')]).toEqual([
      'same',
      '2',
      '0',
      'none',
    ]);
    expect(b.get('image')!.startsWith('custom:7x7:')).toBe(true);
    // One input map: the explorer computes the whole map, so the bias and activation come along.
    const c = parseHash(
      convOnMapLink(
        k9,
        new Float32Array(196),
        14,
        14,
        { kernel: 3, stride: 1, padding: 'valid' },
        { bias: -1, activation: 'relu' },
      ),
    ).params;
    expect([c.get('padding'), c.get('bias'), c.get('activation')]).toEqual(['0', '-1', 'relu']);
  });

  it('pool map of a designed net → its own window and stride (avgpool3s1)', () => {
    const { params } = parseHash(poolLink(new Float32Array(100), 10, 10, 'avg', 3, 1));
    expect([params.get('pool'), params.get('size'), params.get('poolStride')]).toEqual(['avg', '3', '1']);
  });

  it('formats weights compactly and without "-0"', () => {
    expect(formatWeight(-0)).toBe('0');
    expect(formatWeight(0.123456)).toBe('0.1235');
    expect(formatWeight(-1.5e-7)).toBe('-1.5e-7');
    expect(customImage([0.0004, -0.0004, 1], 3, 1)).toBe('custom:3x1:0,0,1');
  });

  it('strongestChannel picks the slice with the largest sum of |w|; channelOf splits [h,w,c]', () => {
    expect(
      strongestChannel([
        [0.1, -0.1],
        [0.5, -0.4],
        [0.3, 0.3],
      ]),
    ).toBe(1);
    const hwc = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]); // [2,2,2]
    expect(Array.from(channelOf(hwc, 2, 2, 2, 1))).toEqual([2, 4, 6, 8]);
  });
});

describe('montage (a whole layer in one canvas)', () => {
  it('16 maps of 10×10 in 8 columns, gap 2, band 3 → 94×26 cells; every map lands in its slot', () => {
    const L = montageLayout(10, 16, 8, 2, 3);
    expect([L.w, L.h]).toEqual([8 * 10 + 7 * 2, 2 * 13]);
    const maps = Array.from({ length: 16 }, (_, m) => new Float32Array(100).fill(m + 1));
    const v = buildMontage(maps, L);
    for (let m = 0; m < 16; m++) {
      const o = slotOrigin(m, L);
      expect(v[o.row * L.w + o.col]).toBe(m + 1);
      expect(v[(o.row + 9) * L.w + o.col + 9]).toBe(m + 1);
      expect(mapAtCell(o.row + 5, o.col + 5, L)).toBe(m);
    }
    expect(v[10]).toBe(0); // gutter after map 1
    expect(mapAtCell(0, 10, L)).toBeNull();
    expect(mapAtCell(11, 0, L)).toBeNull(); // number band under row 1
  });
});

describe('drawing actions (Undo, Clear, uploads)', () => {
  const s = (x: number): DrawAction => ({ kind: 'stroke', size: 10, points: [x, x] });
  it('Clear hides what came before, and undoing the Clear brings it back', () => {
    const actions: DrawAction[] = [s(1), s(2), { kind: 'clear' }];
    expect(isBlank(actions)).toBe(true);
    expect(visibleActions(actions.slice(0, -1))).toHaveLength(2);
    expect(visibleActions([...actions, s(3)])).toEqual([s(3)]);
  });
  it('fitRect keeps the aspect ratio and centres', () => {
    expect(fitRect(100, 50, 280)).toEqual({ x: 0, y: 70, w: 280, h: 140 });
  });
});

describe('draw URL params', () => {
  it('round-trips brush, filter (1-based in the URL) and channel; junk falls back to defaults', () => {
    const p = { brush: 12, filter: 3, channel: 4 } as const;
    expect(parseDrawParams(drawParamsToSearch(p))).toEqual(p);
    expect(drawParamsToSearch(DRAW_DEFAULTS).toString()).toBe('');
    expect(parseDrawParams(new URLSearchParams('brush=999&filter=0&channel=x'))).toEqual(DRAW_DEFAULTS);
    expect(parseDrawParams(new URLSearchParams('filter=7'), 6).filter).toBe(DRAW_DEFAULTS.filter);
  });
});

describe('latency percentile', () => {
  it('nearest rank: p95 of 1..20 is 19, p50 is 10', () => {
    const v = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(v, 95)).toBe(19);
    expect(percentile(v, 50)).toBe(10);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('inkFromImageData', () => {
  // Only width, height and data are read: a plain object stands in for ImageData outside a browser.
  const image = (alphas: number[]) =>
    ({
      width: alphas.length,
      height: 1,
      data: Uint8ClampedArray.from(alphas.flatMap((a) => [9, 9, 9, a])),
    }) as unknown as ImageData;

  it('reads the alpha channel as ink in [0, 1], into the caller’s buffer when it fits', () => {
    const into = new Float32Array(3).fill(7);
    const out = inkFromImageData(image([0, 51, 255]), into);
    expect(out).toBe(into);
    expect(Array.from(out).map((v) => +v.toFixed(3))).toEqual([0, 0.2, 1]);
    // A buffer of another size is left alone: a new array is returned.
    const small = new Float32Array(2);
    const fresh = inkFromImageData(image([255, 0, 102]), small);
    expect(fresh).not.toBe(small);
    expect(Array.from(small)).toEqual([0, 0]);
    expect(Array.from(fresh).map((v) => +v.toFixed(3))).toEqual([1, 0, 0.4]);
  });
});
