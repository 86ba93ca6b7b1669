// A claim on the page (claims/registry.ts): its text as runs with real sub- and superscripts,
// inside an element that carries data-claim="<id>", so the audit finds the claim behind every
// sentence, cell, label and legend entry. HTML here; SVG labels carry the attribute on <text>.
import type { ReactNode } from 'react';
import type { Claim } from '../claims/registry.ts';
import type { Rich } from '../format/rich.ts';

/** Runs as HTML text with <sub>/<sup>; text only, never HTML. */
export function Runs({ runs }: { runs: Rich }): ReactNode {
  return runs.map((r, i) =>
    r.shift === 'sub' ? (
      <sub key={i}>{r.text}</sub>
    ) : r.shift === 'sup' ? (
      <sup key={i}>{r.text}</sup>
    ) : (
      r.text
    ),
  );
}

type Tag = 'span' | 'p' | 'li' | 'td' | 'strong' | 'dt' | 'dd' | 'em';

/** The claim's text in a <span> (or the given tag) with data-claim. */
export function ClaimText({
  claim,
  as: As = 'span',
  className,
  testId,
}: {
  claim: Claim;
  as?: Tag;
  className?: string;
  testId?: string;
}): ReactNode {
  return (
    <As className={className} data-claim={claim.id} data-testid={testId}>
      <Runs runs={claim.text} />
    </As>
  );
}

/** Several claims as one paragraph of sentences, each in its own span, separated by a space. */
export function ClaimSentences({ claims }: { claims: readonly Claim[] }): ReactNode {
  return claims.map((c, i) => (
    <span key={c.id}>
      {i > 0 && ' '}
      <ClaimText claim={c} />
    </span>
  ));
}
