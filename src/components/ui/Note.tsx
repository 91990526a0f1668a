import type { ReactNode } from 'react';

/**
 * Information, not a problem: a sentence that says why something is shown or left out (a model without
 * convolution layers has no Grad-CAM). Calm (the accent colour, not red) and high contrast, announced
 * politely (role="status") rather than interrupting as an alert. Problems and refusals keep the error
 * style (`message error`, role="alert").
 */
export function Note({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <div className="message note" role="status" data-testid={testId}>
      {children}
    </div>
  );
}
