import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Presentation mode: how much to zoom (CSS `zoom`) the content of a box of fixed size so that it fills
 * the box without scrolling, between `min` and `max`. `min` keeps text readable: the caller raises the
 * content's text floor so that at `min` it is still at the presentation floor (content that does not
 * fit even then shows less, by CSS).
 *
 * On each new `key` (a lesson step) or box size it starts from the largest zoom the content's first
 * measured size allows, then only shrinks while the content (maps arriving, a panel re-laying out for
 * its new room) no longer fits: growing and shrinking in turn could swing for ever, shrinking alone
 * settles. `box` must be the scrolling (or clipping) element around `content`.
 */
export function useFitZoom(
  box: RefObject<HTMLElement | null>,
  content: RefObject<HTMLElement | null>,
  enabled: boolean,
  key: string,
  { min = 1, max = 2.5 }: { min?: number; max?: number } = {},
): number {
  const [zoom, setZoom] = useState(1);
  const grown = useRef(false);
  const zoomRef = useRef(1);
  zoomRef.current = zoom;

  // A new step: back to 1, and allowed to grow once again.
  useLayoutEffect(() => {
    grown.current = false;
    setZoom(1);
  }, [key, enabled]);

  useEffect(() => {
    const b = box.current;
    const c = content.current;
    if (!enabled || !b || !c) return;
    const fitsHeight = () => b.scrollHeight <= b.clientHeight + 1;
    const fits = () => fitsHeight() && b.scrollWidth <= b.clientWidth + 1;
    const fit = () => {
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
    return () => observer.disconnect();
  }, [box, content, enabled, key, min, max, zoom]);

  return enabled ? zoom : 1;
}
