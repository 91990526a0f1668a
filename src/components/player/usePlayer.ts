import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../i18n';
import type { HeatmapHighlight } from '../canvas/drawHeatmap';

export type Player = {
  position: number;
  count: number;
  playing: boolean;
  speed: number;
  toggle: () => void;
  pause: () => void;
  /** Moves by `delta` positions (negative goes back), clamped to 0..count−1; pauses. */
  step: (delta: number) => void;
  seek: (position: number) => void;
  setSpeed: (speed: number) => void;
};

/**
 * One animation player for every step-through view: a single requestAnimationFrame loop that runs
 * only while playing, advancing `speed` positions per second. The position itself is owned by the
 * caller (it lives in the URL), so hovering, scrubbing and playing all move the same value.
 */
export function usePlayer(opts: {
  count: number;
  position: number;
  onPosition: (position: number) => void;
  speed: number;
  onSpeed: (speed: number) => void;
}): Player {
  const { count, onPosition, onSpeed } = opts;
  const position = Math.max(0, Math.min(count - 1, opts.position));
  const [playing, setPlaying] = useState(false);
  const live = useRef({ position, count, speed: opts.speed, onPosition });
  live.current = { position, count, speed: opts.speed, onPosition };

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      const s = live.current;
      carry += ((now - last) / 1000) * s.speed;
      last = now;
      const advance = Math.floor(carry);
      if (advance > 0) {
        carry -= advance;
        const next = Math.min(s.count - 1, s.position + advance);
        s.onPosition(next);
        if (next >= s.count - 1) {
          setPlaying(false);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const clamp = useCallback((p: number) => Math.max(0, Math.min(live.current.count - 1, p)), []);
  const toggle = useCallback(() => {
    setPlaying((p) => {
      // Play from the start again when the animation already reached the end.
      if (!p && live.current.position >= live.current.count - 1) live.current.onPosition(0);
      return !p && live.current.count > 1;
    });
  }, []);
  const pause = useCallback(() => setPlaying(false), []);
  const step = useCallback(
    (delta: number) => {
      setPlaying(false);
      live.current.onPosition(clamp(live.current.position + delta));
    },
    [clamp],
  );
  const seek = useCallback((p: number) => live.current.onPosition(clamp(p)), [clamp]);
  return { position, count, playing, speed: opts.speed, toggle, pause, step, seek, setSpeed: onSpeed };
}

/** Space, ←, →, Home and End drive the player from anywhere on the page except text fields. */
export function usePlayerKeys(player: Player): void {
  const ref = useRef(player);
  ref.current = player;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const tag = t?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t?.isContentEditable) {
        if (!(tag === 'INPUT' && (t as HTMLInputElement).type === 'range')) return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const p = ref.current;
      if (e.key === ' ') p.toggle();
      else if (e.key === 'ArrowRight') p.step(1);
      else if (e.key === 'ArrowLeft') p.step(-1);
      else if (e.key === 'Home') p.step(-p.count);
      else if (e.key === 'End') p.step(p.count);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The sliding window's outline in the explorers (styles.css uses the same orange). */
export const WINDOW_COLOR = '#f08c00';

/**
 * What an output map needs to follow the grid player: the current cell outlined and shown in the
 * read-out, the cells up to it filled in, and pointing at or clicking a cell moving the player there.
 * Every field keeps its identity while the cell stays put, so a memoised map panel skips the render.
 */
export type GridCursor = {
  highlights: HeatmapHighlight[];
  focusCell: { row: number; col: number };
  filled: number;
  onCellHover: (cell: { row: number; col: number } | null) => void;
  onCellClick: (cell: { row: number; col: number }) => void;
};

/**
 * The explorers' player: one position per output cell of an `outH × outW` map, in reading order, kept
 * in the URL (`step`, `speed`) and driven by the keyboard. Returns the player, the current cell, the
 * words for a position ("output row 2, col 3") and the cursor for the output maps.
 */
export function useGridPlayer(
  outH: number,
  outW: number,
  settings: { step: number; speed: number },
  update: (patch: { step?: number; speed?: number }) => void,
): { player: Player; oy: number; ox: number; describe: (position: number) => string; cursor: GridCursor } {
  const player = usePlayer({
    count: Math.max(1, outH * outW),
    position: settings.step,
    onPosition: (step) => update({ step }),
    speed: settings.speed,
    onSpeed: (speed) => update({ speed }),
  });
  usePlayerKeys(player);
  const cols = Math.max(1, outW);
  const oy = Math.floor(player.position / cols);
  const ox = player.position % cols;
  const describe = useCallback(
    (p: number) => t('conv.describe', { row: String(Math.floor(p / cols)), col: String(p % cols) }),
    [cols],
  );
  const highlights = useMemo<HeatmapHighlight[]>(
    () => [{ row: oy, col: ox, rows: 1, cols: 1, color: WINDOW_COLOR, width: 3 }],
    [oy, ox],
  );
  const focusCell = useMemo(() => ({ row: oy, col: ox }), [oy, ox]);
  const onCell = useCallback(
    (cell: { row: number; col: number } | null) => {
      if (cell) update({ step: cell.row * outW + cell.col });
    },
    [update, outW],
  );
  const cursor = {
    highlights,
    focusCell,
    filled: player.position + 1,
    onCellHover: onCell,
    onCellClick: onCell,
  };
  return { player, oy, ox, describe, cursor };
}
