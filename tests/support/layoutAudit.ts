/**
 * A layout audit that runs inside the page (pass `auditLayout` to `page.evaluate`): it returns every
 * horizontal scroll, text overlapping text, text cut at an element's or the screen's edge, box covering
 * box, too-small touch target and (in presentation mode) vertical scroll or too-small text, each with
 * the element it is about, so a failure says what to fix.
 *
 * It must stay self-contained: Playwright sends the function's source to the browser, so it may not
 * use imports or anything outside its own body.
 */

export type AuditOptions = {
  /** The viewport the test asked for, in CSS px (not `innerWidth`: mobile emulation can widen it). */
  width: number;
  height: number;
  /** Smallest allowed width and height of an interactive element. */
  minTarget: number;
  /** Presentation mode: no vertical scrolling anywhere, no text under `minFontPx`. */
  present: boolean;
  minFontPx: number;
  /**
   * Presentation mode on a projector: the largest picture (canvas, SVG or image, as much of it as is on
   * screen) must fill at least this fraction of the screen. Unset: not checked.
   */
  minVisualFraction?: number;
  /** Problems reported per kind before the rest are only counted (default 6). */
  perKind?: number;
};

export type ProblemKind =
  'hscroll' | 'overlap' | 'cut' | 'covered' | 'target' | 'vscroll' | 'small-text' | 'small-visual';

export type Problem = { kind: ProblemKind; where: string };

/** Runs in the browser. Returns the problems found, at most `PER_KIND` of each kind plus a count line. */
export function auditLayout(opts: AuditOptions): Problem[] {
  const PER_KIND = opts.perKind ?? 6;
  const problems: Problem[] = [];
  const counts: Record<string, number> = {};
  const add = (kind: ProblemKind, where: string) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (counts[kind] <= PER_KIND) problems.push({ kind, where });
  };
  type Box = { left: number; top: number; right: number; bottom: number };
  const vw = opts.width;
  const vh = opts.height;
  const SLACK = 1;

  const snippet = (s: string | null | undefined) => {
    const text = (s ?? '').replace(/\s+/g, ' ').trim();
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  };
  /** The nearest titled region, so a report says which panel an element is in. */
  const context = (el: Element): string => {
    const region = el.closest('section, fieldset, figure, [data-testid], [aria-label]');
    if (!region || region === el) return '';
    const labelled = region.getAttribute('aria-labelledby');
    const title =
      (labelled && document.getElementById(labelled.split(' ')[0] ?? '')?.textContent) ||
      region.querySelector('h1, h2, h3, legend, figcaption')?.textContent ||
      region.getAttribute('aria-label') ||
      region.getAttribute('data-testid');
    return title ? ` in "${snippet(title)}"` : '';
  };
  const name = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const testId = el.getAttribute('data-testid');
    const cls = [...el.classList]
      .slice(0, 3)
      .map((c) => `.${c}`)
      .join('');
    return `${el.tagName.toLowerCase()}${id}${cls}${testId ? `[data-testid=${testId}]` : ''}`;
  };
  const describeEl = (el: Element, text?: string): string => {
    const words = snippet(
      text ?? (el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.textContent),
    );
    return `${name(el)}${words ? ` "${words}"` : ''}${context(el)}`;
  };
  const px = (b: Box) =>
    `${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)} at (${Math.round(b.left)},${Math.round(b.top)})`;
  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const w = (b: Box) => b.right - b.left;
  const h = (b: Box) => b.bottom - b.top;
  const visible = (el: Element) =>
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });

  // Clip boxes: the part of the page an element can show through its overflow-clipping ancestors
  // (`box`), and the part it could show once every scrolling ancestor is scrolled to it (`fixed`: only
  // the edges that do not scroll, an `overflow: hidden` box's or a scrolling box's other axis). Text
  // outside `box` but inside `fixed` is scrolled out of view, reachable; outside `fixed` it is cut.
  type Clip = { box: Box; fixed: Box; clipper: Element | null; scroller: boolean };
  const clipCache = new Map<Element, Clip>();
  const everything: Box = { left: -1e6, top: -1e6, right: 1e6, bottom: 1e6 };
  const clipOf = (el: Element | null): Clip => {
    if (!el || el === document.documentElement || el === document.body) {
      return { box: everything, fixed: everything, clipper: null, scroller: false };
    }
    const cached = clipCache.get(el);
    if (cached) return cached;
    const parent = clipOf(el.parentElement);
    const style = getComputedStyle(el);
    let clip = parent;
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const r = el.getBoundingClientRect();
      // clientWidth and friends are in the element's own CSS pixels; under a CSS zoom (a lesson's
      // panel in presentation mode) its box on screen is that many times larger.
      const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const own: Box = {
        left: style.overflowX === 'visible' ? -1e6 : r.left + el.clientLeft * z,
        right: style.overflowX === 'visible' ? 1e6 : r.left + (el.clientLeft + el.clientWidth) * z,
        top: style.overflowY === 'visible' ? -1e6 : r.top + el.clientTop * z,
        bottom: style.overflowY === 'visible' ? 1e6 : r.top + (el.clientTop + el.clientHeight) * z,
      };
      const scrollsX = /auto|scroll/.test(style.overflowX);
      const scrollsY = /auto|scroll/.test(style.overflowY);
      // A scrolling axis reaches as far as the box can scroll from where it is, and no further.
      const fixedOwn: Box = {
        left: scrollsX ? own.left - el.scrollLeft * z : own.left,
        right: scrollsX ? own.right + (el.scrollWidth - el.clientWidth - el.scrollLeft) * z : own.right,
        top: scrollsY ? own.top - el.scrollTop * z : own.top,
        bottom: scrollsY ? own.bottom + (el.scrollHeight - el.clientHeight - el.scrollTop) * z : own.bottom,
      };
      clip = {
        box: intersect(parent.box, own),
        fixed: intersect(parent.fixed, fixedOwn),
        clipper: el,
        scroller: scrollsX || scrollsY,
      };
    }
    if (style.position === 'fixed')
      clip = { box: everything, fixed: everything, clipper: null, scroller: false };
    clipCache.set(el, clip);
    return clip;
  };
  /** Screen-reader-only text sits in a 1×1 px clipped box: not shown, so not judged. */
  const hiddenForScreenReaders = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      if ((r.width <= 1 || r.height <= 1) && s.overflow !== 'visible') return true;
      // Under a CSS zoom the 1×1 box grows with it; its clip to nothing still hides it.
      if (s.position === 'absolute' && /^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(s.clip))
        return true;
    }
    return false;
  };

  // 1. Horizontal scroll of the page, with the elements that stick out.
  const doc = document.documentElement;
  if (doc.scrollWidth > vw + SLACK || doc.scrollWidth > doc.clientWidth + SLACK) {
    const sticking = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + SLACK || !visible(el)) return false;
      return ![...el.children].some((c) => c.getBoundingClientRect().right > vw + SLACK);
    });
    const first = sticking[0];
    add(
      'hscroll',
      `page is ${doc.scrollWidth} px wide on a ${vw} px screen${first ? `; sticks out: ${describeEl(first)} ${px(first.getBoundingClientRect())}` : ''}`,
    );
  }

  // 2. Text: every visible text node, line by line.
  type Line = { box: Box; el: Element; text: string; node: number };
  const lines: Line[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const reportedCut = new Set<Element>();
  let nodeIndex = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodeIndex++;
    const text = node.textContent ?? '';
    // An SVG <text> is an Element, not the HTMLElement parentElement is typed as.
    const el: Element | null = node.parentElement;
    if (!el || !text.trim() || el.closest('script, style, noscript, title, option')) continue;
    if (!visible(el) || hiddenForScreenReaders(el)) continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    if (!rects.length) continue;
    const clip = clipOf(el);
    const style = getComputedStyle(el);
    if (opts.present) {
      // SVG text is drawn at its font size times the drawing's scale (which includes any CSS zoom);
      // HTML text at its font size times the CSS zoom of its ancestors (not in the computed size).
      const svg = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
      const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const scale = svg ? Math.hypot(svg.a, svg.b) : zoom;
      const size = parseFloat(style.fontSize) * scale;
      if (size < opts.minFontPx - 0.5) {
        add('small-text', `${describeEl(el, text)} is ${size.toFixed(1)} px (needs ${opts.minFontPx})`);
      }
    }
    for (const r of rects) {
      const box: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      const shown = intersect(box, clip.box);
      const fullyHidden = w(shown) <= 0 || h(shown) <= 0;
      // Cut: hidden by an edge that does not scroll. What only a scrolling box hides (in part or
      // whole, however deep inside it the text is) is scrolled out of view: reachable, not cut.
      const reachable = intersect(box, clip.fixed);
      const clipped =
        w(reachable) <= 0 ||
        h(reachable) <= 0 ||
        reachable.left > box.left + SLACK ||
        reachable.right < box.right - SLACK ||
        reachable.top > box.top + SLACK ||
        reachable.bottom < box.bottom - SLACK;
      if (fullyHidden && !clipped) continue;
      if (clipped && !reportedCut.has(el)) {
        reportedCut.add(el);
        add(
          'cut',
          `${describeEl(el, text)} cut by the edge of ${clip.clipper ? name(clip.clipper) : 'its box'} (text ${px(box)})`,
        );
      }
      if (fullyHidden) continue;
      const offScreen =
        shown.left < -SLACK || shown.right > vw + SLACK || (opts.present && shown.bottom > vh + SLACK);
      if (offScreen && !reportedCut.has(el)) {
        reportedCut.add(el);
        add('cut', `${describeEl(el, text)} runs off the screen (text ${px(shown)})`);
      }
      lines.push({ box: shown, el, text, node: nodeIndex });
    }
    // Ellipsis or clipped overflow on the text's own box.
    if (
      !reportedCut.has(el) &&
      style.overflowX !== 'visible' &&
      !/auto|scroll/.test(style.overflowX) &&
      el.scrollWidth > el.clientWidth + SLACK
    ) {
      reportedCut.add(el);
      add('cut', `${describeEl(el, text)} is wider than its box (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
  }

  // 3. Text over text: lines of different text nodes that share more than a sliver.
  lines.sort((a, b) => a.box.left - b.box.left);
  const seenPairs = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    for (let j = i + 1; j < lines.length; j++) {
      const b = lines[j]!;
      if (b.box.left >= a.box.right) break;
      if (a.node === b.node) continue;
      // Layers of a drawn 3-D stack hide each other on purpose (the front layer is opaque).
      const stack = a.el.closest('[data-layer-stack]');
      if (stack && stack === b.el.closest('[data-layer-stack]')) continue;
      const o = intersect(a.box, b.box);
      if (w(o) <= 2 || h(o) <= Math.max(2, 0.3 * Math.min(h(a.box), h(b.box)))) continue;
      const key = `${a.text}|${b.text}`;
      if (seenPairs.has(key)) continue;
      seenPairs.add(key);
      add('overlap', `${describeEl(a.el, a.text)} overlaps ${describeEl(b.el, b.text)} (${px(o)})`);
    }
  }

  // 4. Boxes over boxes: panels, pictures and drawings that are not nested but share area.
  const boxes = [
    ...document.querySelectorAll(
      '#main section, #main fieldset, #main figure, #main canvas, #main img, #main svg:not(svg svg)',
    ),
  ].filter((el) => visible(el) && !hiddenForScreenReaders(el) && !el.closest('[data-layer-stack]'));
  // Each as much of it as its clipping ancestors show: the part of a box scrolled out of its scrolling
  // box (a question's answers under a presented phone's text box) is not drawn over its neighbour.
  const shownBox = (el: Element): Box => intersect(el.getBoundingClientRect(), clipOf(el.parentElement).box);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    const ra = shownBox(a);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      if (a.contains(b) || b.contains(a)) continue;
      const o = intersect(ra, shownBox(b));
      if (w(o) > 4 && h(o) > 4) add('covered', `${describeEl(a)} and ${describeEl(b)} overlap (${px(o)})`);
    }
  }

  // 5. Touch targets. Inline links inside a sentence are exempt (WCAG 2.5.8 "inline").
  const targets = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=slider], [role=tab], [role=radio], [role=checkbox], [role=switch], [role=menuitem], [tabindex]:not([tabindex="-1"])',
  );
  const judged = new Set<Element>();
  for (const el of targets) {
    let target: Element = el;
    const r0 = el.getBoundingClientRect();
    const input = el instanceof HTMLInputElement ? el : null;
    // A checkbox, radio or file input is hit through its label too; a hidden one only there.
    if (input && (/checkbox|radio|file/.test(input.type) || r0.width <= 1 || r0.height <= 1)) {
      const label =
        input.closest('label') ?? (input.id ? document.querySelector(`label[for="${input.id}"]`) : null);
      if (label) target = label;
    }
    if (judged.has(target) || !visible(target)) continue;
    judged.add(target);
    const r = target.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    if (target.tagName === 'A' && getComputedStyle(target).display === 'inline') {
      const sentence = target.parentElement?.textContent ?? '';
      if (sentence.trim().length > (target.textContent ?? '').trim().length + 2) continue;
    }
    if (r.width < opts.minTarget - 0.5 || r.height < opts.minTarget - 0.5) {
      add('target', `${describeEl(target)} is ${px(r)} (needs ${opts.minTarget}×${opts.minTarget})`);
    }
  }

  // 6. Presentation mode: nothing scrolls vertically.
  if (opts.present) {
    const scrolling = document.scrollingElement ?? doc;
    if (scrolling.scrollHeight > vh + SLACK) {
      add('vscroll', `page is ${scrolling.scrollHeight} px tall on a ${vh} px screen`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      if (!/auto|scroll/.test(s.overflowY) || el.scrollHeight <= el.clientHeight + SLACK) continue;
      if (!visible(el)) continue;
      add('vscroll', `${describeEl(el)} scrolls: ${el.scrollHeight} px of content in ${el.clientHeight} px`);
    }
  }

  // 7. Presentation on a projector: the main picture fills a good part of the screen.
  if (opts.minVisualFraction !== undefined) {
    let best: { el: Element; area: number } | null = null;
    for (const el of document.querySelectorAll('canvas, svg:not(svg svg), img')) {
      if (!visible(el) || hiddenForScreenReaders(el)) continue;
      const r = el.getBoundingClientRect();
      const shown = intersect(intersect(r, clipOf(el.parentElement).box), {
        left: 0,
        top: 0,
        right: vw,
        bottom: vh,
      });
      const area = Math.max(0, w(shown)) * Math.max(0, h(shown));
      if (!best || area > best.area) best = { el, area };
    }
    const fraction = (best?.area ?? 0) / (vw * vh);
    if (fraction < opts.minVisualFraction) {
      add(
        'small-visual',
        `${best ? `the largest picture, ${describeEl(best.el)} ${px(best.el.getBoundingClientRect())},` : 'no picture'} fills ${Math.round(fraction * 100)}% of the screen (needs ${Math.round(opts.minVisualFraction * 100)}%)`,
      );
    }
  }

  // Inner horizontal scrollers hide content on a small screen just like page scroll does.
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (!/auto|scroll/.test(s.overflowX) || el.scrollWidth <= el.clientWidth + SLACK || !visible(el))
      continue;
    add(
      'hscroll',
      `${describeEl(el)} scrolls sideways: ${el.scrollWidth} px of content in ${el.clientWidth} px`,
    );
  }

  for (const [kind, n] of Object.entries(counts)) {
    if (n > PER_KIND) problems.push({ kind: kind as ProblemKind, where: `…and ${n - PER_KIND} more` });
  }
  return problems;
}
