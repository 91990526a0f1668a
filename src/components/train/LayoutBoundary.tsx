import { useEffect, useRef, type ReactNode } from 'react';

/** The CSS zoom an element is drawn at (presentation mode zooms an area to fit the screen). */
function zoomOf(el: Element): number {
  const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof z === 'number' && z > 0 ? z : 1;
}

/**
 * Its children, laid out on their own: a change inside (a number's text, a curve's path, a bar's
 * height) lays out this box only, not the whole page.
 *
 * Why: while a run trains, the status numbers, the curves and the live layers change about three
 * times a second, and every one of those frames laid out the page from the document root (Chromium
 * starts a layout at the nearest relayout boundary, and none of the Train area's panels is one). At
 * 4× CPU throttling those frames were 30–86 ms. Chromium makes a box a relayout boundary when its
 * size cannot follow its content (size and layout containment), and never a flex or grid item: so this
 * is a plain block (put it INSIDE a panel or a grid cell, never as the grid or flex item itself) whose
 * height is set in CSS, copied from its content's. Its width follows its container as any block's.
 * (The curves need none: an `<svg>` that is not itself a flex or grid item is a boundary of its own.)
 *
 * The content's own height is watched (ResizeObserver, which runs after layout and before paint) and
 * copied to the box, so the box always has its content's height in the very frame it changes: nothing
 * is cut, and a frame where the content grows or shrinks lays out the page once, as before. Until the
 * first measurement (and without ResizeObserver, e.g. jsdom) the box is an ordinary block.
 */
export function LayoutBoundary({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    const content = box?.firstElementChild;
    if (!box || !(content instanceof HTMLElement) || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      // In CSS pixels of the box (getBoundingClientRect is in zoomed pixels, style.height is not).
      const height = content.getBoundingClientRect().height / zoomOf(content);
      const next = `${height}px`;
      if (box.style.height !== next) box.style.height = next;
      box.classList.add('layout-boundary-on');
    };
    const observer = new ResizeObserver(fit);
    observer.observe(content);
    return () => {
      observer.disconnect();
      box.classList.remove('layout-boundary-on');
      box.style.height = '';
    };
  }, []);
  return (
    <div ref={ref} className="layout-boundary">
      <div className="layout-boundary-content">{children}</div>
    </div>
  );
}

/** Its children in a LayoutBoundary where the page asks for one (`on`), as they are otherwise. */
export function LayoutBoundaryIf({ on, children }: { on: boolean; children: ReactNode }) {
  return on ? <LayoutBoundary>{children}</LayoutBoundary> : children;
}
