// A lesson's words on screen as claims (registry.ts): its sentences as filled in the live state
// (lessons/fill.ts; each shown only while the lesson claim it rests on holds, lessons/claims.ts,
// which the lesson truth suites check against the engine), the step it is at, what "Try it" does
// next, and the notices of a change or a sweep. The checker re-reads what the words quote: every
// "symbol = value" is the value of the state on screen or of the pinned state the lesson compares
// it with (the engine's effective values: measured data quote their fitted α, β and rank M).
import type { Params } from '../model/params.ts';
import { all, quotedParams } from './checks.ts';
import { claim, DEFINITION, near, type Check, type Claim } from './registry.ts';

/** Every quoted value is that of the state or of its pin, to the precision written. */
function quotesStateOrPin(p: Params, pin: Params | null): Check {
  return (o, self) => {
    const states = [o.effective(p), ...(pin ? [o.effective(pin)] : [])];
    return quotedParams(self.plain).flatMap(([k, v, digits]) => {
      const misses = states.map((e) => near(`${k} quoted`, v, e[k] as number, digits));
      return misses.some((m) => m === null) ? [] : [misses[0]!];
    });
  };
}

/**
 * `quotes`: the words quote the state on screen or its pin (its sentences, the step taken); false
 * for words that quote another state (what "Try next" will set, the values the lesson uses).
 * `check`: what the sentence asserts besides (an SGD lesson's claim, lessons/sgdSentenceChecks.ts).
 */
export function lessonClaim(
  key: string,
  text: string,
  p: Params,
  {
    quotes = true,
    pin = null,
    check = null,
  }: { quotes?: boolean; pin?: Params | null; check?: Check | null } = {},
): Claim {
  const base = quotes ? quotesStateOrPin(p, pin) : DEFINITION;
  return claim(`lesson.${key}`, text, { params: p }, check ? all(base, check) : base);
}
