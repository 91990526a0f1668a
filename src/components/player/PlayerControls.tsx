import { memo } from 'react';
import { t } from '../../i18n';
import type { Player } from './usePlayer';
import { Select } from '../ui';

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
    <div className="player" role="group" aria-label={t('player.groupLabel', { label })} data-testid="player">
      <StepButton player={player} by={-count} name="first" glyph="|◀" />
      <StepButton player={player} by={-1} name="back" glyph="◀" />
      <button
        type="button"
        onClick={player.toggle}
        aria-label={playing ? t('player.pause') : t('player.play')}
        data-testid="play"
      >
        {playing ? t('player.pauseButton') : t('player.playButton')}
      </button>
      <StepButton player={player} by={1} name="forward" glyph="▶" />
      <StepButton player={player} by={count} name="last" glyph="▶|" />
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
        aria-label={t('player.scrub')}
        aria-valuetext={describe(position)}
      />
      <span className="player-pos" data-testid="player-position">
        {t('player.position', { n: String(position + 1), count: String(count), where: describe(position) })}
      </span>
      <Select
        className="player-speed"
        label={t('player.speed')}
        value={player.speed}
        options={speeds.map((s) => ({ value: s, label: t('player.perSecond', { n: String(s) }) }))}
        onChange={player.setSpeed}
      />
    </div>
  );
}

/** A button that moves the player `by` positions (clamped, and pausing it); `name` picks its words. */
function StepButton({
  player,
  by,
  name,
  glyph,
}: {
  player: Player;
  by: number;
  name: 'first' | 'back' | 'forward' | 'last';
  glyph: string;
}) {
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => player.step(by)}
      aria-label={t(`player.${name}`)}
      title={t(`player.${name}Title`)}
    >
      {glyph}
    </button>
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
