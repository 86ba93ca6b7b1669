// Banners: what the URL parser changed (url-notice), and computation errors (compute-error).
// Everything shown comes from our own messages; untrusted text inside them is rendered as text.
import { describeError } from '../protocol/errors.ts';
import { retryCompute } from '../compute/index.ts';
import { COMPUTE_KINDS, type ComputeKind } from '../protocol/kinds.ts';
import { actions, useApp } from '../state/hooks.ts';

export function UrlNotice() {
  const notices = useApp((s) => s.urlNotices);
  if (notices.length === 0) return null;
  return (
    <div className="banner banner--notice" role="alert" data-testid="url-notice">
      <div>
        <strong>Some settings in this link were changed:</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={i}>{n.message}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn--quiet" onClick={() => actions().dismissNotices()}>
        Dismiss
      </button>
    </div>
  );
}

export function ComputeErrors() {
  const errors = useApp((s) => s.results.errors);
  const entries = Object.entries(errors) as [
    ComputeKind,
    NonNullable<(typeof errors)[ComputeKind]>,
  ][];
  if (entries.length === 0) return null;
  return (
    <div className="banner banner--error" role="alert" data-testid="compute-error">
      <ul>
        {entries.map(([kind, e]) => (
          <li key={kind} data-kind={kind} data-error-kind={e.kind}>
            <strong>{COMPUTE_KINDS[kind].label}:</strong> {describeError(e)}
          </li>
        ))}
      </ul>
      {entries.some(([, e]) => e.kind !== 'param') && (
        <button type="button" className="btn" onClick={() => retryCompute()}>
          Retry
        </button>
      )}
    </div>
  );
}
