/**
 * `npm run bench`: builds the app, serves dist/ with `vite preview`, opens it in headless system
 * Chromium (the flags of tests/support/browser.ts: SwiftShader WebGL, no GPU) and runs every benchmark.
 * Prints a table and rewrites the generated part of docs/BENCHMARKS.md.
 *
 *   npm run bench                          build, then every benchmark
 *   npx tsx scripts/bench.ts --only training,predict    skip the build; just these (repeatable flag)
 *   npx tsx scripts/bench.ts --quick       fewer windows, to check a benchmark works (not for the doc)
 *   npx tsx scripts/bench.ts --no-write    print only
 *   npx tsx scripts/bench.ts --dist /tmp/dist-main --only ink --no-write   another build (say, main's,
 *                                          to compare before/after in alternating runs); implies --no-write
 *
 * ── Adding a benchmark (the module contract) ───────────────────────────────────────────────────────
 * Create `scripts/bench/<name>.bench.ts` exporting `benchmark: Benchmark` (types in
 * scripts/bench/context.ts). The runner finds it by its file name; nothing else to register.
 *   - `name`: short id for `--only` and the doc section; `description`: one sentence, what and how.
 *   - `run(ctx)` returns `BenchRow[]`: { metric, backend?, value (null = not available, say why in
 *     `note`), unit, target? ({op: '>=' | '<=', value, why}), note? }.
 *   - `ctx.openPage({backend?, hash?, viewport?})` opens the built app in a fresh browser context with
 *     `?bench` (which loads src/benchHooks.ts) and `?backend=`; it resolves once the backend is up.
 *     `page.bench((api, arg) => ..., arg)` runs code in the page against `window.__cnnStudioBench`;
 *     the function is serialised, so pass data through `arg`. Use `page.page` for anything else
 *     (clicks, drawing, screenshots). Always `close()` the page (try/finally).
 *   - Need a new in-page timing hook? Add it to src/benchHooks.ts (`BenchApi`) and return plain numbers.
 *   - Measure after warm-up, report medians (and p95 for latencies) of several windows, and throw if
 *     the page logged console errors or leaked tensors: a benchmark that hides a bug is worse than none.
 *   - Benchmarks run one after another on one browser; keep each under a minute or two.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { BenchApi } from '../src/benchHooks';
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/support/browser';
import { meets, type BenchContext, type BenchPage, type BenchRow, type Benchmark } from './bench/context';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docPath = join(root, 'docs/BENCHMARKS.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const DATA = /<!-- bench-data (.*?) -->/s;

type Args = { only: string[]; quick: boolean; write: boolean; dist: string };

function parseArgs(argv: string[]): Args {
  const args: Args = { only: [], quick: false, write: true, dist: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--only') args.only.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    else if (a.startsWith('--only=')) args.only.push(...a.slice(7).split(',').filter(Boolean));
    else if (a === '--quick') args.quick = true;
    else if (a === '--no-write') args.write = false;
    else if (a === '--dist') args.dist = argv[++i] ?? '';
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function loadBenchmarks(): Promise<Benchmark[]> {
  const dir = join(root, 'scripts/bench');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const out: Benchmark[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { benchmark?: Benchmark };
    if (!mod.benchmark) throw new Error(`scripts/bench/${f} does not export \`benchmark\``);
    out.push(mod.benchmark);
  }
  return out;
}

function freePort(): Promise<number> {
  const candidate = 4400 + Math.floor(Math.random() * 600);
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(freePort()));
    srv.listen(candidate, '127.0.0.1', () => srv.close(() => res(candidate)));
  });
}

async function startPreview(dist: string): Promise<{ url: string; server: ChildProcess }> {
  const outDir = resolve(root, dist || 'dist');
  if (!existsSync(join(outDir, 'index.html')))
    throw new Error(`${outDir} has no build: run \`npm run build\` first`);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return { url, server };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}

function makeContext(browser: Browser, baseUrl: string, quick: boolean): BenchContext {
  return {
    browser,
    baseUrl,
    quick,
    log: (m) => console.log(`  · ${m}`),
    async openPage(opts = {}) {
      const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1366, height: 768 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      const query = opts.backend ? `?bench&backend=${opts.backend}` : '?bench';
      await page.goto(`${baseUrl}${query}#/${opts.hash ?? 'learn'}`);
      await page.waitForFunction(() => '__cnnStudioBench' in window, undefined, { timeout: 60_000 });
      const api = await page.evaluateHandle(
        () => (window as unknown as { __cnnStudioBench: BenchApi }).__cnnStudioBench,
      );
      await api.evaluate((a) => a.ready());
      const benchPage: BenchPage = {
        page,
        errors,
        bench: (fn, arg) => api.evaluate(fn, arg as never),
        close: () => context.close(),
      };
      return benchPage;
    },
  };
}

type Section = {
  name: string;
  description: string;
  date: string;
  /** 1-minute load average when the benchmark started: above the core count, expect low numbers. */
  load?: number;
  rows: BenchRow[];
  error?: string;
};
type Machine = Record<string, string>;

function machineInfo(browserVersion: string): Machine {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /PRETTY_NAME="?([^"\n]+)"?/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) osName = `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux: keep os.type()
  }
  const [l1 = 0, l5 = 0] = os.loadavg();
  return {
    CPU: cpus[0]?.model.trim() ?? 'unknown',
    Cores: String(cpus.length),
    RAM: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    OS: osName,
    Chromium: `${browserVersion} (headless, ${CHROMIUM_FLAGS.filter((f) => f.includes('angle') || f.includes('swiftshader')).join(' ')})`,
    Node: process.version,
    Date: new Date().toISOString(),
    'Load average at start': `${l1.toFixed(2)} (1 min), ${l5.toFixed(2)} (5 min)`,
  };
}

const fmtValue = (v: number | null) => (v === null ? 'not available' : v.toLocaleString('en-US'));
const fmtTarget = (r: BenchRow) =>
  r.target ? `${r.target.op === '>=' ? '≥' : '≤'} ${r.target.value.toLocaleString('en-US')} ${r.unit}` : '';
const fmtMet = (r: BenchRow) => {
  const m = meets(r.value, r.target);
  return m === null ? '' : m ? 'yes' : '**no**';
};

function printTable(sections: Section[]): void {
  const lines: string[][] = [['benchmark', 'metric', 'backend', 'value', 'unit', 'target', 'met']];
  for (const s of sections) {
    if (s.error) lines.push([s.name, `FAILED: ${s.error}`, '', '', '', '', '']);
    for (const r of s.rows) {
      lines.push([
        s.name,
        r.metric,
        r.backend ?? '',
        fmtValue(r.value),
        r.unit,
        fmtTarget(r),
        fmtMet(r).replace(/\*/g, ''),
      ]);
    }
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  for (const [n, l] of lines.entries()) {
    console.log(l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
    if (n === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
}

function renderResults(machine: Machine, sections: Section[]): string {
  const out: string[] = [
    START,
    '',
    '_Generated by `npm run bench` (scripts/bench.ts); edits between these markers are overwritten._',
    '',
  ];
  out.push('## Machine', '', '| | |', '| --- | --- |');
  for (const [k, v] of Object.entries(machine)) out.push(`| ${k} | ${v} |`);
  out.push('', '## Results', '');
  for (const s of sections) {
    const load = s.load === undefined ? '' : `, load average ${s.load} on ${os.cpus().length} cores`;
    const when = s.date.slice(0, 16).replace('T', ' ');
    out.push(`### ${s.name}`, '', `${s.description} Measured ${when} UTC${load}.`, '');
    if (s.error) out.push(`**Failed:** ${s.error}`, '');
    if (s.rows.length === 0) continue;
    out.push('| metric | backend | value | target | met | note |', '| --- | --- | ---: | --- | --- | --- |');
    for (const r of s.rows) {
      const why = r.target?.why ? ` (${r.target.why})` : '';
      out.push(
        `| ${r.metric} | ${r.backend ?? '—'} | ${fmtValue(r.value)} ${r.value === null ? '' : r.unit} | ${fmtTarget(r)}${why} | ${fmtMet(r)} | ${r.note ?? ''} |`,
      );
    }
    out.push('');
  }
  out.push(`<!-- bench-data ${JSON.stringify({ machine, sections })} -->`, END);
  return out.join('\n');
}

function writeDoc(machine: Machine, fresh: Section[]): void {
  const existing = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  // Keep the results of benchmarks not run this time (`--only`), each with its own date.
  const previous = (() => {
    try {
      return (JSON.parse(DATA.exec(existing)?.[1] ?? '{}') as { sections?: Section[] }).sections ?? [];
    } catch {
      return [];
    }
  })();
  const byName = new Map(previous.map((s) => [s.name, s]));
  for (const s of fresh) byName.set(s.name, s);
  const sections = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  const block = renderResults(machine, sections);
  let doc: string;
  if (existing.includes(START) && existing.includes(END)) {
    doc =
      existing.slice(0, existing.indexOf(START)) + block + existing.slice(existing.indexOf(END) + END.length);
  } else {
    doc = `# Benchmarks\n\nRun \`npm run bench\` on a quiet machine to refresh the numbers below.\n\n${block}\n${existing}`;
  }
  writeFileSync(docPath, doc.endsWith('\n') ? doc : `${doc}\n`);
  console.log(`\nWrote ${docPath}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = await loadBenchmarks();
  const unknown = args.only.filter((n) => !all.some((b) => b.name === n));
  if (unknown.length > 0)
    throw new Error(`no benchmark named ${unknown.join(', ')}; have ${all.map((b) => b.name).join(', ')}`);
  const chosen = args.only.length > 0 ? all.filter((b) => args.only.includes(b.name)) : all;

  const [load1 = 0] = os.loadavg();
  if (load1 > os.cpus().length * 0.5) {
    console.warn(
      `Warning: load average ${load1.toFixed(2)} on ${os.cpus().length} cores; numbers will be low.`,
    );
  }
  const { url, server } = await startPreview(args.dist);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const sections: Section[] = [];
  try {
    const machine = machineInfo(browser.version());
    const ctx = makeContext(browser, url, args.quick);
    for (const b of chosen) {
      console.log(`▶ ${b.name}`);
      const date = new Date().toISOString();
      const load = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
      try {
        sections.push({ name: b.name, description: b.description, date, load, rows: await b.run(ctx) });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        console.error(`  ✗ ${b.name}: ${message}`);
        sections.push({ name: b.name, description: b.description, date, load, rows: [], error: message });
      }
    }
    console.log('');
    printTable(sections);
    // Another build's numbers never go into the doc.
    if (args.write && !args.quick && !args.dist) writeDoc(machine, sections);
  } finally {
    await browser.close();
    server.kill();
  }
  if (sections.some((s) => s.error)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
