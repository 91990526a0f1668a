import { describe, expect, it } from 'vitest';
import type { BackendProbeResult } from '../../src/engine/backendProbe';
import { openWatchedPage, useBrowser } from '../support/browser';
import { readyToTrain } from '../support/waits';

const browser = useBrowser();

type Probe = { result: BackendProbeResult; cached: boolean } | null;

describe('training backend chosen by measurement', () => {
  it('on SwiftShader the probe times WebGL and wasm, picks wasm by measuring, and reuses it after a reload', async () => {
    const w = await openWatchedPage(browser(), '?testhooks#/train');
    try {
      await readyToTrain(w.page);
      const probe = await w.page.evaluate(
        () =>
          (
            window as unknown as { __cnnStudioTest: { trainBackendProbe(): unknown } }
          ).__cnnStudioTest.trainBackendProbe() as Probe,
      );
      expect(probe, 'the probe ran before the first run').not.toBeNull();
      expect(probe!.cached).toBe(false);
      const { result } = probe!;
      expect(result.key).toMatch(/SwiftShader/i);
      const wasm = result.timings.find((x) => x.backend === 'wasm');
      const webgl = result.timings.find((x) => x.backend === 'webgl');
      // Both were really timed: WebGL started on SwiftShader and lost on its measured speed.
      expect(wasm?.examplesPerSec).toBeGreaterThan(0);
      expect(webgl?.examplesPerSec).toBeGreaterThan(0);
      expect(wasm!.examplesPerSec!).toBeGreaterThan(webgl!.examplesPerSec!);
      expect(result.winner).toBe('wasm');
      expect(result.margin).toBeGreaterThan(1);
      await expect.poll(() => w.page.getByTestId('train-backend').textContent()).toMatch(/WebAssembly/);

      // The page kept the measurement: the next load hands it to the worker instead of measuring again.
      await w.page.reload();
      await readyToTrain(w.page);
      const again = await w.page.evaluate(
        () =>
          (
            window as unknown as { __cnnStudioTest: { trainBackendProbe(): unknown } }
          ).__cnnStudioTest.trainBackendProbe() as Probe,
      );
      expect(again?.cached).toBe(true);
      expect(again?.result.measuredAt).toBe(result.measuredAt);
      expect(w.errors).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
    } finally {
      await w.context.close();
    }
  }, 240_000);
});
