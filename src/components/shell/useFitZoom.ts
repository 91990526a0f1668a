import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useMediaQuery } from '../ui/useMediaQuery';

/**
 * Presentation mode: how much to zoom (CSS `zoom`) the content of a box of fixed size so that it fills
 * the box without scrolling, between `min` and `max`. `min` keeps text readable: the caller raises the
 * content's text floor so that at `min` it is still at the presentation floor (content that does not
 * fit even then shows less, by CSS).
 *
 * On each new `key` (a lesson step) or box size it starts from the largest zoom the content's first
 * measured size allows, then shrinks while the content (maps arriving, a panel re-laying out for its
 * new room) no longer fits. It grows back at most `GROW_BACKS` times per key, and only when the content
 * leaves more than 8% of the box empty: the first look can catch a passing state taller than the
 * content settles at (the previous area still drawn, a message while data loads), and a zoom that only
 * shrank would keep that too-small zoom for good (pooling at 1366×768 was once left at the smallest
 * zoom with its maps grown into the extra width, too tall). Bounded, so growing and shrinking in turn
 * cannot swing for ever. `box` must be the scrolling (or clipping) element around `content`.
 *
 * Content still waiting for its data marks it with `data-loading` (on the waiting message, see
 * LOADING): no first look is taken while a marker is there, and when the last one goes the fit starts
 * again as on a new key (zoom 1, then a first look at the real content). Why: a loading message is one
 * line, so its first look zoomed the stage up to `max`; a panel whose picture then took the stage's
 * height (a projector) fits at any zoom, so nothing ever shrank it back (lesson 5 question 4 opened on a
 * fresh page was drawn twice as large as meant). At most `RESTARTS` restarts per key, so a marker that
 * comes and goes cannot make the zoom swing for ever.
 *
 * Where the pointer is a finger (`COARSE_POINTER`) the zoom never goes below 1: the content may grow but
 * never shrink, and what does not fit scrolls vertically instead. Why: shrinking was made for a laptop
 * or projector, whose 30 px presentation targets zoomed to 20/24 are still above a mouse's 24 px; on a
 * phone or tablet the same zoom left buttons at 25–33 px, under the 44 px a finger needs, and a zoomed-
 * down area is wider inside (Explain at 390 px laid out 694 px wide and scrolled sideways). A teacher
 * presenting from a tablet, or a student pressing P on a phone, scrolls down a page that fits its width.
 */
const GROW_BACKS = 2;
const RESTARTS = 3;

/** What a waiting message carries (`<p data-loading>`), for the zoom to wait for the real content. */
export const LOADING = 'data-loading';

/**
 * A finger is the main pointer: the same query that raises touch targets to 44 px (tokens.css), so the
 * zoom's floor and the target size always agree (a touch laptop used with its trackpad is not coarse).
 */
export const COARSE_POINTER = '(pointer: coarse)';

export function useFitZoom(
  box: RefObject<HTMLElement | null>,
  content: RefObject<HTMLElement | null>,
  enabled: boolean,
  key: string,
  { min: minWanted = 1, max: maxWanted = 2.5 }: { min?: number; max?: number } = {},
): number {
  // Never below 1 under a finger (see above); `max` is raised with it so the range is never empty.
  const coarse = useMediaQuery(COARSE_POINTER);
  const min = coarse ? Math.max(1, minWanted) : minWanted;
  const max = Math.max(min, maxWanted);
  const [zoom, setZoom] = useState(1);
  const grown = useRef(false);
  const growBacks = useRef(0);
  const restarts = useRef(0);
  // Whether the content was last seen waiting for its data (null: not looked at since the new key).
  const wasLoading = useRef<boolean | null>(null);
  const zoomRef = useRef(1);
  zoomRef.current = zoom;

  // A new step (or the pointer changed, a tablet's keyboard cover): back to 1, allowed to grow again.
  useLayoutEffect(() => {
    grown.current = false;
    growBacks.current = 0;
    restarts.current = 0;
    wasLoading.current = null;
    setZoom(1);
  }, [key, enabled, min, max]);

  useEffect(() => {
    const b = box.current;
    const c = content.current;
    if (!enabled || !b || !c) return;
    const fitsHeight = () => b.scrollHeight <= b.clientHeight + 1;
    const fits = () => fitsHeight() && b.scrollWidth <= b.clientWidth + 1;
    const loading = () => c.querySelector(`[${LOADING}]`) !== null;
    /** Data came (a marker went): look again from zoom 1, as on a new key. False when it did not. */
    const restartAfterLoading = (): boolean => {
      const now = loading();
      const came = wasLoading.current === true && !now;
      wasLoading.current = now;
      if (!came || restarts.current >= RESTARTS) return false;
      restarts.current += 1;
      grown.current = false;
      growBacks.current = 0;
      // Measured at zoom 1: content that takes the box's height measures the same at any zoom.
      if (zoomRef.current !== 1) setZoom(1);
      else fit();
      return true;
    };
    const fit = () => {
      if (loading()) {
        wasLoading.current = true;
        return;
      }
      if (wasLoading.current === true && restartAfterLoading()) return;
      wasLoading.current = false;
      const z = zoomRef.current;
      const availH = b.clientHeight;
      // The content's height at zoom 1, from its height as drawn now.
      const h = c.getBoundingClientRect().height / z;
      if (h <= 0 || availH <= 0 || b.clientWidth <= 0) return;
      let next = z;
      if (!grown.current) {
        grown.current = true;
        next = Math.min(max, Math.max(min, (availH / h) * 0.98));
      } else if (fits()) {
        const room = availH / (h * z);
        if (z >= max || room <= 1.08 || growBacks.current >= GROW_BACKS) return;
        growBacks.current += 1;
        // Grow back only to a zoom that fits now, height and width (the shrinking below then handles
        // panels that re-lay out larger at it).
        const bigger = Math.floor(Math.min(max, z * room * 0.98) * 100) / 100;
        c.style.zoom = String(bigger);
        const ok = fits();
        c.style.zoom = String(z);
        if (ok && bigger - z >= 0.01) setZoom(bigger);
        return;
      }
      // Try zooms on the element itself (a synchronous layout each, no React render) until its height
      // fits (its width follows only once React has given the panel its new room); React then renders
      // the panel at that zoom, and the observer checks it again, width too.
      for (let i = 0; i < 20; i++) {
        c.style.zoom = String(next);
        if (fitsHeight() || next <= min) break;
        const drawn = c.getBoundingClientRect().height / next;
        next = Math.max(min, Math.min(next - 0.03, (availH / drawn) * 0.98));
      }
      next = Math.floor(next * 100) / 100;
      c.style.zoom = String(zoomRef.current);
      if (Math.abs(next - z) >= 0.01) setZoom(next);
    };
    // A new observer after every zoom change: its first report comes at once, so the new zoom is
    // checked even when it changed nothing an observer would see (content of a fixed width).
    const observer = new ResizeObserver(fit);
    observer.observe(b);
    observer.observe(c);
    // The marker can go without any size changing (a waiting message as tall as the picture after it).
    const marker = new MutationObserver(() => {
      if (wasLoading.current === true) restartAfterLoading();
      else if (loading()) wasLoading.current = true;
    });
    marker.observe(c, { subtree: true, childList: true, attributes: true, attributeFilter: [LOADING] });
    return () => {
      observer.disconnect();
      marker.disconnect();
    };
  }, [box, content, enabled, key, min, max, zoom]);

  return enabled ? zoom : 1;
}
