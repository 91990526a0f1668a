import { useEffect, useRef, useState } from 'react';
import { t } from '../../../i18n';

/**
 * Play/pause over frames 0…count−1 with one requestAnimationFrame loop (cancelled on pause, unmount or
 * a new run). The frame itself lives with the caller (the URL), so pausing leaves a shareable link.
 */
export function usePlayer(frame: number, count: number, setFrame: (f: number) => void, fps = 8) {
  const [playing, setPlaying] = useState(false);
  const latest = useRef({ frame, setFrame });
  latest.current = { frame, setFrame };

  useEffect(() => {
    if (!playing) return;
    let handle = 0;
    let last = performance.now();
    let acc = 0;
    const tick = (now: number) => {
      acc += now - last;
      last = now;
      const { frame: f, setFrame: set } = latest.current;
      if (acc >= 1000 / fps) {
        acc = 0;
        if (f >= count - 1) {
          setPlaying(false);
          return;
        }
        set(f + 1);
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [playing, count, fps]);

  const toggle = () => {
    if (!playing && latest.current.frame >= count - 1) latest.current.setFrame(0);
    setPlaying((p) => !p);
  };
  return { playing, toggle, pause: () => setPlaying(false) };
}

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
  const { playing, toggle, pause } = usePlayer(frame, count, setFrame, fps);
  return (
    <div className="learn-player" role="group" aria-label={label}>
      <button type="button" onClick={toggle} aria-label={playing ? t('panels.pause') : t('panels.play')}>
        {playing ? '❚❚ ' + t('panels.pause') : '▶ ' + t('panels.play')}
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={t('panels.stepBack')}
        disabled={frame <= 0}
        onClick={() => {
          pause();
          setFrame(Math.max(0, frame - 1));
        }}
      >
        ◀
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={t('panels.stepForward')}
        disabled={frame >= count - 1}
        onClick={() => {
          pause();
          setFrame(Math.min(count - 1, frame + 1));
        }}
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
            setFrame(Number(e.target.value));
          }}
        />
      </label>
      <output className="learn-value">{valueText}</output>
    </div>
  );
}
