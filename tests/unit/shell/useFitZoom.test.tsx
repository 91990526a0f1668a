// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFitZoom } from '../../../src/components/shell/useFitZoom';

/**
 * jsdom lays nothing out, so the stage is a small model of the browser's: a box 1000 px tall and
 * 1600 px wide around the content, whose drawn height depends on what it shows and its CSS zoom. A
 * waiting message is one line (40 px at zoom 1); a presented picture on a projector takes the stage's
 * height (1000 px drawn, at any zoom: presentLessons.css); a plain panel is 500 px at zoom 1.
 */
type Shows = 'loading' | 'fills' | 'panel';
const BOX_H = 1000;
const BOX_W = 1600;

/** The ResizeObservers alive now; `settle` gives each its report, as a browser does after layout. */
const observers = new Set<{ cb: () => void }>();
class FakeResizeObserver {
  private readonly entry: { cb: () => void };
  constructor(cb: () => void) {
    this.entry = { cb };
  }
  observe() {
    observers.add(this.entry);
  }
  unobserve() {}
  disconnect() {
    observers.delete(this.entry);
  }
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  cleanup();
  observers.clear();
  vi.unstubAllGlobals();
});

function Stage({ shows, stepKey }: { shows: Shows; stepKey: string }) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const zoom = useFitZoom(box, content, true, stepKey, { min: 20 / 24 });
  return (
    <div ref={box} data-testid="box">
      <div ref={content} data-testid="content" data-shows={shows} style={zoom === 1 ? undefined : { zoom }}>
        {shows === 'loading' ? <p data-loading="" /> : <figure />}
      </div>
    </div>
  );
}

/** Gives the rendered box and content the model's geometry (read live, so it follows re-renders). */
function layOut(container: HTMLElement): void {
  const box = container.querySelector<HTMLElement>('[data-testid="box"]')!;
  const content = container.querySelector<HTMLElement>('[data-testid="content"]')!;
  const drawnHeight = () => {
    const z = Number.parseFloat(content.style.zoom || '1');
    const shows = content.dataset.shows as Shows;
    return shows === 'fills' ? BOX_H : (shows === 'loading' ? 40 : 500) * z;
  };
  Object.defineProperties(box, {
    clientHeight: { get: () => BOX_H },
    clientWidth: { get: () => BOX_W },
    scrollHeight: { get: () => Math.max(BOX_H, drawnHeight()) },
    scrollWidth: { get: () => BOX_W },
  });
  content.getBoundingClientRect = () => ({ height: drawnHeight(), width: BOX_W }) as DOMRect;
}

/** Observer reports until the zoom stops changing (each zoom change makes new observers). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await act(async () => {
      for (const o of [...observers]) o.cb();
      await Promise.resolve();
    });
  }
}

const zoomOf = (container: HTMLElement) =>
  Number.parseFloat(container.querySelector<HTMLElement>('[data-testid="content"]')!.style.zoom || '1');

describe('useFitZoom', () => {
  it('gives a picture that takes the stage the same zoom whether or not its data had to load first', async () => {
    // Opened with the data already there: the first look is at the real picture.
    const ready = render(<Stage shows="fills" stepKey="filter-stack-3" />);
    layOut(ready.container);
    await settle();
    const meant = zoomOf(ready.container);
    expect(meant).toBeCloseTo(0.98, 2);
    cleanup();

    // A fresh page: the step opens on its waiting message, then the digits come.
    const fresh = render(<Stage shows="loading" stepKey="filter-stack-3" />);
    layOut(fresh.container);
    await settle();
    // The one-line message is not zoomed up to the largest zoom (it was 2.5 before).
    expect(zoomOf(fresh.container)).toBe(1);
    fresh.rerender(<Stage shows="fills" stepKey="filter-stack-3" />);
    await settle();
    expect(zoomOf(fresh.container)).toBeCloseTo(meant, 2);
  });

  it('zooms a plain panel to fit once its data came, as if it had been there from the start', async () => {
    const view = render(<Stage shows="loading" stepKey="a" />);
    layOut(view.container);
    await settle();
    view.rerender(<Stage shows="panel" stepKey="a" />);
    await settle();
    // 1000 / 500 × 0.98, floored to hundredths by the shrinking pass or taken as is.
    expect(zoomOf(view.container)).toBeCloseTo(1.96, 2);
  });

  it('never zooms below 1 under a finger (pointer: coarse), so targets stay 44 px; a mouse still shrinks', async () => {
    // The same picture that a mouse's screen zooms to 0.98 above (it takes the stage's height).
    const query = (coarse: boolean) => (q: string) =>
      ({
        matches: coarse && q === '(pointer: coarse)',
        media: q,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList;
    vi.stubGlobal('matchMedia', query(true));
    const touch = render(<Stage shows="fills" stepKey="c" />);
    layOut(touch.container);
    await settle();
    expect(zoomOf(touch.container)).toBe(1);
    cleanup();
    vi.stubGlobal('matchMedia', query(false));
    const mouse = render(<Stage shows="fills" stepKey="c" />);
    layOut(mouse.container);
    await settle();
    expect(zoomOf(mouse.container)).toBeCloseTo(0.98, 2);
  });

  it('cannot swing for ever when a waiting message comes and goes', async () => {
    const view = render(<Stage shows="panel" stepKey="b" />);
    layOut(view.container);
    await settle();
    const zooms: number[] = [];
    for (let i = 0; i < 8; i++) {
      view.rerender(<Stage shows="loading" stepKey="b" />);
      await settle();
      view.rerender(<Stage shows="fills" stepKey="b" />);
      await settle();
      zooms.push(zoomOf(view.container));
    }
    // Restarts are bounded: after them the zoom stays where it is, whatever comes and goes.
    expect(new Set(zooms.slice(4)).size).toBe(1);
    expect(zooms[0]).toBeCloseTo(0.98, 2);
  });
});
