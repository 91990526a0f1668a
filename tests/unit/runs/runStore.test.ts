import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkRunRecord,
  newRunId,
  RunRecordError,
  thinCurve,
  RUN_CURVE_POINTS,
  type RunRecord,
} from '../../../src/engine/runs/runRecord';
import {
  deleteRun,
  listRuns,
  loadRun,
  MAX_RUNS,
  RUNS_DB,
  RunStorageError,
  saveRun,
} from '../../../src/engine/runs/runStore';

/** A run of a 784→10 softmax net (7,850 parameters) with recognisable weight bytes. */
function run(id: string, patch: Partial<RunRecord> = {}): RunRecord {
  const weightData = new Float32Array(7850).map((_, i) => (i % 97) / 97 - 0.5).buffer;
  return {
    id,
    savedAt: '2026-11-30T01:00:00.000Z',
    arch: 'none',
    settings: {
      epochs: 1,
      batchSize: 64,
      lr: 0.004,
      optimizer: 'adam',
      schedule: 'cosine',
      seed: 1,
      trainSize: 6000,
      valFraction: 0,
      augment: false,
    },
    dataset: 'mnist',
    backend: 'wasm',
    ended: 'finished',
    curve: [
      { epochFloat: 0.5, loss: 1.2, accuracy: 0.7 },
      { epochFloat: 1, loss: 0.5, accuracy: 0.86 },
    ],
    epochs: [
      {
        epoch: 0,
        trainLoss: 0.8,
        trainAccuracy: 0.8,
        valLoss: null,
        valAccuracy: null,
        testLoss: 0.45,
        testAccuracy: 0.88,
      },
    ],
    testAccuracy: 0.88,
    params: 7850,
    wallMs: 4200,
    name: 'Softmax',
    weights: {
      modelTopology: { class_name: 'Sequential', config: { layers: [] } },
      weightSpecs: [
        { name: 'output/kernel', shape: [784, 10], dtype: 'float32' },
        { name: 'output/bias', shape: [10], dtype: 'float32' },
      ],
      weightData,
    },
    ...patch,
  };
}

afterEach(async () => {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(RUNS_DB);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('delete failed'));
  });
});

describe('run store (IndexedDB)', () => {
  it('round trip: a saved run lists without weights and loads back with the same numbers and bytes', async () => {
    const a = run('rmik3x2a9q');
    await saveRun(a);
    const { runs, unreadable } = await listRuns();
    expect(unreadable).toBe(0);
    expect(runs).toHaveLength(1);
    const { weights, ...summary } = a;
    expect(runs[0]).toEqual(summary);
    expect(runs[0]).not.toHaveProperty('weights');
    const back = await loadRun(a.id);
    expect(back).not.toBeNull();
    expect(back?.settings).toEqual(a.settings);
    expect(back?.epochs).toEqual(a.epochs);
    expect(back?.weights.weightSpecs).toEqual(weights.weightSpecs);
    expect(new Float32Array(back?.weights.weightData ?? new ArrayBuffer(0))).toEqual(
      new Float32Array(weights.weightData),
    );
    expect(await loadRun('rnothere00')).toBeNull();
  });

  it('lists oldest first; delete removes summary and weights; a missing id is not an error', async () => {
    await saveRun(run('rbbbbbbbb2', { savedAt: '2026-11-30T01:05:00.000Z' }));
    await saveRun(run('raaaaaaaa1', { savedAt: '2026-11-30T01:00:00.000Z' }));
    expect((await listRuns()).runs.map((r) => r.id)).toEqual(['raaaaaaaa1', 'rbbbbbbbb2']);
    await deleteRun('raaaaaaaa1');
    await deleteRun('raaaaaaaa1');
    expect((await listRuns()).runs.map((r) => r.id)).toEqual(['rbbbbbbbb2']);
    expect(await loadRun('raaaaaaaa1')).toBeNull();
  });

  it(`cap: the ${MAX_RUNS + 1}th run is refused with a message naming the cap; the ${MAX_RUNS} stay; a delete makes room`, async () => {
    for (let i = 0; i < MAX_RUNS; i++) await saveRun(run(`rcap${String(i).padStart(4, '0')}`));
    const extra = saveRun(run('rcapextra1'));
    await expect(extra).rejects.toBeInstanceOf(RunStorageError);
    await expect(saveRun(run('rcapextra1'))).rejects.toThrow(
      new RegExp(`${MAX_RUNS} runs are stored already`),
    );
    const { runs } = await listRuns();
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs.some((r) => r.id === 'rcapextra1')).toBe(false);
    await deleteRun('rcap0000');
    await saveRun(run('rcapextra1'));
    expect((await listRuns()).runs).toHaveLength(MAX_RUNS);
  });

  it('the same id twice is refused and the first run is kept', async () => {
    await saveRun(run('rtwice0001', { name: 'First' }));
    await expect(saveRun(run('rtwice0001', { name: 'Second' }))).rejects.toThrow(/stored already/);
    expect((await listRuns()).runs[0]?.name).toBe('First');
  });

  const bad: [string, Partial<RunRecord> | ((r: RunRecord) => unknown), RegExp][] = [
    ['an id that is not a run id', { id: '../../etc' }, /id is not a run id/],
    ['a date that is not a date', { savedAt: 'yesterday' }, /savedAt is not a date/],
    ['an arch the editor cannot read', { arch: 'conv6k5-teleport3' }, /arch .*teleport3/],
    ['100,000 filters', { arch: 'conv100000k3' }, /arch/],
    [
      'a NaN loss',
      { curve: [{ epochFloat: 0.5, loss: NaN, accuracy: 0.5 }] },
      /curve\[0\]\.loss is not a number/,
    ],
    ['an accuracy above 1', { testAccuracy: 1.5 }, /testAccuracy is outside 0 to 1/],
    ['a negative time', { wallMs: -1 }, /wallMs is outside/],
    [
      'an unknown optimizer',
      (r) => ({ ...r, settings: { ...r.settings, optimizer: 'magic' } }),
      /settings\.optimizer/,
    ],
    [
      'an epoch beyond the run',
      (r) => ({ ...r, epochs: [{ ...r.epochs[0], epoch: 3 }] }),
      /epochs\[0\]\.epoch/,
    ],
    [
      'too many curve points',
      (r) => ({ ...r, curve: Array.from({ length: RUN_CURVE_POINTS + 1 }, () => r.curve[0]) }),
      /curve has more than 200/,
    ],
    [
      'weights short of their specs',
      (r) => ({ ...r, weights: { ...r.weights, weightData: new ArrayBuffer(8) } }),
      /weightData holds 8 bytes where its weights need 31,400/,
    ],
    ['a parameter count that disagrees with the weights', { params: 7851 }, /params says 7,851 parameters/],
    [
      'weights that are not bytes',
      (r) => ({ ...r, weights: { ...r.weights, weightData: [1, 2, 3] } }),
      /weights\.weightData is missing/,
    ],
    ['not an object at all', () => 'hello', /not a stored training run/],
  ];
  for (const [what, change, why] of bad) {
    it(`bad record refused before anything is stored: ${what}`, async () => {
      const record = (
        typeof change === 'function' ? change(run('rbadrun001')) : run('rbadrun001', change)
      ) as RunRecord;
      expect(() => checkRunRecord(record)).toThrow(RunRecordError);
      await expect(saveRun(record)).rejects.toThrow(why);
      expect((await listRuns()).runs).toHaveLength(0);
    });
  }

  it('a damaged record already in the database is left out of the list and counted; loading it says what is wrong', async () => {
    await saveRun(run('rgood00001'));
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(RUNS_DB);
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction('runs', 'readwrite');
        tx.objectStore('runs').put({ ...run('rdamaged01'), weights: undefined, testAccuracy: 'high' });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('put failed'));
      };
    });
    const { runs, unreadable } = await listRuns();
    expect(runs.map((r) => r.id)).toEqual(['rgood00001']);
    expect(unreadable).toBe(1);
    await expect(loadRun('rdamaged01')).rejects.toThrow(/testAccuracy is not a number/);
  });
});

describe('run ids and curves', () => {
  it('newRunId: r + time in base 36 + two random letters; ids differ within one millisecond', () => {
    const a = newRunId(1_764_464_400_000, () => 0);
    const b = newRunId(1_764_464_400_000, () => 0.999);
    expect(a).toMatch(/^r[0-9a-z]{6,16}$/);
    expect(a).not.toBe(b);
    expect(a.endsWith('00')).toBe(true);
  });

  it(`thinCurve keeps at most ${RUN_CURVE_POINTS} points, evenly spread, first and last included`, () => {
    const pts = Array.from({ length: 1000 }, (_, i) => i);
    const thin = thinCurve(pts);
    expect(thin).toHaveLength(RUN_CURVE_POINTS);
    expect(thin[0]).toBe(0);
    expect(thin[thin.length - 1]).toBe(999);
    expect(thinCurve([1, 2, 3])).toEqual([1, 2, 3]);
  });
});
