// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfusionPanel } from '../../../src/components/train/EvalPanels';

afterEach(cleanup);

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const confusion = new Int32Array(100).map((_, i) => (i % 11 === 0 ? 90 : i % 3));
const set = { images: new Uint8Array(784), labels: new Uint8Array(1) };

function Table({ on, contained }: { on: boolean; contained: boolean }) {
  return (
    <ConfusionPanel
      confusion={on ? confusion : null}
      predictions={on ? new Uint8Array(1) : null}
      set={set}
      epoch={on ? 0 : null}
      onPick={() => {}}
      picked={null}
      classNames={DIGITS}
      contained={contained}
    />
  );
}

const bodyRows = (c: HTMLElement) => c.querySelectorAll('.train-cm tbody tr').length;
const aFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 5))));

describe('ConfusionPanel', () => {
  // At 4× CPU throttling its ~400 new boxes in one frame were a 40–60 ms task at the end of a run.
  it('in the Train area (contained), draws its first table in two frames: half the rows, then all', async () => {
    const { container, rerender } = render(<Table on={false} contained />);
    expect(bodyRows(container)).toBe(0);
    rerender(<Table on contained />);
    expect(bodyRows(container)).toBe(5);
    await aFrame();
    await vi.waitFor(() => expect(bodyRows(container)).toBe(10));
    // A new run clears it at once; its next first table is split again.
    rerender(<Table on={false} contained />);
    expect(bodyRows(container)).toBe(0);
    rerender(<Table on contained />);
    expect(bodyRows(container)).toBe(5);
    await aFrame();
    await vi.waitFor(() => expect(bodyRows(container)).toBe(10));
  });

  it('elsewhere (not contained), draws the whole table at once', () => {
    const { container, rerender } = render(<Table on={false} contained={false} />);
    rerender(<Table on contained={false} />);
    expect(bodyRows(container)).toBe(10);
  });
});
