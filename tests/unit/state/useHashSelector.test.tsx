// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  selectArea,
  selectPresenting,
  useHashRoute,
  useHashSelector,
  useSetHashParams,
} from '../../../src/state/useHashRoute';

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '#/convolution?bias=0'));

/** What the app shell reads from the link, with how many times it rendered. */
function Shell({ renders }: { renders: { n: number } }) {
  renders.n++;
  const area = useHashSelector(selectArea);
  const present = useHashSelector(selectPresenting);
  return <output data-testid="shell">{`${area} ${present ? 'present' : ''}`.trim()}</output>;
}

/** An area reading its own settings, as the explorer does. */
function Area({ renders }: { renders: { n: number } }) {
  renders.n++;
  const { params } = useHashRoute();
  return <output data-testid="area">{params.get('bias')}</output>;
}

function go(hash: string) {
  act(() => {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('useHashSelector', () => {
  it("re-renders the shell when the area or present changes, not when an area's own setting does", () => {
    const shell = { n: 0 };
    const area = { n: 0 };
    const { getByTestId } = render(
      <>
        <Shell renders={shell} />
        <Area renders={area} />
      </>,
    );
    expect(getByTestId('shell').textContent).toBe('convolution');
    const [s0, a0] = [shell.n, area.n];
    for (const b of ['0.5', '1', '-2']) go(`#/convolution?bias=${b}`);
    expect(getByTestId('area').textContent).toBe('-2');
    expect(area.n - a0).toBe(3);
    expect(shell.n - s0).toBe(0);
    go('#/convolution?bias=-2&present=1');
    expect(getByTestId('shell').textContent).toBe('convolution present');
    expect(shell.n - s0).toBe(1);
    go('#/pooling?present=1');
    expect(getByTestId('shell').textContent).toBe('pooling present');
    expect(shell.n - s0).toBe(2);
  });

  it('an area writing its settings keeps present=1, and the shell still reads it', () => {
    go('#/convolution?bias=0&present=1');
    const shell = { n: 0 };
    let set: ReturnType<typeof useSetHashParams> | null = null;
    function Writer() {
      set = useSetHashParams('convolution');
      return null;
    }
    const { getByTestId } = render(
      <>
        <Shell renders={shell} />
        <Writer />
      </>,
    );
    const s0 = shell.n;
    act(() => set?.(new URLSearchParams('bias=3')));
    expect(window.location.hash).toBe('#/convolution?bias=3&present=1');
    expect(getByTestId('shell').textContent).toBe('convolution present');
    expect(shell.n - s0).toBe(0);
  });
});
