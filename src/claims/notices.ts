// The page's notices as claims (registry.ts): what the link reader changed in a link (its own
// message, naming the key and why), and what stopped a computation. Both report what the app did,
// not a fact about the model: nothing to recompute.
import type { Adjustment } from '../model/params.ts';
import { claim, DEFINITION, verbatimClaim, type Claim } from './registry.ts';

export function noticeClaim(i: number, message: string): Claim {
  // The notice quotes the link's own text: shown as typed.
  return verbatimClaim(`notice.link.${i}`, message, { params: {} }, DEFINITION);
}

/** `kind`: the first computation the message stopped (its id names the claim). */
export function computeErrorClaim(kind: string, text: string): Claim {
  return claim(`notice.error.${kind}`, text, { params: {} }, DEFINITION);
}

/**
 * A cross-parameter adjustment of the last edit ("P set to 200: …"): what the app did, in the
 * words of the rule that did it; shown verbatim (a reason may quote a file's name).
 */
export function adjustmentClaim(a: Adjustment): Claim {
  return verbatimClaim(
    `notice.adjust.${a.key}`,
    `${a.key} set to ${a.to}: ${a.reason}.`,
    { params: {} },
    DEFINITION,
  );
}
