/**
 * Names what runs in each main-thread long task of a training run, from a real Chromium trace (the
 * Performance panel's categories plus the V8 sampling profiler), instead of guessing.
 *
 *   npx vite build --sourcemap --minify false --outDir /tmp/dist-trace   # readable function names
 *   npx tsx scripts/trace-longtasks.ts --dist /tmp/dist-trace [--hash 'train?train=1000&epochs=2&batch=32&lr=0.003']
 *       [--throttle 4] [--out /tmp/train-trace.json]
 *   npx tsx scripts/trace-longtasks.ts --dist /tmp/dist-trace --import 200   # a dataset import instead:
 *       5 classes × 200 shapes (scripts/lib/shapesDataset.ts) through #/data's file input;
 *       with --train-after, then a default training run on that dataset, traced on its own
 *   npx tsx scripts/trace-longtasks.ts --dist /tmp/dist-trace --explorer 20 [--throttle 4]  # 20 bias
 *       changes of the convolution explorer's 16-filter bank instead, then the app's functions over all
 *   npx tsx scripts/trace-longtasks.ts --dist /tmp/dist-trace --ink 4 [--throttle 4]  # 4 strokes of 60
 *       pointer moves on #/draw (the ink benchmark's strokes) instead, then the app's functions over all
 *   npx tsx scripts/trace-longtasks.ts --from /tmp/train-trace.json [--totals]  # read a saved trace again
 *   add --brief for one short block per task over 50 ms CPU (the page's own work, whatever the load)
 *   add --invalidations to name, per long task, what invalidated layout (slows the page: see CATEGORIES)
 *
 * Tasks that a DevTools command started (Playwright's injected script, locator queries, evaluate) are
 * labelled "harness" and counted apart: they are the test's work, not the page's.
 *
 * Serves the build with `vite preview` (same headers as production), opens it in headless system
 * Chromium with the test flags, starts tracing, clicks Train, waits for the run to end, and prints
 * for every main-thread task over 50 ms (wall or CPU): its wall and CPU time, the trace events inside
 * it (script, style, layout, paint, GC…) and the functions the profiler sampled most, self and total.
 * Works on the production build too (names are then minified).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeShapesZip, SHAPE_CLASSES } from './lib/shapesDataset';
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/support/browser';
import { readyToTrain } from '../tests/support/waits';
import { HASH as CONV_HASH, timeChanges } from './bench/convolution.bench';
import { timeMoves } from './bench/ink.bench';
import { devToolsCommandTimes, isHarnessTask } from '../tests/support/mainThreadTasks';
import { pageMainThread, traceEvents, type TraceEvent } from './lib/mainThreadTrace';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 4999;
      srv.close(() => res(port));
    });
  });
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
  // --invalidations: which node invalidated layout, and why (LayoutInvalidationTracking), printed per
  // long task. Opt-in: Blink then captures a JS stack for every DOM change, which multiplies React's
  // commit time (setProp 957 ms CPU in one commit, against 20–40 ms without), so its CPU times are not
  // the page's; use it to name causes, and a trace without it to measure.
  ...(process.argv.includes('--invalidations')
    ? ['disabled-by-default-devtools.timeline.invalidationTracking']
    : []),
];

/** The events inside a task worth naming, with how long each kind took in total. */
const KINDS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'RasterTask',
  'MajorGC',
  'MinorGC',
  'V8.GC_MARK_COMPACTOR',
  'V8.GC_SCAVENGER',
  'BlinkGC.AtomicPhase',
  'ParseHTML',
  'HitTest',
  'UpdateLayer',
  'Commit',
  'Decode Image',
  'ScheduleStyleRecalculation',
  'CompositeLayers',
  'XHRReadyStateChange',
  'HandlePostMessage',
]);

type Sample = { ts: number; stack: string[] };

/** React's own scheduler and reconciler frames (the react-dom bundle), left out of --brief. */
const REACT_INTERNALS =
  /^(performWorkOnRoot|performSyncWorkOnRoot|flushSyncWorkAcrossRoots_impl|processRootScheduleInMicrotask|renderRootSync|renderRootConcurrent|workLoopSync|workLoopConcurrent\w*|performUnitOfWork|beginWork|completeWork|updateFunctionComponent|updateSimpleMemoComponent|updateMemoComponent|renderWithHooks|commitRoot|completeRoot|completeRootWhenReady|flushPendingEffects|flushPassiveEffects|commit\w+|recursivelyTraverse\w+|performWorkUntilDeadline|reconcile\w+|dispatch\w*Event\w*|batchedUpdates\$1|runWithFiberInDEV|flushSpawnedWork|flushLayoutEffects|flushMutationEffects) /;

function profileSamples(ev: TraceEvent[], pid: number, tid: number): Sample[] {
  const out: Sample[] = [];
  const byId = new Map<
    string,
    { start: number; t: number; nodes: Map<number, { name: string; parent?: number }> }
  >();
  for (const e of ev) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.name === 'Profile' && e.id) {
      const start = e.args?.data?.startTime ?? e.ts;
      byId.set(e.id, { start, t: start, nodes: new Map() });
    }
  }
  for (const e of ev) {
    if (e.name !== 'ProfileChunk' || !e.id || e.pid !== pid) continue;
    const prof = byId.get(e.id);
    if (!prof) continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) {
      const cf = n.callFrame;
      const file = (cf.url ?? '').split('/').pop() ?? '';
      const name = `${cf.functionName || '(anonymous)'}${file ? ` ${file}:${cf.lineNumber + 1}` : ''}`;
      prof.nodes.set(n.id, { name, parent: n.parent });
    }
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      prof.t += deltas[i] ?? 0;
      const stack: string[] = [];
      let id: number | undefined = samples[i];
      while (id !== undefined) {
        const node = prof.nodes.get(id);
        if (!node) break;
        stack.push(node.name);
        id = node.parent;
      }
      out.push({ ts: prof.t, stack });
    }
  }
  return out;
}

function top(counts: Map<string, number>, n: number, per: number): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${(v * per).toFixed(1)} ms ${k}`)
    .join('\n      ');
}

async function main(): Promise<void> {
  const dist = arg('dist', 'dist');
  const hash = arg('hash', 'train?train=1000&epochs=2&batch=32&lr=0.003');
  const throttle = Number(arg('throttle', '0'));
  const outFile = arg('out', '');
  const port = await freePort();
  // vite itself, not through npx: killing npx left the preview server running (and holding the pipe
  // of a `| tail`), one per trace.
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      dist,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(base)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const explorerChanges = Number(arg('explorer', '0'));
    if (explorerChanges > 0) {
      await traceExplorer(browser, page, base, explorerChanges, throttle, outFile);
      return;
    }
    const inkStrokes = Number(arg('ink', '0'));
    if (inkStrokes > 0) {
      await traceInk(browser, page, base, inkStrokes, throttle, outFile);
      return;
    }
    const importPerClass = Number(arg('import', '0'));
    if (importPerClass > 0) {
      await traceImport(browser, page, base, importPerClass, outFile);
      return;
    }
    await page.goto(`${base}#/${hash}`);
    console.error(`opened ${base}#/${hash}`);
    await readyToTrain(page, 120_000);
    console.error('ready to train; tracing');
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.evaluate(() => {
      const g = window as unknown as { __long: { start: number; duration: number }[] };
      g.__long = [];
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => g.__long.push({ start: e.startTime, duration: e.duration })),
      ).observe({ type: 'longtask' });
    });
    await browser.startTracing(page, { categories: CATEGORIES });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 60_000 });
    console.error('training');
    await readyToTrain(page, 1_800_000, 500);
    const seconds = (Date.now() - t0) / 1000;
    console.error(`run ended after ${seconds.toFixed(0)} s; reading the trace`);
    await page.waitForTimeout(1500);
    const buf = await browser.stopTracing();
    if (outFile) writeFileSync(outFile, buf);
    const observed = await page.evaluate(
      () => (window as unknown as { __long: { start: number; duration: number }[] }).__long,
    );
    const accuracy = await page.locator('[data-testid="test-accuracy"]').textContent();
    analyse(
      buf,
      `run ${seconds.toFixed(0)} s, test accuracy ${accuracy}, throttle ${throttle || 1}×; ` +
        `observer: ${observed.map((o) => Math.round(o.duration)).join(', ') || 'none'}; `,
    );
    if (errors.length) console.log(`console errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

/**
 * Traces `n` bias changes of the convolution explorer's 16-filter bank (the chromebook benchmark's
 * update, scripts/bench/convolution.bench.ts), then names the app's functions over all of them.
 */
async function traceExplorer(
  browser: Browser,
  page: Page,
  base: string,
  n: number,
  throttle: number,
  outFile: string,
): Promise<void> {
  await page.goto(`${base}${CONV_HASH}`);
  await page.getByTestId('filter-bank').waitFor({ timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.waitForTimeout(1000);
  await page.evaluate('globalThis.__name ??= (f) => f');
  await page.evaluate(timeChanges, { n: 3, change: 'bias-url' as const });
  await browser.startTracing(page, { categories: CATEGORIES });
  const times = await page.evaluate(timeChanges, { n, change: 'bias-url' as const });
  const buf = await browser.stopTracing();
  if (outFile) writeFileSync(outFile, buf);
  const busy = times.map((t) => (t[0] ?? 0) + (t[1] ?? 0)).sort((a, b) => a - b);
  analyse(
    buf,
    `${n} bias changes at ${throttle || 1}×: busy (commit + frame) median ` +
      `${(busy[Math.floor(busy.length / 2)] ?? 0).toFixed(1)} ms; `,
  );
  printTotals(buf);
}

/**
 * Traces `strokes` strokes of 60 pointer moves on #/draw (the ink benchmark's, scripts/bench/ink.bench.ts),
 * then names what ran in each long task and the app's functions over all of them.
 */
async function traceInk(
  browser: Browser,
  page: Page,
  base: string,
  strokes: number,
  throttle: number,
  outFile: string,
): Promise<void> {
  await page.goto(`${base}${arg('query', '')}#/draw`);
  await page
    .getByTestId('draw-model')
    .filter({ hasText: /LeNet|model you trained|imported/ })
    .waitFor({ timeout: 120_000 });
  const cdp = await page.context().newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await timeMoves(page, 'canvas.draw-canvas', 1, 20);
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories: CATEGORIES });
  const run = await timeMoves(page, 'canvas.draw-canvas', strokes, 60);
  const buf = await browser.stopTracing();
  if (outFile) writeFileSync(outFile, buf);
  const sorted = [...run.perMove].sort((a, b) => a - b);
  analyse(
    buf,
    `${strokes} strokes × 60 moves on #/draw at ${throttle || 1}×: move median ` +
      `${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, ${run.predictionsPerSecond.toFixed(1)} ` +
      `predictions/s, observer long tasks ${run.longTasks.map((x) => x.toFixed(0)).join(', ') || 'none'}; `,
  );
  printTotals(buf);
}

/** The app's functions by total profiler time over the whole trace (all tasks), top 25. */
function printTotals(buf: Buffer): void {
  const ev = traceEvents(buf);
  const mains = ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: Sample[] = [];
  for (const m of mains) {
    const s = profileSamples(ev, m.pid, m.tid);
    if (s.length > best.length) best = s;
  }
  const total = new Map<string, number>();
  const self = new Map<string, number>();
  for (const s of best) {
    self.set(s.stack[0] ?? '?', (self.get(s.stack[0] ?? '?') ?? 0) + 1);
    for (const f of new Set(s.stack)) total.set(f, (total.get(f) ?? 0) + 1);
  }
  const pct = (v: number) => `${((100 * v) / Math.max(1, best.length)).toFixed(1)}%`;
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => !REACT_INTERNALS.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `  ${pct(v)} ${k}`)
      .join('\n');
  console.log(`\nall ${best.length} samples, total:\n${list(total)}\nself:\n${list(self)}`);
}

/** Traces one import of a made shapes .zip through #/data's file input, then analyses it. */
async function traceImport(
  browser: Browser,
  page: Page,
  base: string,
  perClass: number,
  outFile: string,
): Promise<void> {
  const zip = makeShapesZip(perClass, 21);
  await page.goto(`${base}#/data`);
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.body.textContent?.includes('Loading pictures'), null, {
    timeout: 120_000,
    polling: 500,
  });
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories: CATEGORIES });
  const t0 = Date.now();
  await page
    .getByLabel(/Import dataset/)
    .setInputFiles({ name: 'traced.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="import-result"]')?.textContent?.includes('Imported "traced"'),
    null,
    { timeout: 1_800_000, polling: 250 },
  );
  const seconds = (Date.now() - t0) / 1000;
  await page.waitForTimeout(1500);
  const buf = await browser.stopTracing();
  if (outFile) writeFileSync(outFile, buf);
  if (!process.argv.includes('--train-after')) {
    analyse(buf, `import of ${perClass * SHAPE_CLASSES.length} pictures in ${seconds.toFixed(1)} s; `);
    return;
  }
  // Then a default training run on it (the defaults for its size), traced on its own.
  await page.goto(`${base}#/train?dataset=traced`);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await readyToTrain(page, 120_000);
  await browser.startTracing(page, { categories: CATEGORIES });
  const t1 = Date.now();
  await train.click();
  await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 60_000 });
  await readyToTrain(page, 1_800_000);
  const trainSeconds = (Date.now() - t1) / 1000;
  await page.waitForTimeout(1500);
  const accuracy = await page.locator('[data-testid="test-accuracy"]').textContent();
  analyse(
    await browser.stopTracing(),
    `training on it: ${trainSeconds.toFixed(0)} s, test accuracy ${accuracy}; `,
  );
}

/** Prints every main-thread task over 50 ms (wall or CPU) of a trace, with what ran in it. */
function analyse(buf: Buffer, header: string): void {
  const ev = traceEvents(buf);
  const main = pageMainThread(ev);
  const onMain = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const samples = profileSamples(ev, main.pid, main.tid);
  // --brief: only tasks whose CPU time is over 50 ms (the page's own work, which load does not stretch),
  // one block each naming the app's own functions (not React's or the browser's) by total time.
  const brief = process.argv.includes('--brief');
  const long = main.tasks.filter((e) =>
    brief ? (e.tdur ?? 0) > 50_000 : (e.dur ?? 0) > 50_000 || (e.tdur ?? 0) > 50_000,
  );
  const commands = devToolsCommandTimes(ev, main.pid, main.tid);
  const harness = new Set(long.filter((t) => isHarnessTask(t, commands)));
  const cpuList = (xs: TraceEvent[]) => xs.map((t) => ((t.tdur ?? 0) / 1000).toFixed(0)).join(', ') || 'none';
  const pageLong = long.filter((t) => !harness.has(t));
  const pageCpuLong = pageLong.filter((t) => (t.tdur ?? 0) > 50_000);
  console.log(
    `${header}trace: ${long.length} main-thread tasks over 50 ms; ${samples.length} profiler samples\n` +
      `page's own tasks over 50 ms CPU: ${pageCpuLong.length} (${cpuList(pageCpuLong)} ms); ` +
      `harness (DevTools commands): ${harness.size} (${cpuList([...harness])} ms); ` +
      `main-thread CPU in all tasks ${(main.tasks.reduce((a, t) => a + (t.tdur ?? 0), 0) / 1e6).toFixed(2)} s`,
  );
  const layouts = onMain.filter((e) => e.name === 'Layout');
  const invalidations = ev.filter((e) => e.name === 'LayoutInvalidationTracking' && e.pid === main.pid);
  const t0us = main.tasks[0]?.ts ?? 0;
  for (const task of long) {
    const from = task.ts;
    const to = task.ts + (task.dur ?? 0);
    const kinds = new Map<string, number>();
    const calls = new Map<string, number>();
    for (const e of onMain) {
      if (e.ts < from || e.ts > to || e === task) continue;
      // CPU time (tdur) where the event has it, which load does not stretch; wall time otherwise.
      if (KINDS.has(e.name)) kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
      if (e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'TimerFire') {
        const d = e.args?.data;
        const what =
          e.name === 'EventDispatch'
            ? `event ${d?.type ?? ''}`
            : `${d?.functionName || '(anonymous)'} ${(d?.url ?? '').split('/').pop()}:${d?.lineNumber ?? ''}`;
        calls.set(what, (calls.get(what) ?? 0) + (e.dur ?? 0) / 1000);
      }
    }
    const inTask = samples.filter((s) => s.ts >= from && s.ts <= to);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (const s of inTask) {
      const leaf = s.stack[0] ?? '?';
      self.set(leaf, (self.get(leaf) ?? 0) + 1);
      for (const f of new Set(s.stack)) total.set(f, (total.get(f) ?? 0) + 1);
    }
    const per = inTask.length ? (task.dur ?? 0) / 1000 / inTask.length : 0;
    // Each layout in the task: dirty / total objects and where it started (the document, or a relayout
    // boundary), and with --invalidations what marked layout dirty since the layout before it.
    const layoutLines: string[] = [];
    for (const l of layouts) {
      if (l.ts < from || l.ts > to) continue;
      const a = (l.args ?? {}) as {
        beginData?: { dirtyObjects?: number; totalObjects?: number };
        endData?: { layoutRoots?: { nodeName?: string }[] };
      };
      const roots = (a.endData?.layoutRoots ?? []).map((r) => r.nodeName).join(' + ');
      const prev = layouts[layouts.indexOf(l) - 1]?.ts ?? 0;
      const why = new Map<string, number>();
      for (const inv of invalidations) {
        if (inv.ts <= prev || inv.ts > l.ts) continue;
        const d = inv.args?.data as { reason?: string; nodeName?: string } | undefined;
        const k = `${d?.reason ?? '?'}: ${d?.nodeName ?? '?'}`;
        why.set(k, (why.get(k) ?? 0) + 1);
      }
      const causes = [...why.entries()]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 6)
        .map(([k, v]) => `${v}× ${k}`)
        .join('; ');
      layoutLines.push(
        `layout ${((l.tdur ?? 0) / 1000).toFixed(1)} ms CPU, ${a.beginData?.dirtyObjects ?? '?'}/` +
          `${a.beginData?.totalObjects ?? '?'} objects from ${roots || '?'}${causes ? ` ← ${causes}` : ''}`,
      );
    }
    const label = harness.has(task) ? ' [harness: a DevTools command]' : '';
    if (brief) {
      const share = (v: number) => `${Math.round((100 * v) / Math.max(1, inTask.length))}%`;
      const own = [...total.entries()]
        .filter(
          ([k]) => !REACT_INTERNALS.test(k) && /\.js:\d+$/.test(k) && !k.startsWith('(anonymous) index-'),
        )
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, v]) => `${share(v)} ${k}`);
      console.log(
        `● +${((task.ts - t0us) / 1e6).toFixed(2)} s CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms ` +
          `(wall ${((task.dur ?? 0) / 1000).toFixed(1)})${label}: ${[...calls.keys()].slice(0, 3).join(' | ')}\n    ` +
          `${top(kinds, 6, 1).replace(/\n {6}/g, ' · ')}\n    ` +
          [...layoutLines, ...own].join('\n    '),
      );
      continue;
    }
    console.log(
      `\n● task at +${((task.ts - t0us) / 1e6).toFixed(2)} s: wall ${((task.dur ?? 0) / 1000).toFixed(1)} ms, ` +
        `CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms${label}`,
    );
    for (const line of layoutLines) console.log(`    ${line}`);
    console.log(`    kinds: ${top(kinds, 10, 1)}`.replace(/\n {6}/g, ' · '));
    console.log(`    calls:\n      ${top(calls, 8, 1)}`);
    console.log(`    profiler self (${inTask.length} samples):\n      ${top(self, 10, per)}`);
    console.log(`    profiler total:\n      ${top(total, 14, per)}`);
  }
}

const from = arg('from', '');
if (from) {
  analyse(readFileSync(from), `${from}: `);
  if (process.argv.includes('--totals')) printTotals(readFileSync(from));
} else await main();
