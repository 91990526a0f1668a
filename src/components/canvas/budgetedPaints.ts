/**
 * Canvas paints with a time budget, for panels that repaint many canvases a few times a second (the
 * Train area's live maps and their legends).
 *
 * A paint runs at once while the current burst (the paints of one React commit, a few milliseconds
 * apart) is within its budget: the usual refresh costs a millisecond or two, and its maps change in
 * the same frame as its numbers. What does not fit waits for a task of its own, after the browser has
 * had its turn, and runs there within the same budget; the rest waits for the next such task. Before,
 * the overflow ran in the next animation frame, where it added 4–11 ms to a frame that was already the
 * longest task of a throttled run (style, layout and paint of the whole area).
 *
 * A canvas's FIRST paint always waits (`first`): a new canvas costs Chromium a context and a backing
 * store, and the first live refresh mounts a dozen of them (maps and legends) in the commit that also
 * adds their rows, which was the longest commit of a run at 4× CPU throttling.
 */

/** Milliseconds of painting per task before the rest waits for the next one. */
const BUDGET_MS = 6;
/** Paints closer together than this belong to one burst (one commit's layout effects). */
const BURST_GAP_MS = 50;

const waiting = new Map<object, () => void>();
let scheduled: ReturnType<typeof setTimeout> | null = null;
let burstStart = -Infinity;

function schedule(): void {
  scheduled ??= setTimeout(runWaiting, 0);
}

function runWaiting(): void {
  scheduled = null;
  const start = performance.now();
  for (const [key, paint] of waiting) {
    waiting.delete(key);
    paint();
    if (waiting.size && performance.now() - start > BUDGET_MS) {
      schedule();
      return;
    }
  }
}

/**
 * Paints `paint` for `key` (usually the canvas) now if this burst is within budget and nothing is
 * waiting, else in a later task (a newer paint for the same key replaces a waiting one). Returns a
 * cancel for an effect's cleanup: an unmounted or redrawn canvas's waiting paint is dropped.
 */
export function queueCanvasPaint(key: object, paint: () => void, opts: { first?: boolean } = {}): () => void {
  const now = performance.now();
  if (now - burstStart > BURST_GAP_MS) burstStart = now;
  if (!opts.first && waiting.size === 0 && now - burstStart < BUDGET_MS) {
    paint();
    return () => {};
  }
  waiting.set(key, paint);
  schedule();
  return () => {
    if (waiting.get(key) === paint) waiting.delete(key);
  };
}

/** How many paints are waiting (for tests). */
export function waitingCanvasPaints(): number {
  return waiting.size;
}
