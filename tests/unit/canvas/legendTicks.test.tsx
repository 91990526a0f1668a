// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ColorLegend } from '../../../src/components/canvas/ColorLegend';
import { formatLegendValue, legendDecimals } from '../../../src/components/canvas/legendTicks';

afterEach(cleanup);

describe('legend end values', () => {
  it('gets the decimals a small range needs, and no fewer than asked', () => {
    expect(legendDecimals([-0.0042, 0.003], 2)).toBe(4);
    expect(legendDecimals([0, 0.05], 2)).toBe(3);
    expect(legendDecimals([0, 0.5], 2)).toBe(2);
    expect(legendDecimals([-3, 12], 0)).toBe(0);
    expect(legendDecimals([0, 0], 2)).toBe(2);
    expect(legendDecimals([0, 1e-9], 2)).toBe(6);
  });

  it('never prints a value that is not zero as 0', () => {
    expect(formatLegendValue(0.0042, 4)).toBe('0.0042');
    expect(formatLegendValue(-0.0042, 4)).toBe('−0.0042');
    expect(formatLegendValue(3.2e-9, 6)).toBe('3.2e−9');
    expect(formatLegendValue(-3.2e-9, 6)).toBe('−3.2e−9');
    expect(formatLegendValue(0, 2)).toBe('0');
  });

  it('a diverging legend of a saliency-sized range reads −0.003 0 0.003, not 0 0 0', () => {
    const { container } = render(<ColorLegend scale={{ kind: 'diverging', domain: [-0.003, 0.003] }} />);
    const ticks = [...container.querySelectorAll('.legend-ticks span')].map((s) => s.textContent);
    expect(ticks).toEqual(['−0.003', '0', '0.003']);
    expect(container.querySelector('figure')?.getAttribute('aria-label')).toContain('0.003');
  });
});
