import { useEffect, type RefObject } from 'react';

/**
 * Presentation mode: a lesson's SVG drawing is scaled to its box (its viewBox) and zoomed with the
 * stage, and its text with it, so a tick label drawn at 12 units came out 15 px on a projector. Here
 * every `<text>` in the drawings under `root` gets a font size, in the drawing's own units, that comes
 * out at least `minPx` screen pixels at the drawing's present scale (its screen matrix, which includes
 * the stage's CSS zoom). Text already larger keeps its size, and a drawing whose labels would then
 * overlap keeps all its drawn sizes (see fitDrawing). It runs again when the drawings change
 * (a step's panel arriving, a new step) or are resized, and gives the text back its drawn size when
 * presentation mode ends.
 */
export function usePresentSvgText(
  root: RefObject<HTMLElement | null>,
  enabled: boolean,
  minPx: number,
  /** Anything that rescales the drawings without resizing the root (the stage's zoom). */
  rescale: unknown,
): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    if (!enabled) {
      for (const text of el.querySelectorAll<SVGTextElement>('svg text'))
        text.style.removeProperty('font-size');
      return;
    }
    let frame = 0;
    const fit = () => {
      frame = 0;
      for (const svg of el.querySelectorAll('svg:not(svg svg)')) fitDrawing(svg, minPx);
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(fit);
    };
    fit();
    // Only new or replaced nodes: the font sizes set above are style changes and must not re-trigger.
    const mutations = new MutationObserver(later);
    mutations.observe(el, { childList: true, subtree: true, characterData: true });
    const sizes = new ResizeObserver(later);
    sizes.observe(el);
    return () => {
      mutations.disconnect();
      sizes.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [root, enabled, minPx, rescale]);
}

type Rect = { left: number; top: number; right: number; bottom: number };
const meets = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

/** The pairs of labels (by index) whose drawn boxes overlap. */
function overlaps(texts: readonly SVGTextElement[]): Set<string> {
  const rects = texts.map((x) => x.getBoundingClientRect());
  const pairs = new Set<string>();
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) if (meets(rects[i]!, rects[j]!)) pairs.add(`${i}-${j}`);
  return pairs;
}

/**
 * One drawing: each label too small for the screen is enlarged to `minPx`. If that makes two labels
 * run into each other (a row of shapes under a narrow diagram), the whole drawing keeps its drawn sizes
 * instead: overlapping words are worse than small ones.
 */
function fitDrawing(svg: Element, minPx: number): void {
  const texts = [...svg.querySelectorAll<SVGTextElement>('text')];
  // Measure the size the drawing itself asks for, without what was set here last time.
  for (const text of texts) text.style.removeProperty('font-size');
  const grown: SVGTextElement[] = [];
  const sizes: string[] = [];
  for (const text of texts) {
    const ctm = text.getScreenCTM();
    const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 0;
    const own = parseFloat(getComputedStyle(text).fontSize);
    if (!(scale > 0) || !Number.isFinite(own) || own * scale >= minPx) continue;
    grown.push(text);
    sizes.push(`${(minPx / scale).toFixed(2)}px`);
  }
  if (!grown.length) return;
  const before = overlaps(texts);
  grown.forEach((text, i) => (text.style.fontSize = sizes[i]!));
  const after = overlaps(texts);
  if ([...after].some((pair) => !before.has(pair))) {
    for (const text of grown) text.style.removeProperty('font-size');
  }
}
