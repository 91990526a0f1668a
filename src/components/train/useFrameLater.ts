import { startTransition, useEffect, useState } from 'react';

/**
 * `value`, but each change reaches the caller one frame after the rest of the page's change: once the
 * browser has drawn the frame in which the change was committed, in a task (and a render) of its own.
 *
 * Why: when a run ends, one commit used to change the status, mount the 100-cell confusion table and
 * the 16-picture mistakes gallery and enable the whole settings column; the browser then restyled and
 * laid out all of it in one frame (75 ms of layout at 4× CPU throttling, 186 ms for the frame). A part
 * that reads its input through this hook is drawn in the next frame instead. `now(value)` true makes a
 * change immediate (e.g. disabling the settings as a run starts must not wait a frame).
 */
export function useFrameLater<T>(value: T, now: (value: T) => boolean = () => false): T {
  const [shown, setShown] = useState(value);
  const immediate = now(value);
  useEffect(() => {
    if (Object.is(value, shown) || immediate) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => startTransition(() => setShown(value));
    // No frames (a hidden tab, jsdom): a task later is enough to keep it out of this commit's frame.
    if (typeof requestAnimationFrame !== 'function' || document.hidden) {
      timer = setTimeout(update, 0);
      return () => clearTimeout(timer);
    }
    // The frame callback runs before the browser draws the pending commit; the timeout after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(update, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown, immediate]);
  // An immediate value is shown in this very render (and becomes the kept one on the next change).
  if (immediate && !Object.is(value, shown)) {
    // Setting state during render for the same component is React's documented way to adjust state.
    setShown(value);
  }
  return immediate ? value : shown;
}
