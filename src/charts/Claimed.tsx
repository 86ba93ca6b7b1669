// A claim on the page (claims/registry.ts): its text as runs with real sub- and superscripts,
// inside an element that carries data-claim="<id>", so the audit finds the claim behind every
// sentence, cell, label and legend entry. HTML here; SVG labels carry the attribute on <text>.
import { memo, type ReactNode } from 'react';
import type { Claim } from '../claims/registry.ts';
import type { Rich } from '../format/rich.ts';

/** The same runs (text and shift), whichever arrays hold them. */
const sameRuns = (a: Rich, b: Rich): boolean =>
  a === b ||
  (a.length === b.length && a.every((r, i) => r.text === b[i].text && r.shift === b[i].shift));

/**
 * Runs as HTML text with <sub>/<sup>; text only, never HTML. Memoised on the runs' content: claims
 * are made anew on every render of a panel, mostly with the same text.
 */
export const Runs = memo(
  function Runs({ runs }: { runs: Rich }): ReactNode {
    return runs.map((r, i) =>
      r.shift === 'sub' ? (
        <sub key={i}>{r.text}</sub>
      ) : r.shift === 'sup' ? (
        <sup key={i}>{r.text}</sup>
      ) : (
        r.text
      ),
    );
  },
  (a, b) => sameRuns(a.runs, b.runs),
);

type Tag = 'span' | 'p' | 'li' | 'td' | 'strong' | 'dt' | 'dd' | 'em';

interface ClaimTextProps {
  claim: Claim;
  as?: Tag;
  className?: string;
  testId?: string;
}

/**
 * The claim's text in a <span> (or the given tag) with data-claim. Memoised on what it renders
 * (the claim's id and text), not on the claim object.
 */
export const ClaimText = memo(function ClaimText({
  claim,
  as: As = 'span',
  className,
  testId,
}: ClaimTextProps): ReactNode {
  return (
    <As className={className} data-claim={claim.id} data-testid={testId}>
      <Runs runs={claim.text} />
    </As>
  );
}, sameClaimText);

function sameClaimText(a: ClaimTextProps, b: ClaimTextProps): boolean {
  return (
    a.as === b.as &&
    a.className === b.className &&
    a.testId === b.testId &&
    a.claim.id === b.claim.id &&
    sameRuns(a.claim.text, b.claim.text)
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
