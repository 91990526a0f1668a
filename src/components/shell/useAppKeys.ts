import { useEffect, useRef } from 'react';
import { appKeyAction } from './keymap';

/** The page-wide keys of the key map: `?` opens the list of keys, `P` switches presentation mode. */
export function useAppKeys(actions: { help: () => void; present: () => void }): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = appKeyAction(e);
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
