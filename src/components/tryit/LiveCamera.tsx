import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { readPixels } from '../canvas/readPixels';

/** Frames a second sent while the camera runs: live, and light enough for a 2-core laptop. */
const FRAME_MS = 250;

/**
 * The webcam (getUserMedia) for Try it: once started, the video's centre square is sent to `onFrame`
 * a few times a second, so the answer follows what the camera sees. A denied or missing camera is said
 * in words. The camera stops when this panel leaves.
 */
export function LiveCamera({
  onFrame,
}: {
  onFrame: (rgba: { data: Uint8ClampedArray; width: number; height: number }) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = useRef(onFrame);
  send.current = onFrame;

  useEffect(() => {
    const v = video.current;
    if (!v || !stream) return;
    v.srcObject = stream;
    void v.play().catch(() => {});
    const timer = window.setInterval(() => {
      if (v.videoWidth === 0) return;
      const side = Math.min(v.videoWidth, v.videoHeight);
      const crop = { x: (v.videoWidth - side) / 2, y: (v.videoHeight - side) / 2, side };
      send.current({ data: readPixels(v, 128, 128, crop), width: 128, height: 128 });
    }, FRAME_MS);
    return () => {
      window.clearInterval(timer);
      stream.getTracks().forEach((tr) => tr.stop());
    };
  }, [stream]);

  async function start(): Promise<void> {
    setError(null);
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } }));
    } catch (err) {
      setError(t('tryit.camera.denied', { reason: err instanceof Error ? err.name : String(err) }));
    }
  }

  return (
    <div className="try-camera">
      {stream ? (
        <video ref={video} className="data-camera-video" muted playsInline data-testid="try-camera-video" />
      ) : (
        <button type="button" className="primary" onClick={() => void start()} data-testid="try-camera-start">
          {t('tryit.camera.start')}
        </button>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
