// Where a part of the page is a lazily loaded chunk (React.lazy), a failed load must not take the
// whole page down with it: this boundary shows a short note in that part's place instead, and
// the rest of the app keeps working.
import { Component, type ReactNode } from 'react';

export class LoadBoundary extends Component<
  { what: string; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="panel-note" role="status" data-testid="load-failed">
        The {this.props.what} could not be loaded. Reload the page to try again.
      </p>
    );
  }
}
