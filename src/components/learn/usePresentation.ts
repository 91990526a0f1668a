import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Full screen where the browser allows it (Fullscreen API), else a fixed full-window layer: both look
 * the same to the class. Controls show on mouse move, key press or focus and hide after a pause.
 */
export function usePresentation(present: boolean, setPresent: (on: boolean) => void) {
  const [chrome, setChrome] = useState(true);
  const timer = useRef<number | undefined>(undefined);
  const weWentFullscreen = useRef(false);

  const poke = useCallback(() => {
    setChrome(true);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setChrome(false), 2500);
  }, []);

  useEffect(() => {
    if (!present) {
      setChrome(true);
      return;
    }
    poke();
    window.addEventListener('mousemove', poke);
    window.addEventListener('keydown', poke);
    window.addEventListener('focusin', poke);
    window.addEventListener('pointerdown', poke);
    return () => {
      window.removeEventListener('mousemove', poke);
      window.removeEventListener('keydown', poke);
      window.removeEventListener('focusin', poke);
      window.removeEventListener('pointerdown', poke);
      window.clearTimeout(timer.current);
    };
  }, [present, poke]);

  // The browser eats Escape to leave full screen; follow it out of presentation mode too.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && weWentFullscreen.current) {
        weWentFullscreen.current = false;
        setPresent(false);
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [setPresent]);

  const enter = useCallback(() => {
    setPresent(true);
    const el = document.documentElement;
    if (el.requestFullscreen && !document.fullscreenElement) {
      el.requestFullscreen().then(
        () => {
          weWentFullscreen.current = true;
        },
        () => {
          // Refused (iframe, kiosk policy): the full-window layer is the fallback.
        },
      );
    }
  }, [setPresent]);

  const exit = useCallback(() => {
    if (document.fullscreenElement) {
      weWentFullscreen.current = false;
      void document.exitFullscreen().catch(() => {});
    }
    setPresent(false);
  }, [setPresent]);

  return { chromeVisible: chrome, enter, exit };
}
