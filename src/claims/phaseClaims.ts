// The phase panel's words as claims (registry.ts): the note on the state's place in the diagram
// (phase.ts's verdict: its numbers quote the state's α, β and the law's value there) and the
// grid's progress (what the app has computed: nothing to recompute).
import type { Params } from '../model/params.ts';
import { quotesParams } from './checks.ts';
import { claim, DEFINITION, type Claim } from './registry.ts';

export function phaseNoteClaim(text: string, p: Params): Claim {
  return claim('phase.note', text, { params: p }, quotesParams(p));
}

export function phaseProgressClaim(text: string): Claim {
  return claim('phase.progress', text, { params: {} }, DEFINITION);
}
