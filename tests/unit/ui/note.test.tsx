// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Note } from '../../../src/components/ui';

afterEach(cleanup);

/** Relative luminance and contrast ratio (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

describe('Note: information, not a problem', () => {
  it('is a polite status in the note style, never an alert in the error style', () => {
    render(
      <Note testId="why">
        <p>This model has no convolution layers.</p>
      </Note>,
    );
    const box = screen.getByRole('status');
    expect(box.getAttribute('data-testid')).toBe('why');
    expect(box.className.split(' ').sort()).toEqual(['message', 'note']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box.textContent).toBe('This model has no convolution layers.');
  });

  it('is drawn in the accent colours with ink text, high contrast, and no red', () => {
    const css = readFileSync('src/styles.css', 'utf8');
    const rule = /\.message\.note \{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/border-color: var\(--accent\)/);
    expect(rule).toMatch(/background: var\(--color-accent-soft\)/);
    expect(rule).toMatch(/color: var\(--ink\)/);
    expect(rule).not.toMatch(/bad/);
    const tokens = readFileSync('src/styles/tokens.css', 'utf8');
    const token = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6})`).exec(tokens)?.[1] ?? '';
    expect(contrast(token('color-ink'), token('color-accent-soft'))).toBeGreaterThan(7);
  });
});
