import { useId, useState, type ReactNode } from 'react';
import { t } from '../../i18n';
import { useMediaQuery } from './useMediaQuery';

/** Phones in portrait: where a bar of settings would fill the first screen before the picture. */
export const PHONE_QUERY = '(max-width: 599.98px)';

/**
 * A bar of settings that a phone folds away behind one button naming what is set ("Vertical edge 3×3 ·
 * stride 1"), so that the first screen shows the picture and the player rather than eight drop-downs.
 * Wider screens show the settings as they are. Folded settings stay mounted (`hidden`), so a half-typed
 * value or a focused control keeps its state when the fold closes.
 */
export function PhoneFold({
  summary,
  className,
  children,
}: {
  /** What is set now, in a few words: the button's second line. */
  summary: string;
  className: string;
  children: ReactNode;
}) {
  const phone = useMediaQuery(PHONE_QUERY);
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!phone) return <div className={className}>{children}</div>;
  return (
    <div className="phone-fold">
      <button
        type="button"
        className="phone-fold-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="phone-fold-title">{open ? t('ui.fold.hide') : t('ui.fold.show')}</span>
        <span className="phone-fold-summary">{summary}</span>
        <span className="phone-fold-mark" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div id={id} className={className} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
