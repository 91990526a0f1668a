import { describe, expect, it } from 'vitest';
import {
  EXPLAIN_DEFAULTS,
  encodeExplainParams,
  explainLink,
  parseExplainParams,
  testImage,
} from '../../../src/state/explainParams';
import { inkOutline, mapOnPicture, overlayPixels } from '../../../src/components/explain/overlay';

const parse = (q: string, prev = EXPLAIN_DEFAULTS) => parseExplainParams(new URLSearchParams(q), prev);

describe('explain URL codec', () => {
  it('reads the contract URL', () => {
    const { settings, errors } = parse(
      'image=mnist-test:42&model=pretrained&method=occlusion&patch=4&stride=1',
    );
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({
      image: { kind: 'mnist', index: 42 },
      model: 'pretrained',
      method: 'occlusion',
      patch: 4,
      stride: 1,
    });
    for (const m of ['gradient', 'smoothgrad', 'gradcam'])
      expect(parse(`method=${m}`).settings.method).toBe(m);
    expect(parse('image=drawn&class=3').settings).toMatchObject({ image: { kind: 'drawn' }, classIndex: 3 });
  });

  it('testImage: the lower panels link a test picture back to its own dataset, and the link reads back', () => {
    expect(testImage('mnist', 7)).toEqual({ kind: 'mnist', index: 7 });
    expect(testImage('fashion-mnist', 7)).toEqual({ kind: 'dataset', dataset: 'fashion-mnist', index: 7 });
    for (const image of [testImage('mnist', 12), testImage('fashion-mnist', 9999)]) {
      const query = explainLink(image, { model: 'current' }).split('?')[1] ?? '';
      const { settings, errors } = parse(query);
      expect(errors).toEqual([]);
      expect(settings.image).toEqual(image);
    }
  });

  it('reads and writes a Fashion-MNIST test picture (fashion-mnist-test:<i>), strictly', () => {
    const { settings, errors } = parse('image=fashion-mnist-test:9999&method=gradient&class=1');
    expect(errors).toEqual([]);
    expect(settings.image).toEqual({ kind: 'dataset', dataset: 'fashion-mnist', index: 9999 });
    expect(encodeExplainParams(settings).get('image')).toBe('fashion-mnist-test:9999');
    expect(explainLink({ kind: 'dataset', dataset: 'fashion-mnist', index: 3 })).toMatch(
      /image=fashion-mnist-test%3A3/,
    );
    const prev = {
      ...EXPLAIN_DEFAULTS,
      image: { kind: 'dataset' as const, dataset: 'fashion-mnist' as const, index: 5 },
    };
    for (const raw of [
      'fashion-mnist-test:10000',
      'fashion-mnist-test:-1',
      'Fashion-mnist-test:1',
      'fashion-test:1',
      'fashion-mnist-test:1.0',
    ]) {
      const r = parse(`image=${encodeURIComponent(raw)}`, prev);
      expect(r.settings.image, raw).toEqual(prev.image);
      expect(r.errors[0], raw).toMatch(/Kept the previous value, fashion-mnist-test:5\.$/);
    }
  });

  it.each([
    ['patch=29', /patch=29 is larger than the 28×28 picture/],
    ['stride=0', /stride=0 would never move/],
    ['image=mnist-test:10000', /"mnist-test:10000".*from 0 to 9999.*Kept the previous value, mnist-test:7\./],
    ['image=mnist-test:abc', /"mnist-test:abc".*whole number.*Kept the previous value, mnist-test:7/],
    ['image=mnist-test:0x10', /"mnist-test:0x10".*written with plain digits/],
    ['image=mnist-test: 8', /"mnist-test: 8".*whole number/],
    ['image=mnist-test:3.0', /"mnist-test:3.0".*whole number/],
    ['image=cat', /not a picture Explain knows.*Kept the previous value, mnist-test:7/],
    [
      'method=lime',
      /method="lime" is not one of occlusion, gradient, smoothgrad, gradcam\. Kept the previous value, gradcam\./,
    ],
    ['method=Gradcam', /method="Gradcam" is not one of/],
    ['class=10', /class=10 is outside 0 to 9\. Kept the previous value, 2\./],
    ['class=2.0', /class="2.0" is not a whole number/],
    ['class=1e0', /class="1e0" is not a number/],
    ['patch=6.5', /patch="6.5" is not a whole number.*Kept the previous value, 6\./],
    ['stride=', /stride="" is not a number/],
    ['speed=3', /speed must be one of/],
  ])('%s is refused with a message and the previous value kept', (q, message) => {
    const prev = {
      ...EXPLAIN_DEFAULTS,
      patch: 6,
      stride: 3,
      image: { kind: 'mnist' as const, index: 7 },
      method: 'gradcam' as const,
      classIndex: 2,
    };
    const full = new URLSearchParams('image=mnist-test:7&method=gradcam&patch=6&stride=3&class=2');
    const [key = '', value = ''] = q.split('=');
    full.set(key, value);
    const { settings, errors } = parseExplainParams(full, prev);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(settings).toMatchObject({
      patch: 6,
      stride: 3,
      image: { kind: 'mnist', index: 7 },
      method: 'gradcam',
      classIndex: 2,
    });
  });

  it('names the kept step as the last position when the link had none', () => {
    const { settings, errors } = parse('step=abc', { ...EXPLAIN_DEFAULTS, step: null });
    expect(settings.step).toBeNull();
    expect(errors).toEqual([
      'Link problem: step="abc" is not a number written with plain digits (like 12 or 0.5). Kept the previous value, the last position.',
    ]);
    // A 100,000-character value is clipped in the message, never echoed whole.
    expect(parse(`opacity=${'9'.repeat(100_000)}`).errors[0]!.length).toBeLessThan(200);
  });

  it('round-trips through encode → parse', () => {
    const s = {
      ...EXPLAIN_DEFAULTS,
      method: 'occlusion' as const,
      patch: 5,
      stride: 3,
      step: 4,
      classIndex: 8,
    };
    expect(parse(encodeExplainParams(s).toString()).settings).toEqual(s);
    expect(explainLink({ kind: 'mnist', index: 12 }, { model: 'current' })).toBe(
      '#/explain?image=mnist-test%3A12&model=current&method=occlusion&patch=4&stride=2',
    );
  });
});

describe('overlay maths', () => {
  it('spreads an occlusion map back as the mean of the patches covering each pixel', () => {
    // 2×2 map, patch 2, stride 1 on a 3×3 picture: the centre pixel is under all four patches.
    const on = mapOnPicture([1, 2, 3, 4], 2, 2, 3, 3, { patch: 2, stride: 1 });
    expect(Array.from(on)).toEqual([1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4]);
    // Stride 2, patch 1: pixels no patch reached stay 0.
    expect(Array.from(mapOnPicture([5, 6, 7, 8], 2, 2, 3, 3, { patch: 1, stride: 2 }))).toEqual([
      5, 0, 6, 0, 0, 0, 7, 0, 8,
    ]);
  });

  it('blends picture and map colours by the opacity', () => {
    const scale = { kind: 'sequential' as const, domain: [0, 1] as [number, number] };
    // ink 1 (black) under a zero map (white): half-way grey at opacity 0.5.
    expect(Array.from(overlayPixels([1], [0], 1, 1, scale, 0.5))).toEqual([128, 128, 128, 255]);
    expect(Array.from(overlayPixels([0], [1], 1, 1, scale, 0))).toEqual([255, 255, 255, 255]);
  });

  it('outlines the inked pixels', () => {
    // One inked pixel → its four sides.
    expect(inkOutline([0, 0, 0, 0, 1, 0, 0, 0, 0], 3, 3)).toHaveLength(4);
    // Two side by side → six sides (the shared one is not an edge).
    expect(inkOutline([1, 1], 2, 1)).toHaveLength(6);
  });
});

describe('stored datasets in the link (image=test:<i>&dataset=<name>)', () => {
  const shapes = {
    id: 'shapes',
    counts: { train: 30, test: 12, perClass: [14, 14, 14] },
    inputShape: [32, 32, 3] as [number, number, number],
  };
  const read = (
    q: string,
    stored: Parameters<typeof parseExplainParams>[2] = [shapes],
    prev = EXPLAIN_DEFAULTS,
  ) => parseExplainParams(new URLSearchParams(q), prev, stored);

  it('reads a stored test picture and writes it back the same way', () => {
    const { settings, errors } = read('image=test:11&dataset=shapes&method=gradient');
    expect(errors).toEqual([]);
    expect(settings.image).toEqual({ kind: 'stored', dataset: 'shapes', index: 11 });
    const link = explainLink(settings.image, { method: 'gradient' });
    expect(link).toBe('#/explain?image=test%3A11&dataset=shapes&model=current&method=gradient');
    expect(read(link.slice('#/explain?'.length)).settings.image).toEqual(settings.image);
  });

  it('refuses an unknown dataset, a number out of range, a missing dataset; keeps the previous picture', () => {
    const prev = { ...EXPLAIN_DEFAULTS, image: testImage('mnist', 7) };
    const unknown = read('image=test:1&dataset=circles', [shapes], prev);
    expect(unknown.settings.image).toEqual(prev.image);
    expect(unknown.errors.join()).toContain('dataset="circles" is not a dataset kept in this browser');
    expect(unknown.errors.join()).toContain('mnist-test:7');
    const range = read('image=test:12&dataset=shapes', [shapes], prev);
    expect(range.settings.image).toEqual(prev.image);
    expect(range.errors.join()).toContain('has 12 test pictures, numbered 0 to 11');
    expect(read('image=test:1', [shapes], prev).errors.join()).toContain('needs the dataset');
    expect(read('image=test:0x1&dataset=shapes', [shapes], prev).errors).toHaveLength(1);
  });

  it('waits silently while the stored list is read, and checks the patch against the picture’s side', () => {
    const prev = { ...EXPLAIN_DEFAULTS, image: testImage('mnist', 3) };
    const pending = read('image=test:1&dataset=shapes', null, prev);
    expect(pending.settings.image).toEqual(prev.image);
    expect(pending.errors).toEqual([]);
    expect(read('image=test:1&dataset=shapes&patch=32').errors).toEqual([]);
    expect(read('image=test:1&dataset=shapes&patch=33').errors.join()).toContain('32×32');
    expect(read('image=mnist-test:1&patch=29').errors.join()).toContain('28×28');
  });

  it('draws a colour picture in its own colours under the map', () => {
    const scale = { kind: 'sequential' as const, domain: [0, 1] as [number, number] };
    // One pure-red pixel (1, 0, 0) under a zero map at opacity 0: red, not inverted.
    expect(Array.from(overlayPixels([1, 0, 0], [0], 1, 1, scale, 0, undefined, 3))).toEqual([255, 0, 0, 255]);
  });
});
