import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useBrowser } from '../support/browser';
import { readyToTrain } from '../support/waits';
import { recordMainThreadTasks } from '../support/mainThreadTasks';

const browser = useBrowser();

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * The Train area's layout boundaries (LayoutBoundary: the status, the filters, the live layers, the
 * confusion matrix and the mistakes), each with what Chromium needs to lay out a change inside it on
 * its own (size and layout containment, and a parent that is not a flex or grid container, so it is no
 * flex or grid item), and how far its height is from its content's (0: nothing cut, nothing left over).
 */
const layoutBoundaries = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.train-area .layout-boundary')].map((b) => {
      const contain = getComputedStyle(b).contain;
      const parent = getComputedStyle(b.parentElement!).display;
      const content = b.firstElementChild!.getBoundingClientRect().height;
      return {
        contained: (/size/.test(contain) && /layout/.test(contain)) || contain === 'strict',
        item: /flex|grid/.test(parent),
        off: Math.round(Math.abs(b.getBoundingClientRect().height - content) * 10) / 10,
      };
    }),
  );
const BOUNDARY = { contained: true, item: false, off: 0 };

describe('#/train', () => {
  it('trains 1,000 digits for 2 epochs: the chart grows, pause holds, resume finishes, no long task', async () => {
    const w = await openWatchedPage(browser(), '#/train?train=1000&epochs=2&batch=32&lr=0.003');
    const { page } = w;
    await readyToTrain(page);
    // The test's own tools must not count as the page's long tasks (both seen in a Chromium trace, see
    // docs/BENCHMARKS.md "Long tasks while training"): Playwright's first locator injects its script
    // into the page (one ~230 ms task), and every getByRole computes accessible names over the whole
    // page (~20 ms of CPU, 60 ms under load). So the injection happens here, before measuring, and the
    // clicks below find their button by its text alone.
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
    // A text selector finds the button without computing accessible names.
    const clickButton = (text: string) => page.locator(`button:text-is("${text}")`).click();
    await page.evaluate(() => {
      const g = window as unknown as { __long: number[] };
      g.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => g.__long.push(e.duration))).observe({
        type: 'longtask',
      });
    });
    const stopRecording = await recordMainThreadTasks(browser(), page);
    await clickButton('Train');
    const points = () => byId(page, 'curve-loss').getAttribute('data-points').then(Number);
    await expect.poll(points, { timeout: 30_000 }).toBeGreaterThan(3);
    expect(Number(await byId(page, 'throughput').textContent())).toBeGreaterThan(0);

    await clickButton('Pause');
    // The step in flight when the click lands still finishes and is shown (about a second on a loaded
    // runner, with the 300 ms repaint): wait until the count settles, then it must stay put.
    const batchNow = () => byId(page, 'batch').textContent();
    await expect
      .poll(
        async () => {
          const before = await batchNow();
          await page.waitForTimeout(800);
          return before === (await batchNow());
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const held = await batchNow();
    await page.waitForTimeout(1200);
    expect(await byId(page, 'batch').textContent()).toBe(held);

    await clickButton('Resume');
    await expect
      .poll(() => byId(page, 'test-accuracy').textContent(), { timeout: 60_000 })
      .toMatch(/^\d+\.\d\d%$/);
    await expect.poll(() => byId(page, 'train-backend').textContent(), { timeout: 60_000 }).toMatch(/· done/);
    // The epoch's end, the evaluation panels and the save have all been painted.
    await page.waitForTimeout(1000);
    const tasks = await stopRecording();
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    expect(parseFloat((await byId(page, 'test-accuracy').textContent()) ?? '0')).toBeGreaterThan(50);
    expect(await byId(page, 'epoch').textContent()).toBe('2 / 2');

    // The live panels and the epoch-end panels are there.
    await expect.poll(() => page.locator('[data-testid="activations"] canvas').count()).toBeGreaterThan(5);
    // Every layer of maps has its colour key (the output is labelled bars).
    const mapRows = await page.locator('.train-layer:not([data-layer="output"])').count();
    expect(mapRows).toBeGreaterThan(4);
    expect(await page.locator('.train-layer .legend').count()).toBe(mapRows);
    expect(await byId(page, 'reset-note').textContent()).toMatch(
      /Reset.*clears.*saved in this browser stay/s,
    );
    await page.locator('.train-cm-cell').nth(11).click();
    await expect.poll(() => byId(page, 'cell-digits').locator('button').count()).toBeGreaterThan(0);
    await byId(page, 'cell-digits').locator('button').first().click();
    await expect.poll(() => page.locator('.train-activations .panel-title').textContent()).toMatch(/#\d+/);

    // The page's own work, from the trace: no task may take 50 ms of main-thread CPU (issue 14 item 2),
    // whatever else the machine runs (a trace of this run names the longest, ~44 ms under load: the
    // first render of the live layer maps and the Train click's re-render; docs/BENCHMARKS.md).
    // Wall time (what a student feels, the observer's) is bounded only on a machine that is not
    // oversubscribed: with seven runnable jobs per core a 20 ms task was seen to take 1.5 s of wall time.
    // There the margin allows one task over 100 ms (a GC or a paint stretched by another process) and
    // none over 200 ms. Before the harness stopped counting its own work (the locator injection and
    // role queries above), CI saw 165, 53, 135 ms here.
    const cpuLong = tasks.filter((x) => x.cpuMs > 50).map((x) => Math.round(x.cpuMs));
    const cpuMax = Math.max(...tasks.map((x) => x.cpuMs));
    const loadPerCore = loadavg()[0]! / cpus().length;
    console.log(
      `long tasks during training: observer ${long.map(Math.round).join(', ') || 'none'}; ` +
        `trace: ${tasks.length} main-thread tasks, longest CPU ${cpuMax.toFixed(1)} ms; ` +
        `load ${loadPerCore.toFixed(1)} per core`,
    );
    expect(cpuLong).toEqual([]);
    if (loadPerCore <= 1.5) {
      expect(long.filter((d) => d > 100).length).toBeLessThanOrEqual(1);
      expect(long.filter((d) => d > 200)).toEqual([]);
    }

    // Every refresh of the numbers and live maps lays out inside these boxes, not the whole page (a
    // 4× throttled trace: docs/BENCHMARKS.md section 6); each is as tall as what it holds.
    // Polled: a box takes its content's new height in the frame's resize observer, after layout and
    // before paint, so a read between a change and that frame can find it a few pixels behind.
    await expect.poll(() => layoutBoundaries(page)).toEqual(Array(5).fill(BOUNDARY));

    await page.screenshot({ path: join(tmpdir(), 'train-after.png'), fullPage: true });
    // On a phone's width the filled-in panels stay inside the screen: the layer maps wrap at the
    // panel's width and the confusion matrix scrolls sideways in its own box.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - innerWidth))
      .toBeLessThanOrEqual(0);
    // Polled: the maps re-wrap when the panel's resize observer reports its new width, a render after
    // the resize; and the panels' paint containment keeps the page itself from scrolling meanwhile,
    // so the scrollWidth poll above no longer waits for that render.
    await expect
      .poll(() =>
        page
          .locator('[data-testid="activations"] canvas')
          .evaluateAll((cs) => Math.max(...cs.map((c) => c.getBoundingClientRect().right))),
      )
      .toBeLessThanOrEqual(390);
    // Narrower, the maps wrap to more rows: each box takes its content's new height.
    await expect.poll(() => layoutBoundaries(page)).toEqual(Array(5).fill(BOUNDARY));
    // After a run, "Use this model" comes before the charts on a phone (it was below every panel).
    const above = await page.evaluate(() => {
      const top = (s: string) => document.querySelector(s)!.getBoundingClientRect().top;
      return top('[data-testid=keep-run]') < top('.train-charts');
    });
    expect(above, 'Use this model before the charts').toBe(true);
    // Presented on a projector the legends' numbers are larger than at a desk: each colour bar widens
    // to keep them apart (the filters' "−0.21 0 0.21" ran together into "−0.2100.21" over 120 px).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => (window.location.hash += '&present=1'));
    await page.locator('.app.present').waitFor();
    await expect.poll(() => page.locator('.area-train .legend-ticks').count()).toBeGreaterThan(4);
    await expect.poll(() => legendsRunTogether(page)).toEqual([]);
    await page.evaluate(() => (window.location.hash = window.location.hash.replace('&present=1', '')));
    await page.locator('.app.present').waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);

    // The run was saved at the epoch's end but replaced nothing: after a reload the shipped model is
    // still the one in use, and the run is on offer.
    await page.reload();
    await expect
      .poll(() => byId(page, 'model-in-use').getAttribute('data-used'), { timeout: 30_000 })
      .toBe('pretrained');
    expect(await byId(page, 'model-in-use').textContent()).toMatch(/pretrained LeNet-5, 99\.08%/);
    expect(await byId(page, 'model-run').textContent()).toMatch(/2 epochs on/);
    await w.context.close();
  });

  it('refuses an impossible setting at the control, with its reason', async () => {
    const w = await openWatchedPage(browser(), '#/train?lr=-1');
    await w.page.getByRole('button', { name: 'Train', exact: true }).waitFor();
    // In the link: named, and the previous value kept (as the explorers do).
    expect(await w.page.getByTestId('link-message').textContent()).toMatch(/lr=-1 is outside.*Kept/);
    // Typed at the control: refused there with its reason, the link keeps the last good value.
    await w.page.getByTestId('lr-input').fill('-1');
    expect(await w.page.locator('.train-field-problem').first().textContent()).toMatch(/learning rate/i);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('exports the model, imports it back, and refuses a truncated one keeping the current model', async () => {
    const w = await openWatchedPage(browser(), '#/train');
    const { page } = w;
    await expect
      .poll(() => byId(page, 'model-in-use').getAttribute('data-used'), { timeout: 30_000 })
      .toBe('pretrained');
    const downloads: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'cnn-model-'));
    page.on('download', (d) => {
      const path = join(dir, d.suggestedFilename());
      downloads.push(path);
      void d.saveAs(path);
    });
    await page.getByRole('button', { name: 'Export model in use' }).click();
    await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(2);
    await page.waitForTimeout(500);
    const json = downloads.find((p) => p.endsWith('model.json')) ?? '';
    const bin = downloads.find((p) => p.endsWith('weights.bin')) ?? '';
    expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveProperty('weightsManifest');

    await byId(page, 'import-input').setInputFiles([json, bin]);
    await expect.poll(() => byId(page, 'model-note').textContent(), { timeout: 15_000 }).toMatch(/^Imported/);
    expect(await byId(page, 'model-in-use').getAttribute('data-used')).toBe('mine');
    expect(await byId(page, 'model-in-use').textContent()).toMatch(
      /your imported model \(model\.json\), 99\.08%/,
    );

    const cut = join(dir, 'cut', 'weights.bin');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'cut'));
    writeFileSync(cut, readFileSync(bin).subarray(0, 1000));
    await byId(page, 'import-input').setInputFiles([json, cut]);
    await expect.poll(() => byId(page, 'model-note').textContent(), { timeout: 15_000 }).toMatch(/truncated/);
    expect(await byId(page, 'model-note').textContent()).toMatch(/current model is unchanged/);
    expect(await byId(page, 'model-in-use').getAttribute('data-used')).toBe('mine');
    expect(await byId(page, 'model-in-use').textContent()).toMatch(
      /your imported model \(model\.json\), 99\.08%/,
    );
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});

/** The legends whose numbers touch or overlap (less than 2 px apart), by their text. */
function legendsRunTogether(page: Page): Promise<string[]> {
  return page.locator('.legend-ticks').evaluateAll((rows) =>
    rows
      .filter((row) => {
        const boxes = [...row.children].map((c) => c.getBoundingClientRect());
        return boxes.some((b, i) => i > 0 && b.left < boxes[i - 1]!.right + 2);
      })
      .map((row) => [...row.children].map((c) => c.textContent).join(' | ')),
  );
}
