import { afterAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { baseUrl, openWatchedPage, useBrowser, type WatchedPage } from '../support/browser';
import { LESSONS } from '../../src/demos/lessons/registry';
import { lessonPages } from '../../src/demos/lessons/types';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

const browser = useBrowser();

// One page for the whole file, moved between addresses as a student's clicks would (a same-document
// hash change): opening a fresh page per address cost CI about a minute and a half, and axe judges the
// page as it stands either way.
let shared: WatchedPage | undefined;
afterAll(async () => {
  await shared?.context.close();
});

/** Runs axe-core on the page as it stands and returns the serious and critical violations, readably. */
async function seriousViolations(path: string, ready: string): Promise<string[]> {
  if (!shared) {
    // The app's CSP refuses injected scripts, axe-core included; the page under test is otherwise the same.
    shared = await openWatchedPage(browser(), path, { bypassCSP: true });
    await shared.page.getByTestId('backend-name').waitFor({ state: 'attached', timeout: 30_000 });
    await shared.page.locator(ready).first().waitFor({ timeout: 30_000 });
    // Let panels that wait for MNIST draw before judging them (later addresses find it loaded).
    await shared.page.waitForTimeout(1500);
    await shared.page.addScriptTag({ path: AXE });
  } else {
    await shared.page.goto(new URL(path, baseUrl()).href);
    await shared.page.locator(ready).first().waitFor({ timeout: 30_000 });
    // The new route renders after the hashchange event; give its panels a moment to draw.
    await shared.page.waitForTimeout(400);
  }
  const violations = await shared.page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

describe('axe-core: no serious or critical violations', () => {
  for (const area of ['convolution', 'pooling', 'train', 'draw', 'learn']) {
    it(`#/${area}`, async () => {
      expect(await seriousViolations(`#/${area}`, `.area-${area} .area-fit > :not(.loading)`)).toEqual([]);
    });
  }

  it('#/learn lesson 10, the embedded Draw panel', async () => {
    expect(
      await seriousViolations(
        '#/learn?lesson=train-and-draw&step=3',
        '[data-testid=lesson][data-lesson=train-and-draw][data-page="3"]',
      ),
    ).toEqual([]);
  });

  for (const lesson of LESSONS) {
    it(`#/learn lesson ${lesson.number} (${lesson.id}): first step, a question, presentation mode`, async () => {
      const question = lessonPages(lesson).findIndex((p) => p.kind === 'question') + 1;
      // Each address waits for its own page (lesson, page number, presentation) so that axe never
      // judges the previous address's page.
      const lessonAt = `[data-testid=lesson][data-lesson=${lesson.id}]`;
      for (const [q, ready] of [
        ['step=1', `${lessonAt}[data-page="1"]`],
        [`step=${question}`, `${lessonAt}[data-page="${question}"]`],
        ['step=2&present=1', `${lessonAt}[data-page="2"].learn-present`],
      ] as const) {
        expect(await seriousViolations(`#/learn?lesson=${lesson.id}&${q}`, ready), q).toEqual([]);
      }
    });
  }
});
