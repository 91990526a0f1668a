// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { useCallback, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlayerControls } from '../../../src/components/player/PlayerControls';
import {
  useGridPlayer,
  usePlayer,
  usePlayerKeys,
  WINDOW_COLOR,
} from '../../../src/components/player/usePlayer';

/** The player as the explorers use it: the position lives outside (in their case, the URL). */
function useHarness(count: number, start = 0, startSpeed = 4) {
  const [position, setPosition] = useState(start);
  const [speed, setSpeed] = useState(startSpeed);
  const player = usePlayer({ count, position, onPosition: setPosition, speed, onSpeed: setSpeed });
  usePlayerKeys(player);
  return player;
}

function Harness({ count, start }: { count: number; start?: number }) {
  const player = useHarness(count, start);
  return <PlayerControls player={player} speeds={[1, 4, 16]} describe={(p) => `cell ${p}`} label="Test" />;
}

/** Lets `ms` pass one 16 ms frame at a time, letting React render between frames as a browser would. */
function frames(ms: number) {
  for (let t = 0; t < ms; t += 16) act(() => void vi.advanceTimersByTime(16));
}

const key = (k: string) => act(() => void fireEvent.keyDown(window, { key: k }));

beforeEach(() => {
  // rAF and performance.now move only when the test says so: frames at a fixed 16 ms.
  vi.useFakeTimers({
    toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout'],
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('usePlayer (count=10)', () => {
  it('step ±1 moves one position and clamps at both ends; seek clamps into 0..9', () => {
    const { result } = renderHook(() => useHarness(10, 0));
    act(() => result.current.step(1));
    expect(result.current.position).toBe(1);
    act(() => result.current.step(-1));
    act(() => result.current.step(-1));
    expect(result.current.position).toBe(0);
    act(() => result.current.seek(7));
    expect(result.current.position).toBe(7);
    act(() => result.current.seek(100));
    expect(result.current.position).toBe(9);
    act(() => result.current.step(1));
    expect(result.current.position).toBe(9);
  });

  it('clamps a position from outside (a link asking for step 40) to the last one', () => {
    const { result } = renderHook(() => useHarness(10, 40));
    expect(result.current.position).toBe(9);
  });

  it('play at 4 positions/s advances 4 positions in ~1 s, pause stops it, and it stops by itself at the end', () => {
    const { result } = renderHook(() => useHarness(10, 0, 4));
    act(() => result.current.toggle());
    expect(result.current.playing).toBe(true);
    frames(1010);
    expect(result.current.position).toBe(4);
    act(() => result.current.pause());
    frames(2000);
    expect(result.current.position).toBe(4);
    expect(result.current.playing).toBe(false);
    act(() => result.current.toggle());
    frames(5000);
    expect(result.current.position).toBe(9);
    expect(result.current.playing).toBe(false);
    // Play at the end starts again from the first position.
    act(() => result.current.toggle());
    expect(result.current.position).toBe(0);
    expect(result.current.playing).toBe(true);
  });

  it('a step while playing pauses', () => {
    const { result } = renderHook(() => useHarness(10, 2));
    act(() => result.current.toggle());
    act(() => result.current.step(1));
    expect(result.current.playing).toBe(false);
    expect(result.current.position).toBe(3);
  });

  it('keyboard: → ← Home End move the frame, space plays and pauses; keys typed in a text field are left alone', () => {
    const { result } = renderHook(() => useHarness(10, 5));
    key('ArrowRight');
    expect(result.current.position).toBe(6);
    key('ArrowLeft');
    key('ArrowLeft');
    expect(result.current.position).toBe(4);
    key('End');
    expect(result.current.position).toBe(9);
    key('Home');
    expect(result.current.position).toBe(0);
    key(' ');
    expect(result.current.playing).toBe(true);
    key(' ');
    expect(result.current.playing).toBe(false);

    const field = document.createElement('input');
    document.body.appendChild(field);
    act(() => void fireEvent.keyDown(field, { key: 'End' }));
    expect(result.current.position).toBe(0);
    field.remove();
  });

  it('the controls: scrubbing to 7 shows "8 / 10", the buttons step, first and last', () => {
    render(<Harness count={10} start={2} />);
    const readout = () => screen.getByTestId('player-position').textContent;
    expect(readout()).toBe('3 / 10 · cell 2');
    fireEvent.change(screen.getByLabelText('Position of the window'), { target: { value: '7' } });
    expect(readout()).toBe('8 / 10 · cell 7');
    fireEvent.click(screen.getByLabelText('Step forward (→)'));
    expect(readout()).toMatch(/^9 \/ 10/);
    fireEvent.click(screen.getByLabelText('Step back (←)'));
    expect(readout()).toMatch(/^8 \/ 10/);
    fireEvent.click(screen.getByLabelText('First position (Home)'));
    expect(readout()).toMatch(/^1 \/ 10/);
    fireEvent.click(screen.getByLabelText('Last position (End)'));
    expect(readout()).toMatch(/^10 \/ 10/);
    fireEvent.click(screen.getByTestId('play'));
    expect(screen.getByTestId('play').textContent).toMatch(/Pause/);
    expect(readout()).toMatch(/^1 \/ 10/);
  });
});

describe('the step buttons', () => {
  it('show |◀ ◀ ▶ ▶| with their key in the tooltip, in that order around Play', () => {
    render(<Harness count={10} />);
    const buttons = screen.getAllByRole('button');
    expect(
      buttons.map((b) => [b.textContent, b.getAttribute('aria-label'), b.getAttribute('title')]),
    ).toEqual([
      ['|◀', 'First position (Home)', 'First (Home)'],
      ['◀', 'Step back (←)', 'Back (←)'],
      ['▶ Play', 'Play (space)', null],
      ['▶', 'Step forward (→)', 'Forward (→)'],
      ['▶|', 'Last position (End)', 'Last (End)'],
    ]);
  });
});

describe('useGridPlayer (a 3×4 output map; step and speed in a stand-in for the URL)', () => {
  function useGrid(start: number) {
    const [settings, setSettings] = useState({ step: start, speed: 4 });
    const update = useCallback(
      (patch: { step?: number; speed?: number }) => setSettings((s) => ({ ...s, ...patch })),
      [],
    );
    return { ...useGridPlayer(3, 4, settings, update), settings };
  }

  it('position 6 is output row 1, col 2, and its words say so', () => {
    const { result } = renderHook(() => useGrid(6));
    expect([result.current.oy, result.current.ox]).toEqual([1, 2]);
    expect(result.current.player.count).toBe(12);
    expect(result.current.describe(6)).toBe('output row 1, col 2');
    expect(result.current.describe(11)).toBe('output row 2, col 3');
  });

  it('the cursor outlines the cell, fills up to it, and a click or hover on a cell moves the step there', () => {
    const { result } = renderHook(() => useGrid(6));
    const { cursor } = result.current;
    expect(cursor.highlights).toEqual([{ row: 1, col: 2, rows: 1, cols: 1, color: WINDOW_COLOR, width: 3 }]);
    expect(cursor.focusCell).toEqual({ row: 1, col: 2 });
    expect(cursor.filled).toBe(7);
    act(() => result.current.cursor.onCellClick({ row: 2, col: 3 }));
    expect(result.current.settings.step).toBe(11);
    act(() => result.current.cursor.onCellHover({ row: 0, col: 1 }));
    expect(result.current.settings.step).toBe(1);
    // The pointer leaving the map moves nothing.
    act(() => result.current.cursor.onCellHover(null));
    expect(result.current.settings.step).toBe(1);
  });

  it('the cursor keeps its identity while the cell stays, so a memoised map panel skips the render', () => {
    const { result, rerender } = renderHook(() => useGrid(6));
    const first = result.current.cursor;
    const describe = result.current.describe;
    rerender();
    const { cursor } = result.current;
    expect(cursor.highlights).toBe(first.highlights);
    expect(cursor.focusCell).toBe(first.focusCell);
    expect(cursor.onCellClick).toBe(first.onCellClick);
    expect(cursor.onCellHover).toBe(first.onCellHover);
    expect(result.current.describe).toBe(describe);
    act(() => result.current.player.step(1));
    expect(result.current.cursor.highlights).not.toBe(first.highlights);
    expect(result.current.cursor.focusCell).toEqual({ row: 1, col: 3 });
  });
});
