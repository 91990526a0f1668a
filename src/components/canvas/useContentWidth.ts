import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The content width of the element behind the returned ref, kept up to date with a ResizeObserver, so a
 * panel can draw its map as large as the space it is given (null until measured, or where the browser
 * has no ResizeObserver, e.g. jsdom).
 */
export function useContentWidth<T extends HTMLElement>(): [RefObject<T | null>, number | null] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      // Whole pixels only: sub-pixel jitter must not redraw the map.
      if (w !== undefined) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The content box (width and height) of the element behind the returned ref, like `useContentWidth`.
 * A height of 0 means the element has no height of its own (an empty strip measured for its width);
 * a stylesheet that gives it one (presentation mode's room for the main picture) makes the height a
 * second bound on what is drawn in it.
 */
export function useContentBox<T extends HTMLElement>(): [
  RefObject<T | null>,
  { width: number; height: number } | null,
] {
  const ref = useRef<T | null>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const r = entries[0]?.contentRect;
      if (!r) return;
      // Whole pixels only: sub-pixel jitter must not redraw the map.
      const width = Math.floor(r.width);
      const height = Math.floor(r.height);
      setBox((b) => (b && b.width === width && b.height === height ? b : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, box];
}

/**
 * The largest whole cell size at which `cells` cells fit in `width` px, never above `most` nor below
 * `least`; `fallback` px when the width is not known yet. Pure.
 */
export function cellToFit(
  cells: number,
  width: number | null,
  fallback: number,
  opts: { least?: number; most?: number } = {},
): number {
  const room = width ?? fallback;
  return Math.max(opts.least ?? 1, Math.min(opts.most ?? 52, Math.floor(room / Math.max(1, cells))));
}
