import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { t } from '../../i18n';

/** Seconds of countdown before a burst starts, and the gap between frames of a burst. */
const COUNTDOWN_S = 3;
const FRAME_MS = 150;

/**
 * The webcam (getUserMedia): start it, then hold the button to capture a burst: a visible 3-2-1
 * countdown, then a frame every FRAME_MS while held, with a frame counter. Each frame goes to
 * `onFrame` as the video's centre square (RGBA). A denied or missing camera is said in words.
 */
export function CameraCapture({
  onFrame,
}: {
  onFrame: (rgba: { data: Uint8ClampedArray; width: number; height: number }) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [frames, setFrames] = useState(0);
  const timer = useRef<number | null>(null);
  const holding = useRef(false);

  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => {});
    }
    return () => stream?.getTracks().forEach((tr) => tr.stop());
  }, [stream]);
  useEffect(() => () => stopTimer(), []);

  async function start(): Promise<void> {
    setError(null);
    try {
      const s = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } });
      setStream(s);
    } catch (err) {
      setError(t('data.make.cameraDenied', { reason: err instanceof Error ? err.name : String(err) }));
    }
  }

  function stopTimer(): void {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }

  function grab(): void {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const side = Math.min(v.videoWidth, v.videoHeight);
    const canvas = new OffscreenCanvas(128, 128);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.drawImage(v, (v.videoWidth - side) / 2, (v.videoHeight - side) / 2, side, side, 0, 0, 128, 128);
    onFrame({ data: ctx.getImageData(0, 0, 128, 128).data, width: 128, height: 128 });
    setFrames((n) => n + 1);
  }

  function tick(left: number): void {
    if (!holding.current) return;
    if (left > 0) {
      setCountdown(left);
      timer.current = window.setTimeout(() => tick(left - 1), 1000);
      return;
    }
    setCountdown(null);
    grab();
    timer.current = window.setTimeout(() => tick(0), FRAME_MS);
  }

  function down(e: ReactPointerEvent<HTMLButtonElement>): void {
    e.currentTarget.setPointerCapture(e.pointerId);
    holding.current = true;
    setFrames(0);
    tick(COUNTDOWN_S);
  }

  function up(): void {
    holding.current = false;
    setCountdown(null);
    stopTimer();
  }

  return (
    <div className="data-camera">
      {!stream ? (
        <button type="button" onClick={() => void start()}>
          {t('data.make.startCamera')}
        </button>
      ) : (
        <>
          <video ref={video} className="data-video" muted playsInline aria-label={t('data.make.video')} />
          <div className="data-camera-row">
            <button
              type="button"
              className="data-hold"
              onPointerDown={down}
              onPointerUp={up}
              onPointerCancel={up}
              onContextMenu={(e) => e.preventDefault()}
              // The keyboard holds it too: Space or Enter down starts, up stops.
              onKeyDown={(e) => {
                if ((e.key === ' ' || e.key === 'Enter') && !e.repeat && !holding.current) {
                  e.preventDefault();
                  holding.current = true;
                  setFrames(0);
                  tick(COUNTDOWN_S);
                }
              }}
              onKeyUp={(e) => {
                if (e.key === ' ' || e.key === 'Enter') up();
              }}
            >
              {t('data.make.hold')}
            </button>
            <button type="button" onClick={() => setStream(null)}>
              {t('data.make.stopCamera')}
            </button>
          </div>
          <p className="data-camera-status" role="status" data-testid="camera-status">
            {countdown !== null
              ? t('data.make.countdown', { n: countdown })
              : t('data.make.frames', { n: frames })}
          </p>
        </>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
