// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMediaQuery } from '../../../src/components/ui/useMediaQuery';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A matchMedia whose lists can be switched and that counts the lists made and the listeners added. */
function fakeMatchMedia() {
  const listeners = new Set<() => void>();
  const counts = { lists: 0, subscribes: 0 };
  let matches = false;
  vi.stubGlobal('matchMedia', (q: string) => {
    counts.lists++;
    return {
      get matches() {
        return matches;
      },
      media: q,
      addEventListener: (_: string, f: () => void) => {
        counts.subscribes++;
        listeners.add(f);
      },
      removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    };
  });
  const set = (m: boolean) => {
    matches = m;
    listeners.forEach((f) => f());
  };
  return { counts, listeners, set };
}

let bump: () => void = () => undefined;
function Probe({ query }: { query: string }) {
  const [n, setN] = useState(0);
  bump = () => setN((v) => v + 1);
  return <p data-n={n}>{useMediaQuery(query) ? 'phone' : 'wide'}</p>;
}

describe('useMediaQuery', () => {
  it('follows the query, and re-renders (a bias change above it) make no new list or subscription', () => {
    const mm = fakeMatchMedia();
    const { container } = render(<Probe query="(max-width: 599.98px)" />);
    expect(container.textContent).toBe('wide');
    const made = { ...mm.counts };
    for (let i = 0; i < 10; i++) act(() => bump());
    expect(mm.counts).toEqual(made);
    expect(mm.listeners.size).toBe(1);
    act(() => mm.set(true));
    expect(container.textContent).toBe('phone');
    act(() => mm.set(false));
    expect(container.textContent).toBe('wide');
  });

  it('a new query gets a new list, and the old one is let go', () => {
    const mm = fakeMatchMedia();
    const { rerender } = render(<Probe query="(max-width: 599.98px)" />);
    rerender(<Probe query="(min-width: 1600px)" />);
    expect(mm.counts.lists).toBe(2);
    expect(mm.listeners.size).toBe(1);
  });
});
