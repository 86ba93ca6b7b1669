// The phase panel's words as claims (registry.ts): the note on the state's place in the diagram
// (phase.ts's verdict: its numbers quote the state's α, β and the law's value there) and the
// grid's progress (what the app has computed: nothing to recompute).
import type { Params } from '../model/params.ts';
import type { LawVerdict } from '../model/theory/laws.ts';
import { predictAt, type PhaseExponent } from '../model/theory/phase.ts';
import { all, quotesParams } from './checks.ts';
import { claim, DEFINITION, problems, type Claim } from './registry.ts';

/**
 * The note on the state's place in the map (phaseStateNote's text). It may say that the map's law
 * holds only when that law governs the state (the verdict): a state where another law applies
 * (E_g(∞) flat in P while N is the bottleneck) gets "but not in this state".
 */
export function phaseNoteClaim(
  text: string,
  p: Params,
  exponent: PhaseExponent,
  verdict: LawVerdict | null,
): Claim {
  return claim(
    'phase.note',
    text,
    { params: p },
    all(quotesParams(p), (_o, self) => {
      const law = predictAt(exponent, p).law;
      return problems(
        /it holds when/.test(self.plain) &&
          verdict?.law !== law &&
          `says the ${law} law holds where the state's law is ${verdict?.law ?? 'none'}`,
      );
    }),
  );
}

export function phaseProgressClaim(text: string): Claim {
  return claim('phase.progress', text, { params: {} }, DEFINITION);
}
