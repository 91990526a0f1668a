import { t } from '../../../i18n';
import { usePlayer } from '../../player/usePlayer';

const noSpeedControl = () => {};

/** Play/pause, step back/forward and a scrubber: every animation in the lessons can be paused, stepped and scrubbed. */
export function PlayerControls({
  frame,
  count,
  setFrame,
  label,
  valueText,
  fps,
}: {
  frame: number;
  count: number;
  setFrame: (f: number) => void;
  label: string;
  valueText: string;
  fps?: number;
}) {
  // The explorers' player (one requestAnimationFrame loop, cancelled on pause or unmount); the frame
  // lives with the caller, in the URL, so pausing leaves a shareable link. Lessons fix the speed.
  const { playing, toggle, pause, step, seek } = usePlayer({
    count,
    position: frame,
    onPosition: setFrame,
    speed: fps ?? 8,
    onSpeed: noSpeedControl,
  });
  return (
    <div
      className="learn-player"
      role="group"
      aria-label={label}
      // The key map's "← → step the animation that has focus": once ▶ or a step button has the focus,
      // the arrows step this animation and Space plays or pauses it; the lesson's steps keep Page Up/Down.
      onKeyDown={(e) => {
        const moves: Record<string, () => void> = {
          ArrowRight: () => step(1),
          ArrowLeft: () => step(-1),
          Home: () => step(-count),
          End: () => step(count),
        };
        const act = moves[e.key];
        if (!act || e.altKey || e.ctrlKey || e.metaKey) return;
        // The scrubber moves itself (and the lesson leaves keys on a slider alone).
        if (e.target instanceof HTMLInputElement) return;
        e.preventDefault();
        act();
      }}
    >
      <button type="button" onClick={toggle} aria-label={playing ? t('panels.pause') : t('panels.play')}>
        {playing ? '❚❚ ' + t('panels.pause') : '▶ ' + t('panels.play')}
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={t('panels.stepBack')}
        disabled={frame <= 0}
        onClick={() => step(-1)}
      >
        ◀
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={t('panels.stepForward')}
        disabled={frame >= count - 1}
        onClick={() => step(1)}
      >
        ▶
      </button>
      <label className="learn-scrub">
        <span>{label}</span>
        <input
          type="range"
          min={0}
          max={count - 1}
          step={1}
          value={frame}
          aria-valuetext={valueText}
          onChange={(e) => {
            pause();
            seek(Number(e.target.value));
          }}
        />
      </label>
      <output className="learn-value">{valueText}</output>
    </div>
  );
}
