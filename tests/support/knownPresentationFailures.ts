import type { ProblemKind } from './layoutAudit';

/**
 * KNOWN PRESENTATION-MODE FAILURES at 1366×768 and 1920×1080 with `present=1`, measured by the layout
 * sweep (tests/layout/sweep.layout.ts). Lessons and areas are laid out to the screen's height and their
 * panel is zoomed to fill it (src/components/shell/useFitZoom.ts); what still fails:
 *
 * - small-visual: at 1920×1080 the largest single picture fills less than a third of the screen. A
 *   lesson step's main picture (MapFigure main, LearnMap, LearnMain: src/components/learn/panels/
 *   parts.tsx) fills the panel's height with the rest beside it (src/styles/presentLessons.css); the
 *   areas have their own projector layouts (src/styles/present.css). What is left is one kind: a step
 *   whose picture only exists after the student acts (lesson 8 step 2 before its Train button, lesson
 *   11's learned map before it is made), which needs a picture to show before that, not a layout.
 *
 * Keyed by the screen's label, each entry lists the kinds still allowed there. Everything else must
 * pass, and the test fails on an entry that no longer fails at either size (delete it), so this list
 * only shrinks.
 */
export const KNOWN_PRESENTATION_FAILURES: Readonly<Record<string, readonly ProblemKind[]>> = {
  'lesson 8 (softmax-templates) step 2': ['small-visual'],
  'lesson 11 (what-it-looks-at) step 5': ['small-visual'],
  'lesson 11 (what-it-looks-at) question 7': ['small-visual'],
};
