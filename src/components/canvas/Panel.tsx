import type { ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * A titled panel: every panel says what it shows and its shape, e.g. "conv1 · 6 maps · 28×28".
 * `actions` holds its buttons (Download PNG/CSV), always visible, never behind a hover.
 */
export function Panel({
  title,
  shape,
  children,
  actions,
  className,
  testId,
  id,
}: {
  title: string;
  shape?: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId?: string;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId} aria-labelledby={headingId} id={id}>
      <div className="panel-head">
        <h2 className="panel-title" id={headingId}>
          {title}
          {shape && <span className="shape">{t('canvas.shape', { shape })}</span>}
        </h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
