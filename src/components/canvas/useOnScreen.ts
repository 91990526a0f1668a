import { useEffect, useState } from 'react';

/**
 * Whether the element is (at least partly) inside the viewport, or within `margin` px of it, updated
 * by an IntersectionObserver (no work per scroll event). True until the first report and where there
 * is no IntersectionObserver, so a caller that skips work for hidden things never hides too much.
 */
export function useOnScreen(el: Element | null, margin = 0): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setOnScreen(last.isIntersecting);
      },
      { rootMargin: `${margin}px` },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [el, margin]);
  return onScreen;
}
