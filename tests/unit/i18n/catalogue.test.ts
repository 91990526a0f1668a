import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { hasMessage, t, tx } from '../../../src/i18n';

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
});
