import { useEffect, type RefObject } from 'react';

/**
 * Presentation mode: a lesson's SVG drawing is scaled to its box (its viewBox) and zoomed with the
 * stage, and its text with it, so a tick label drawn at 12 units came out 15 px on a projector. Here
 * every `<text>` in the drawings under `root` gets a font size, in the drawing's own units, that comes
 * out at least `minPx` screen pixels at the drawing's present scale (its screen matrix, which includes
 * the stage's CSS zoom). Text already larger keeps its size. It runs again when the drawings change
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
    const texts = () => [...el.querySelectorAll<SVGTextElement>('svg text')];
    if (!enabled) {
      for (const text of texts()) text.style.removeProperty('font-size');
      return;
    }
    let frame = 0;
    const fit = () => {
      frame = 0;
      for (const text of texts()) {
        // Measure the size the drawing itself asks for, without what was set here last time.
        text.style.removeProperty('font-size');
        const ctm = text.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 0;
        const own = parseFloat(getComputedStyle(text).fontSize);
        if (!(scale > 0) || !Number.isFinite(own) || own * scale >= minPx) continue;
        text.style.fontSize = `${(minPx / scale).toFixed(2)}px`;
      }
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
