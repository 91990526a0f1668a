import { memo } from 'react';
import type { Player } from './usePlayer';

/**
 * Play/pause, step back/forward, first/last, a scrubber over every position and a speed choice.
 * `describe` turns a position into words ("row 2, column 3").
 */
type PlayerControlsProps = {
  player: Player;
  speeds: readonly number[];
  describe: (position: number) => string;
  label: string;
};

function PlayerControlsView({ player, speeds, describe, label }: PlayerControlsProps) {
  const { position, count, playing } = player;
  return (
    <div className="player" role="group" aria-label={`${label} animation`} data-testid="player">
      <button
        type="button"
        className="secondary"
        onClick={() => player.step(-count)}
        aria-label="First position (Home)"
        title="First (Home)"
      >
        |◀
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => player.step(-1)}
        aria-label="Step back (←)"
        title="Back (←)"
      >
        ◀
      </button>
      <button
        type="button"
        onClick={player.toggle}
        aria-label={playing ? 'Pause (space)' : 'Play (space)'}
        data-testid="play"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => player.step(1)}
        aria-label="Step forward (→)"
        title="Forward (→)"
      >
        ▶
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => player.step(count)}
        aria-label="Last position (End)"
        title="Last (End)"
      >
        ▶|
      </button>
      <input
        type="range"
        className="player-scrub"
        min={0}
        max={Math.max(0, count - 1)}
        value={position}
        onChange={(e) => {
          player.pause();
          player.seek(Number(e.target.value));
        }}
        aria-label="Position of the window"
        aria-valuetext={describe(position)}
      />
      <span className="player-pos" data-testid="player-position">
        {position + 1} / {count} · {describe(position)}
      </span>
      <label className="player-speed">
        speed{' '}
        <select value={player.speed} onChange={(e) => player.setSpeed(Number(e.target.value))}>
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}/s
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * The player object is new on every render of its owner; what it shows is its position, count,
 * state and speed, and its actions read the owner's latest values through a ref (see usePlayer).
 * Comparing those keeps the bar still while other settings (a bias, a kernel) change.
 */
export const PlayerControls = memo(
  PlayerControlsView,
  (a, b) =>
    a.player.position === b.player.position &&
    a.player.count === b.player.count &&
    a.player.playing === b.player.playing &&
    a.player.speed === b.player.speed &&
    a.speeds === b.speeds &&
    a.label === b.label &&
    a.describe(a.player.position) === b.describe(b.player.position),
);
