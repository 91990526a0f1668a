import { Component, type ReactNode } from 'react';
import { t } from '../../i18n';

type Props = { where: string; children: ReactNode };
type State = { error: Error | null };

/** Keeps one broken area from blanking the whole page; the other areas keep working. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error-box">
        <h2>{t('shell.crashed.title', { where: this.props.where })}</h2>
        <p>{this.state.error.message}</p>
        <p>{t('shell.crashed.others')}</p>
      </div>
    );
  }
}
