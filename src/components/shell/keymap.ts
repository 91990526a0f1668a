/**
 * The one key map of CNN Studio. The `?` overlay (KeysDialog) and the README list these rows; the
 * handlers that implement them are `useAppKeys` (?, P, Escape), LessonPlayer (lesson steps) and the
 * players (usePlayerKeys in the explorers, the lesson panels' PlayerControls).
 */
import type { MessageKey } from '../../i18n';

export type KeyRow = { keys: readonly string[]; action: MessageKey };
export type KeyGroup = { title: MessageKey; rows: readonly KeyRow[] };

export const KEYMAP: readonly KeyGroup[] = [
  {
    title: 'ui.keys.groups.everywhere',
    rows: [
      { keys: ['?'], action: 'ui.keys.help' },
      { keys: ['P'], action: 'ui.keys.present' },
      { keys: ['Esc'], action: 'ui.keys.escape' },
      { keys: ['Tab'], action: 'ui.keys.tab' },
    ],
  },
  {
    title: 'ui.keys.groups.lessons',
    rows: [
      { keys: ['Page Down'], action: 'ui.keys.pageDown' },
      { keys: ['Page Up'], action: 'ui.keys.pageUp' },
      { keys: ['←', '→'], action: 'ui.keys.lessonArrows' },
    ],
  },
  {
    title: 'ui.keys.groups.animations',
    rows: [
      { keys: ['←', '→'], action: 'ui.keys.animArrows' },
      { keys: ['Space'], action: 'ui.keys.space' },
      { keys: ['Home', 'End'], action: 'ui.keys.homeEnd' },
    ],
  },
  {
    // ExplainControls: the picture a projector shows changes with a clicker (Explain has no steps).
    title: 'ui.keys.groups.explainPresent',
    rows: [{ keys: ['Page Down', 'Page Up'], action: 'ui.keys.explainPages' }],
  },
];

/** True when a key press belongs to what has the focus (typing, a slider, a list box), not to the page. */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  const role = target.getAttribute('role');
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    target.isContentEditable ||
    role === 'slider' ||
    role === 'spinbutton' ||
    role === 'menuitem' ||
    role === 'radio'
  );
}

/** What a page-wide key press means, or null when it is not one of the app's own keys. */
export function appKeyAction(e: {
  key: string;
  target: EventTarget | null;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  defaultPrevented: boolean;
}): 'help' | 'present' | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return null;
  if (e.key === '?') return 'help';
  if (e.key === 'p' || e.key === 'P') return 'present';
  return null;
}
