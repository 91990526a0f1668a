// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFrameLater } from '../../../src/components/train/useFrameLater';

afterEach(cleanup);

function Show({ value, now }: { value: number; now?: (v: number) => boolean }) {
  const shown = useFrameLater(value, now);
  return <output>{shown}</output>;
}

describe('useFrameLater', () => {
  it('shows a change only after a frame and a task, not in the render that made it', async () => {
    const { container, rerender } = render(<Show value={1} />);
    expect(container.textContent).toBe('1');
    rerender(<Show value={2} />);
    expect(container.textContent).toBe('1');
    await act(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 5))));
    await vi.waitFor(() => expect(container.textContent).toBe('2'));
  });

  it('shows a change at once when `now` says so, and the next one later again', async () => {
    const positive = (v: number) => v > 0;
    const { container, rerender } = render(<Show value={0} now={positive} />);
    rerender(<Show value={5} now={positive} />);
    expect(container.textContent).toBe('5');
    rerender(<Show value={0} now={positive} />);
    expect(container.textContent).toBe('5');
    await act(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 5))));
    await vi.waitFor(() => expect(container.textContent).toBe('0'));
  });
});
