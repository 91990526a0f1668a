/**
 * Screenshots of CNN Studio for looking at the design (and for the README): serves `dist/` with
 * `vite preview`, opens each requested screen at each requested size in the system Chromium and writes
 * one PNG per screen and size.
 *
 *   npm run build && npx tsx scripts/screenshots.ts --out /tmp/shots [--sizes 360,1920] [--present]
 *     [--only convolution,lesson 9] [--full]
 *
 * `--present` adds `present=1` to every link; `--full` takes the whole page rather than the first screen.
 * `--audit` also runs the layout sweep's audit on each screen and prints what it finds (entries of the
 * presentation allow-list marked "known"), a quick check of a few screens without the whole sweep.
 *
 *   npm run build && npx tsx scripts/screenshots.ts --readme
 *
 * `--readme` writes the README's four pictures into docs/, each from a state that shows the product at
 * work (the explorer's filter halfway through its slide, a lesson presenting, Draw with a digit drawn).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { SEVEN, stroke } from '../tests/support/drawing';
import { KNOWN_PRESENTATION_FAILURES } from '../tests/support/knownPresentationFailures';
import {
  SIZES,
  allScreens,
  auditVisitedScreen,
  presenting,
  visit,
  waitForPresentFit,
  type AppScreen,
} from '../tests/support/layoutPages';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '/tmp/shots' },
    sizes: { type: 'string' },
    present: { type: 'boolean', default: false },
    only: { type: 'string' },
    full: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    audit: { type: 'boolean', default: false },
  },
});

const root = resolve(import.meta.dirname, '..');
const port = 4800 + Math.floor(Math.random() * 200);
const server = spawn(
  process.execPath,
  [resolve(root, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: 'ignore' },
);
const url = `http://127.0.0.1:${port}/`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

const fileName = (s: AppScreen) =>
  s.label
    .replace(/[()]/g, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '');

/** The README's pictures: one screen each, in a state that shows what the product does. */
async function readmeShots(browser: Browser): Promise<void> {
  const shots = [
    {
      file: 'screenshot-home.png',
      size: SIZES.find((s) => s.width === 1366)!,
      // The first screen: a real digit through the live network, and the three ways in.
      screen: { label: 'home', hash: '#/', ready: '[data-testid=home-pipeline][data-ready=true]' },
      draw: false,
    },
    {
      file: 'screenshot.png',
      size: SIZES.find((s) => s.width === 1366)!,
      // Output row 15, col 17 of 26×26: the window's left column on the 7's stem, its right on paper
      // (a positive sum), the output map filled down to that row.
      screen: { label: 'convolution', hash: '#/convolution?step=407', ready: '[data-testid="conv-output"]' },
      draw: false,
    },
    {
      file: 'screenshot-present.png',
      // On a classroom projector: the step's picture fills the height, its words beside it.
      size: SIZES.find((s) => s.width === 1920)!,
      screen: presenting({
        label: 'lesson 7 step 2',
        hash: '#/learn?lesson=pooling&step=2',
        ready: '[data-lesson="pooling"][data-page="2"]',
      }),
      draw: false,
    },
    {
      file: 'screenshot-phone.png',
      size: SIZES.find((s) => s.width === 390)!,
      screen: { label: 'draw', hash: '#/draw', ready: '[aria-label="Drawing canvas"]' },
      draw: true,
    },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.size.width, height: shot.size.height },
      ...(shot.size.touch ? { hasTouch: true, isMobile: true } : {}),
    });
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(new URL('#/learn', url).href);
    await visit(page, shot.screen);
    if (shot.draw) {
      await stroke(page, SEVEN);
      // The answer updates after the stroke; wait until it names a digit.
      await page
        .locator('[data-testid="prediction"]:not(.draw-digit-empty)')
        .waitFor({ timeout: 30_000 })
        .catch(() => undefined);
      await page.waitForTimeout(1000);
    }
    const path = resolve(root, 'docs', shot.file);
    await page.screenshot({ path });
    console.log(path);
    await context.close();
  }
}

async function main(): Promise<void> {
  await waitForServer();
  process.env.CNN_STUDIO_URL = url;
  if (values.readme) {
    const browser = await launchBrowser();
    try {
      await readmeShots(browser);
    } finally {
      await browser.close();
      server.kill();
    }
    return;
  }
  mkdirSync(values.out, { recursive: true });
  const wanted = values.sizes?.split(',').map(Number);
  const sizes = SIZES.filter((s) => !wanted || wanted.includes(s.width));
  const only = values.only?.split(',').map((s) => s.trim());
  const screens = allScreens()
    .filter((s) => !only || only.some((o) => s.label === o || s.label.startsWith(`${o} `)))
    .map((s) => (values.present ? presenting(s) : s));
  const browser = await launchBrowser();
  try {
    for (const size of sizes) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        ...(size.touch ? { hasTouch: true, isMobile: true } : {}),
      });
      // tsx keeps function names with an `__name` helper that the page does not have.
      await context.addInitScript({ content: 'window.__name = (f) => f;' });
      const page = await context.newPage();
      await page.goto(new URL('#/learn', url).href);
      for (const screen of screens) {
        await visit(page, screen);
        if (values.present) await page.mouse.move(size.width / 2, size.height / 2);
        if (!values.audit && values.present) await waitForPresentFit(page);
        if (values.audit) {
          const base = screen.label.replace(/ presenting$/, '');
          const known = values.present ? (KNOWN_PRESENTATION_FAILURES[base] ?? []) : [];
          for (const line of await auditVisitedScreen(page, size, screen, values.present)) {
            const isKnown = known.some((k) => line.includes(` · ${k}: `));
            console.log(`${isKnown ? 'known ' : 'FOUND '}${line}`);
          }
        }
        const path = `${values.out}/${fileName(screen)}-${size.width}.png`;
        await page.screenshot({ path, fullPage: values.full });
        console.log(path);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  server.kill();
  process.exit(1);
});
