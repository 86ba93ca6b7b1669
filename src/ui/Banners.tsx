// Banners: what the URL parser changed (url-notice), and computation errors (compute-error).
// Everything shown comes from our own messages; untrusted text inside them is rendered as text.
import { describeError } from '../protocol/errors.ts';
import { retryCompute } from '../compute/index.ts';
import { COMPUTE_KINDS, type ComputeKind } from '../protocol/kinds.ts';
import { actions, useApp } from '../state/hooks.ts';
import { ClaimText } from '../charts/Claimed.tsx';
import { computeErrorClaim, noticeClaim } from '../claims/notices.ts';

export function UrlNotice() {
  const notices = useApp((s) => s.urlNotices);
  if (notices.length === 0) return null;
  return (
    <div className="banner banner--notice" role="alert" data-testid="url-notice">
      <div>
        <strong>Some settings in this link were changed:</strong>
        <ul>
          {notices.map((n, i) => (
            <ClaimText key={i} as="li" claim={noticeClaim(i, n.message)} />
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
  // One line per distinct message (a missing spectrum file stops every computation alike).
  const byMessage = new Map<string, ComputeKind[]>();
  const errorKind = new Map<string, string>();
  for (const [kind, e] of entries) {
    const m = describeError(e);
    byMessage.set(m, [...(byMessage.get(m) ?? []), kind]);
    errorKind.set(m, e.kind);
  }
  return (
    <div className="banner banner--error" role="alert" data-testid="compute-error">
      <ul>
        {[...byMessage].map(([message, kinds]) => (
          // data-kind: the first computation the line names (hooks for tests), data-kinds: all.
          <li
            key={kinds[0]}
            data-kind={kinds[0]}
            data-kinds={kinds.join(' ')}
            data-error-kind={errorKind.get(message)}
          >
            <ClaimText
              claim={computeErrorClaim(
                kinds[0],
                `${kinds.map((k) => COMPUTE_KINDS[k].label).join(', ')}: ${message}`,
              )}
            />
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
