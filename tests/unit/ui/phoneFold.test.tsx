// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhoneFold, PHONE_QUERY } from '../../../src/components/ui';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A window whose only matching media query is the given one (jsdom has no matchMedia of its own). */
function screenMatching(query: string | null): void {
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: q === query,
    media: q,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

const settings = (
  <label>
    bias <input defaultValue="0" />
  </label>
);

describe('PhoneFold', () => {
  it('shows the settings as they are on a wider screen: no button, nothing hidden', () => {
    screenMatching(null);
    render(
      <PhoneFold className="conv-controls" summary="Vertical edge 3×3">
        {settings}
      </PhoneFold>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByLabelText('bias').closest('[hidden]')).toBeNull();
  });

  it('folds them on a phone behind a button that says what is set, and keeps typed text while folded', () => {
    screenMatching(PHONE_QUERY);
    const { container } = render(
      <PhoneFold className="conv-controls" summary="Vertical edge 3×3 · stride 1">
        {settings}
      </PhoneFold>,
    );
    const button = screen.getByRole('button', { name: /Change the settings.*Vertical edge 3×3 · stride 1/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const region = container.querySelector('.conv-controls');
    expect((region as HTMLElement).hidden).toBe(true);
    expect(button.getAttribute('aria-controls')).toBe(region?.id);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toContain('Hide the settings');
    const bias = screen.getByLabelText('bias');
    fireEvent.change(bias, { target: { value: '0.5' } });

    fireEvent.click(button);
    expect((region as HTMLElement).hidden).toBe(true);
    fireEvent.click(button);
    expect(screen.getByLabelText<HTMLInputElement>('bias').value).toBe('0.5');
    expect((region as HTMLElement).hidden).toBe(false);
  });
});
