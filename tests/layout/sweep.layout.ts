import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import {
  SIZES,
  allScreens,
  auditVisitedScreen,
  openAtSize,
  presenting,
  visit,
  type ScreenSize,
} from '../support/layoutPages';
import type { ProblemKind } from '../support/layoutAudit';
import { KNOWN_PRESENTATION_FAILURES } from '../support/knownPresentationFailures';

const browser = useBrowser();
const PRESENT_SIZES = SIZES.filter((s) => s.width >= 1366);
const KINDS: readonly ProblemKind[] = [
  'hscroll',
  'vscroll',
  'overlap',
  'cut',
  'covered',
  'target',
  'small-text',
  'small-visual',
];

/**
 * One retry: under a heavily loaded machine a panel has been seen audited before it measured its room
 * (LeNet's montage in lesson 9 drawn at its default width, see docs/LAYOUT.md); a real defect fails
 * both tries.
 */
const SWEEP = { timeout: 900_000, retry: 1 };

/**
 * Part of `npm test` (after the e2e files), and alone: `npm run test:layout` (vitest.layout.config.ts).
 *
 * Every area and every lesson page at the six classroom screen sizes: no horizontal scroll, no text over
 * text, no text cut at an edge, no box covering another, touch targets of 44×44 px on touch screens
 * (24×24 px elsewhere); in presentation mode at laptop and projector sizes, no vertical scroll, no text
 * under 20 px and, at 1920×1080, a main picture that fills a third of the screen. One browser context
 * per size, screens reached by changing the hash; the sizes run side by side, all at once (most of a
 * visit is waiting for the layout to settle; `maxConcurrency` in the config). It has no timing checks;
 * sharing the two cores makes it slower, and under heavy load a first try in presentation mode can
 * judge a screen before it has settled (hence the retry).
 */
describe.concurrent('layout at classroom screen sizes', () => {
  for (const size of SIZES) {
    it(`${size.name}${size.touch ? ' (touch)' : ''}: every area and lesson page`, SWEEP, async () => {
      const page = await openAtSize(browser(), size);
      const found: string[] = [];
      const screens = allScreens();
      for (const screen of screens) {
        await visit(page, screen);
        found.push(...(await auditVisitedScreen(page, size, screen, false)));
      }
      await page.context().close();
      expect(screens.length).toBeGreaterThan(60);
      expect(found).toEqual([]);
    });
  }

  // Presentation mode: see KNOWN_PRESENTATION_FAILURES for what does not fit yet. Both sizes in one
  // test, so that an allow-list entry that passes at both is reported.
  it(
    'laptop 1366×768 and projector 1920×1080: every area and lesson page in presentation mode',
    SWEEP,
    async () => {
      const seenKnown = new Set<string>();
      const sweep = async (size: ScreenSize): Promise<string[]> => {
        const page = await openAtSize(browser(), size);
        const found: string[] = [];
        for (const base of allScreens()) {
          const screen = presenting(base);
          await visit(page, screen);
          const known = KNOWN_PRESENTATION_FAILURES[base.label] ?? [];
          for (const line of await auditVisitedScreen(page, size, screen, true)) {
            const kind = KINDS.find((k) => line.includes(` · ${k}: `));
            if (kind && known.includes(kind)) seenKnown.add(`${base.label}|${kind}`);
            else found.push(line);
          }
        }
        await page.context().close();
        return found;
      };
      // One page per size, in the screens' order. Splitting each size's screens over two pages (ten
      // pages in all) ended the sweep sooner, but at load 12–23 its first try failed in all four such
      // runs (presentation text and zoom audited before they settled; the retry passed); with one page
      // it failed one first try in two, at heavier load.
      const found = (await Promise.all(PRESENT_SIZES.map(sweep))).flat();
      // Said before the checks too, so that a first try that fails is on record when its retry passes.
      if (found.length) console.log(`presentation sweep found:\n${found.join('\n')}`);
      expect(found).toEqual([]);
      const fixed = Object.entries(KNOWN_PRESENTATION_FAILURES).flatMap(([label, kinds]) =>
        kinds
          .filter((k) => !seenKnown.has(`${label}|${k}`))
          .map((k) => `${label}: ${k} (now passes: remove it)`),
      );
      if (fixed.length) console.log(`presentation sweep, allow-list entries that pass:\n${fixed.join('\n')}`);
      expect(fixed).toEqual([]);
    },
  );
});
