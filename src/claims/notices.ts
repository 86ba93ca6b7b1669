// The page's notices as claims (registry.ts): what the link reader changed in a link (its own
// message, naming the key and why), and what stopped a computation. Both report what the app did,
// not a fact about the model: nothing to recompute.
import { claim, DEFINITION, verbatimClaim, type Claim } from './registry.ts';

export function noticeClaim(i: number, message: string): Claim {
  // The notice quotes the link's own text: shown as typed.
  return verbatimClaim(`notice.link.${i}`, message, { params: {} }, DEFINITION);
}

/** `kind`: the first computation the message stopped (its id names the claim). */
export function computeErrorClaim(kind: string, text: string): Claim {
  return claim(`notice.error.${kind}`, text, { params: {} }, DEFINITION);
}
