import { Component, type ReactNode } from 'react';

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
        <h2>{this.props.where} stopped working</h2>
        <p>{this.state.error.message}</p>
        <p>The other areas still work. Reloading the page restarts this one.</p>
      </div>
    );
  }
}
