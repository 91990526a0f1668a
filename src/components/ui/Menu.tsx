import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export type MenuItem = {
  id: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  testId?: string;
};

/**
 * A button that opens a short list of actions (a panel's "Download ▾": CSV, PNG). WAI-ARIA menu button:
 * Enter, Space or ↓ opens it on the first item, ↑ on the last; ↑/↓/Home/End move; Enter or Space acts;
 * Escape or Tab closes it and focus returns to the button; a tap outside closes it. Nothing needs hover.
 */
export function Menu({
  label,
  buttonText,
  items,
  testId,
  align = 'end',
}: {
  /** What the button is called for a screen reader ("Download: conv1 maps"). */
  label: string;
  /** What the button shows. */
  buttonText: string;
  items: readonly MenuItem[];
  testId?: string;
  align?: 'start' | 'end';
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();

  const enabled = items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0);
  const openAt = (which: 'first' | 'last') => {
    setActive(which === 'first' ? (enabled[0] ?? 0) : (enabled[enabled.length - 1] ?? 0));
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    list.current?.querySelectorAll<HTMLElement>('[role=menuitem]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const move = (by: number) => {
    if (enabled.length === 0) return;
    const at = Math.max(0, enabled.indexOf(active));
    setActive(enabled[(at + by + enabled.length) % enabled.length]!);
  };
  const act = (i: number) => {
    const it = items[i];
    if (!it || it.disabled) return;
    close(true);
    it.onSelect();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      openAt(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onListKey = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      ArrowRight: () => {},
      ArrowLeft: () => {},
      Home: () => setActive(enabled[0] ?? 0),
      End: () => setActive(enabled[enabled.length - 1] ?? 0),
      Escape: () => close(true),
      Enter: () => act(active),
      ' ': () => act(active),
    };
    if (e.key === 'Tab') {
      setOpen(false);
      return;
    }
    const f = keys[e.key];
    if (!f) return;
    e.preventDefault();
    e.stopPropagation();
    f();
  };

  return (
    <div className={`ui-menu ui-menu-${align}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="ui-menu-button secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        data-testid={testId}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={onButtonKey}
      >
        {buttonText} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul className="ui-menu-list" role="menu" id={id} aria-label={label} ref={list} onKeyDown={onListKey}>
          {items.map((it, i) => (
            <li
              key={it.id}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              aria-disabled={it.disabled || undefined}
              data-testid={it.testId}
              className="ui-menu-item"
              onClick={() => act(i)}
            >
              {it.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
