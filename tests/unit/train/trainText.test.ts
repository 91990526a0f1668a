/**
 * The Train area's words come from src/i18n/areas/train.ts. Keys the components build at run time
 * (phase words, loading steps, setting labels and menu choices, layer words) must all exist, and the
 * composed sentences must read as they did when they were written inline.
 */
import { describe, expect, it } from 'vitest';
import { hasMessage, t, tx } from '../../../src/i18n';
import { train } from '../../../src/i18n/areas/train';
import { fmtTime } from '../../../src/components/train/TrainStatus';

describe('Train area text', () => {
  it('every run-time key exists: phases, loading steps, settings and their choices', () => {
    const keys = [
      ...['idle', 'loading', 'ready', 'training', 'paused', 'done', 'stopped', 'diverged', 'error'].map(
        (p) => `train.phase.${p}`,
      ),
      ...['trainer', 'test', 'train'].map((w) => `train.loading.${w}`),
      ...['adam', 'momentum', 'sgd'].map((o) => `train.controls.options.optimizer.${o}`),
      ...['onecycle', 'cosine', 'step', 'constant'].map((o) => `train.controls.options.schedule.${o}`),
      ...['auto', 'wasm', 'webgl', 'cpu'].map((o) => `train.controls.options.backend.${o}`),
      ...['relu', 'tanh', 'sigmoid'].map((o) => `train.controls.options.activation.${o}`),
      ...['max', 'avg'].map((o) => `train.controls.options.pooling.${o}`),
      ...Object.keys(train.controls.fields).map((f) => `train.controls.fields.${f}.label`),
      ...['input', 'conv1', 'pool1', 'conv2', 'pool2', 'dense1', 'dense2', 'output'].map(
        (l) => `train.layers.words.${l}`,
      ),
      'train.session.notLoaded',
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });

  it('the phase word shown is the word the e2e test waits for', () => {
    expect(
      t('train.status.running', {
        backend: 'WebAssembly',
        phase: tx('train.phase.done'),
      }),
    ).toBe('On this computer, with WebAssembly · done');
  });

  it('composed sentences read as before', () => {
    const samples: [string, string][] = [
      [fmtTime(65_000), '1 min 05 s'],
      [fmtTime(42_400), '42 s'],
      [fmtTime(Number.NaN), '—'],
      [
        t('train.confusion.right', { label: '7' }) + t('train.confusion.shown', { n: '40', more: '+' }),
        'true 7, read correctly · 40+ shown',
      ],
      [
        t('train.session.backendSwitched', { from: 'webgl', why: 'lost', to: 'wasm', step: '1200' }),
        'webgl stopped working (lost). Training goes on with wasm from step 1200; no weights were lost.',
      ],
      [
        t('train.mapGrid.one', { label: 'dense1 values', n: '1', h: '2', w: '60' }),
        'dense1 values: 1 map of 2×60',
      ],
    ];
    for (const [got, want] of samples) expect(got).toBe(want);
  });
});
