/**
 * Canvas paints with a time budget, for panels that repaint many canvases a few times a second (the
 * Train area's live maps and their legends, Draw's layer panels).
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
 *
 * A paint of something out of sight (`later`) always waits too, behind every other waiting paint: when
 * a stroke's end redraws Draw's ~10 layer panels, the ones on screen change first.
 */

/** Milliseconds of painting per task before the rest waits for the next one. */
const BUDGET_MS = 6;
/** Paints closer together than this belong to one burst (one commit's layout effects). */
const BURST_GAP_MS = 50;

/** Waiting paints in the order they run: the visible ones, then those out of sight. */
const waiting = new Map<object, () => void>();
const waitingLater = new Map<object, () => void>();
let scheduled: ReturnType<typeof setTimeout> | null = null;
let burstStart = -Infinity;

function schedule(): void {
  scheduled ??= setTimeout(runWaiting, 0);
}

function next(): [Map<object, () => void>, object, () => void] | null {
  for (const queue of [waiting, waitingLater]) {
    const first = queue.entries().next();
    if (!first.done) return [queue, first.value[0], first.value[1]];
  }
  return null;
}

function runWaiting(): void {
  scheduled = null;
  const start = performance.now();
  for (let item = next(); item; item = next()) {
    const [queue, key, paint] = item;
    queue.delete(key);
    paint();
    if (waitingCanvasPaints() && performance.now() - start > BUDGET_MS) {
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
export function queueCanvasPaint(
  key: object,
  paint: () => void,
  opts: { first?: boolean; later?: boolean } = {},
): () => void {
  const now = performance.now();
  if (now - burstStart > BURST_GAP_MS) burstStart = now;
  if (!opts.first && !opts.later && waitingCanvasPaints() === 0 && now - burstStart < BUDGET_MS) {
    paint();
    return () => {};
  }
  const queue = opts.later ? waitingLater : waiting;
  (opts.later ? waiting : waitingLater).delete(key);
  queue.set(key, paint);
  schedule();
  return () => {
    if (queue.get(key) === paint) queue.delete(key);
  };
}

/** How many paints are waiting (for tests). */
export function waitingCanvasPaints(): number {
  return waiting.size + waitingLater.size;
}
