import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { openWatchedPage, useBrowser } from '../support/browser';
import { LESSONS } from '../../src/demos/lessons/registry';
import { lessonPages } from '../../src/demos/lessons/types';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

const browser = useBrowser();

/** Runs axe-core on the page as it stands and returns the serious and critical violations, readably. */
async function seriousViolations(path: string, ready: string): Promise<string[]> {
  // The app's CSP refuses injected scripts, axe-core included; the page under test is otherwise the same.
  const w = await openWatchedPage(browser(), path, { bypassCSP: true });
  await w.page.locator(ready).first().waitFor({ timeout: 30_000 });
  await w.page.getByTestId('backend-name').waitFor({ state: 'attached', timeout: 30_000 });
  // Let panels that wait for MNIST draw before judging them.
  await w.page.waitForTimeout(1500);
  await w.page.addScriptTag({ path: AXE });
  const violations = await w.page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  await w.context.close();
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
      expect(await seriousViolations(`#/${area}`, '#main > *')).toEqual([]);
    });
  }

  it('#/learn lesson 10, the embedded Draw panel', async () => {
    expect(await seriousViolations('#/learn?lesson=train-and-draw&step=3', '[data-testid=lesson]')).toEqual(
      [],
    );
  });

  for (const lesson of LESSONS) {
    it(`#/learn lesson ${lesson.number} (${lesson.id}): first step, a question, presentation mode`, async () => {
      const question = lessonPages(lesson).findIndex((p) => p.kind === 'question') + 1;
      for (const q of [`step=1`, `step=${question}`, `step=2&present=1`]) {
        expect(
          await seriousViolations(`#/learn?lesson=${lesson.id}&${q}`, '[data-testid=lesson]'),
          q,
        ).toEqual([]);
      }
    });
  }
});
