import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../../i18n';

type Props = {
  where: string;
  children: ReactNode;
  /** When this changes after a crash (e.g. the link was corrected), the children are tried again. */
  resetKey?: string;
};
type State = { error: Error | null; lastKey: string | undefined };

/**
 * Keeps one broken area from blanking the whole page; the other areas keep working. The person sees a
 * plain sentence; the internal error goes to the console for developers.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, lastKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // A crash is kept until the key changes; then the children get a fresh try.
    return props.resetKey !== state.lastKey ? { error: null, lastKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.where} crashed:`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error-box">
        <h2>{t('shell.crashed.title', { where: this.props.where })}</h2>
        <p>{t('shell.crashed.others')}</p>
      </div>
    );
  }
}
