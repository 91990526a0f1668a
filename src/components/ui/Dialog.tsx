import { useEffect, useId, useRef, type ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * A modal panel on the native `<dialog>`: the browser traps focus in it, makes the page behind inert for
 * screen readers, and closes it on Escape; focus goes back to what opened it. It renders where it is
 * used (inside the app root), so presentation mode's larger tokens apply to it too.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement;
      // jsdom and very old browsers have no showModal: the open attribute still shows it.
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close();
      else el.removeAttribute('open');
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`ui-dialog${wide ? ' ui-dialog-wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself, outside its content box.
        if (e.target === ref.current) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
        // Keys typed in the dialog are the dialog's: they do not step lessons or players behind it.
        e.stopPropagation();
      }}
    >
      {open && (
        <div className="ui-dialog-body">
          <header className="ui-dialog-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="secondary ui-dialog-close" onClick={onClose}>
              {t('ui.dialog.close')}
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}
