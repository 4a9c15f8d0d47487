/**
 * A net under a view: if drawing it throws, show what happened instead of a blank window.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  /** The view to guard. Give the boundary a `key` per view so that navigating away resets it. */
  readonly children: ReactNode;
}

interface State {
  readonly error?: unknown;
}

/** Catch render errors below and show them in an alert, with a way to try again. */
export class ErrorBoundary extends Component<Readonly<Props>, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('quire: a view failed to render', error, info.componentStack);
  }

  private readonly reset = (): void => this.setState({ error: undefined });

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <ErrorNotice title="This view could not be shown" error={this.state.error} onRetry={this.reset}>
        <a href="#/">Go to the library</a>
      </ErrorNotice>
    );
  }
}
