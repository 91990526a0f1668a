import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { hasMessage, setMessages, t, tx, type Messages } from '../../../src/i18n';
import { ACTIVATIONS } from '../../../src/engine/ops/activation';
import { KERNEL_PRESETS, presetLabel } from '../../../src/engine/ops/presets';
import { patternLabel } from '../../../src/components/convolution/patterns';
import { PATTERNS } from '../../../src/state/convParams';

/** Every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every `t('literal.key'` call in the app, with whether it passes a second argument. */
function literalCalls(): { file: string; key: string; hasVars: boolean }[] {
  const out: { file: string; key: string; hasVars: boolean }[] = [];
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'\s*([,)])/g)) {
      out.push({ file, key: m[1] ?? '', hasVars: m[2] === ',' });
    }
  }
  return out;
}

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('i18n catalogue (en)', () => {
  const calls = literalCalls();

  it('finds the t() calls of the explorers (a scan that finds nothing proves nothing)', () => {
    expect(calls.length).toBeGreaterThan(150);
    for (const area of ['conv.', 'player.', 'pool.', 'draw.', 'canvas.'])
      expect(
        calls.some((c) => c.key.startsWith(area)),
        area,
      ).toBe(true);
  });

  it('every key passed to tn() has a one and an other form', () => {
    const keys = sources('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\btn\(\s*'([\w.-]+)'/g)].map((m) => `${file}: ${m[1] ?? ''}`),
    );
    expect(keys.length).toBeGreaterThan(4);
    for (const k of keys) {
      const key = k.split(': ')[1] ?? '';
      expect(hasMessage(`${key}.one`) && hasMessage(`${key}.other`), k).toBe(true);
    }
  });

  it('every literal key passed to t() exists', () => {
    const missing = calls.filter((c) => !hasMessage(c.key)).map((c) => `${c.file}: ${c.key}`);
    expect(missing).toEqual([]);
  });

  it('a t() call without values only uses messages that have no {placeholder}', () => {
    const unfilled = calls
      .filter((c) => !c.hasVars && /\{\w+\}/.test(tx(c.key)))
      .map((c) => `${c.file}: ${c.key}`);
    expect(unfilled).toEqual([]);
  });

  it('keys built at run time exist: conv.maths.<activation>, conv.act.<activation>, conv.patterns.<name>', () => {
    for (const a of ['none', 'relu', 'tanh', 'sigmoid']) {
      expect(hasMessage(`conv.maths.${a}`), a).toBe(true);
      expect(hasMessage(`conv.act.${a}`), a).toBe(true);
    }
    for (const p of ['hlines', 'vlines', 'diagonal', 'checker', 'gradient', 'square', 'cross'])
      expect(hasMessage(`conv.patterns.${p}`), p).toBe(true);
  });

  it('no message is empty and braces only ever wrap a placeholder name', () => {
    for (const [key, text] of leaves(en)) {
      expect(text.length, key).toBeGreaterThan(0);
      expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });

  it('sample messages, filled as the components fill them, read exactly as before and leave no {…}', () => {
    const samples: [string, string][] = [
      [
        t('conv.stepNote', { step: '40', count: '25', last: '24' }),
        'The link asks for step 40, but this output has only 25 positions (0–24); showing the last one.',
      ],
      [
        t('player.position', { n: '3', count: '676', where: 'output row 0, col 2' }),
        '3 / 676 · output row 0, col 2',
      ],
      [t('player.groupLabel', { label: 'Convolution' }), 'Convolution animation'],
      [t('conv.bank.title', { c: '1' }), 'Filter bank · 1 filter → 1 activation map'],
      [t('conv.bank.titleMany', { c: '16' }), 'Filter bank · 16 filters → 16 activation maps'],
      [t('conv.input.titles.mnist', { index: '9999', label: '6' }), 'MNIST test digit #9999 (a 6)'],
      [
        t('conv.kernel.badBias', { text: 'abc', bias: '0.125' }),
        'Bias "abc" is not a number between −1000 and 1000; it stays 0.125.',
      ],
      [
        t('conv.bank.problem', { n: '2', what: t('conv.bank.padded', { k: '3', n: '5' }) }),
        'Filter 2 is 3×3; it is padded with zeros to 5×5.',
      ],
      [
        t('canvas.heatmap.describeRange', { label: 'Output', h: '26', w: '26', min: '−1.5', max: '2' }),
        'Output: 26×26 grid, values from −1.5 to 2',
      ],
      [
        t('canvas.legend.signedWords', { lo: '−3', hi: '3' }),
        'Colour key: blue is negative down to −3, white is zero, red is positive up to 3',
      ],
      [
        t('draw.describe.pretrained', { acc: t('draw.describe.accuracy', { pct: '99.08' }) }),
        'The pretrained LeNet-5 that ships with CNN Studio (99.08% right on the 10,000 MNIST test digits). Train your own in Train and Draw will use it.',
      ],
      [t('pool.panels.windowStride', { prefix: '', k: '2', s: '2' }), '2×2 window, stride 2'],
    ];
    for (const [got, want] of samples) {
      expect(got).toBe(want);
      expect(got).not.toMatch(/\{\w+\}/);
    }
  });

  it('engine keys built at run time exist: presets, activations, backends, MNIST splits', () => {
    for (const p of KERNEL_PRESETS) expect(hasMessage(`engine.presets.${p}`), p).toBe(true);
    for (const a of ACTIVATIONS) expect(hasMessage(`engine.activation.${a}`), a).toBe(true);
    for (const b of ['webgl', 'wasm', 'cpu']) expect(hasMessage(`engine.backend.names.${b}`), b).toBe(true);
    for (const s of ['test', 'train'])
      for (const k of ['ready', 'failed', 'loading'])
        expect(hasMessage(`engine.mnistStatus.${k}.${s}`), `${k}.${s}`).toBe(true);
  });

  it('engine and URL-codec messages, filled as the engine fills them, read exactly as before', () => {
    const prepare = t('engine.download.prepareFix');
    const samples: [string, string][] = [
      [
        t('engine.download.manifestMissing', { url: 'http://x/data/manifest.json', fix: prepare }),
        'MNIST is not on this server (http://x/data/manifest.json answered 404 Not Found); reload the page; if it happens again, tell whoever looks after this site.',
      ],
      [
        t('engine.download.brokeOff', {
          name: 'test-images',
          bytes: '1,234',
          fix: t('engine.download.offlineFix'),
        }),
        'The download of test-images broke off after 1,234 bytes; connect to the network and reload; after one good load MNIST also works offline.',
      ],
      [
        t('engine.idx.badRank', {
          name: 'IDX data',
          rank: '0',
          expected: t('engine.idx.atLeastOne'),
          fix: prepare,
        }),
        'IDX data has 0 dimensions, expected at least 1; reload the page; if it happens again, tell whoever looks after this site.',
      ],
      [
        t('engine.model.weightsTruncated', { got: '100,000', expected: '246,824' }),
        'The weights file is truncated: it has 100,000 bytes but model.json needs 246,824.',
      ],
      [
        t('engine.backend.overrideFailed', {
          reason: t('engine.backend.usingWasm', { gpu: t('engine.backend.gpuNone') }),
          name: 'webgl',
        }),
        'Using WebAssembly because WebGL is not available; on a processor WebAssembly is the fastest choice. (?backend=webgl could not start here)',
      ],
      [
        t('engine.trainer.diverged', {
          what: t('engine.trainer.lossHigh', { loss: '11.1' }),
          step: '3',
          lr: '10.000',
          good: '1',
        }),
        'The loss became 11.1 (a network that just guesses scores 2.3) near step 3 with learning rate 10.000: the steps were so big the weights flew off. Training stopped and the weights from step 1 are back. Try a smaller learning rate.',
      ],
      [
        t('engine.trainConfig.batchTooBig', { batch: '1000', left: '500' }),
        'A batch of 1000 is bigger than the 500 digits left to train on.',
      ],
      [
        t('engine.geometry.tooTall', {
          span: '7',
          dilated: t('engine.geometry.dilated', { k: '3', d: '3' }),
          input: t('engine.geometry.input'),
          room: '3',
        }),
        'The window is 7 cells tall (kernel 3 spread out by dilation 3), but the input is only 3 cells tall, so it does not fit even once. Use a smaller kernel or dilation, or add padding.',
      ],
      [
        t('engine.geometry.formula', {
          in: '3',
          pad: '2·0',
          d: '3',
          k: '3',
          s: '1',
          result: t('engine.geometry.nothingFits', { top: '-4', s: '1' }),
        }),
        '⌊(3 + 2·0 − 3·(3−1) − 1) / 1⌋ + 1 = ⌊-4 / 1⌋ + 1 → nothing fits',
      ],
      [
        t('engine.image.tooLarge', { w: '20,000', h: '20,000', side: '8,192', millions: '40' }),
        'The image is 20,000 × 20,000 pixels, too large to open safely in a browser tab (the limit is 8,192 pixels a side and 40 million in all). Crop or shrink it first.',
      ],
      [
        t('engine.codec.image.notDigit', {
          image: 'mnist-test:abc',
          problem: t('engine.codec.wholeNumber', {
            what: t('engine.codec.what.mnistIndex'),
            lo: '0',
            hi: '9999',
            raw: 'abc',
          }),
        }),
        'image="mnist-test:abc" is not a test digit: The MNIST test digit number must be a whole number from 0 to 9999, not "abc".',
      ],
      [
        t('engine.codec.kernel.notSquareChannels', { n: '10', c: '3' }),
        'kernel has 10 numbers; a square kernel of size 1–7 needs 1, 4, 9, 16, 25, 36 or 49 (or that times 3, one slice per channel).',
      ],
      [
        [
          t('engine.mnistStatus.ready.test', { n: '10,000' }),
          t('engine.mnistStatus.loading.train', {
            size: t('engine.mnistStatus.size', { mb: '9.6' }),
            eta: t('engine.mnistStatus.eta', { s: '3' }),
          }),
        ].join(' · '),
        '10,000 test digits ready · Loading training digits (9.6 MB), about 3 s left',
      ],
    ];
    for (const [got, want] of samples) {
      expect(got).toBe(want);
      expect(got).not.toMatch(/\{\w+\}/);
    }
  });

  it('labels are looked up when shown, not at module load: a new language takes effect at once', () => {
    expect(presetLabel('sobel-x')).toBe('Sobel x (left→right edges)');
    expect(patternLabel('checker')).toBe('Checkerboard');
    const other: Messages = structuredClone(en);
    other.engine.presets['sobel-x'] = 'Sobel x (Kanten links→rechts)';
    other.conv.patterns.checker = 'Schachbrett';
    setMessages(other);
    try {
      expect(presetLabel('sobel-x')).toBe('Sobel x (Kanten links→rechts)');
      expect(patternLabel('checker')).toBe('Schachbrett');
    } finally {
      setMessages(en);
    }
    expect(PATTERNS.map(patternLabel)).toContain('Horizontal lines');
  });
});
