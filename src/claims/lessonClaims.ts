// A lesson's words on screen as claims (registry.ts): its sentences as filled in the live state
// (lessons/fill.ts; each shown only while the lesson claim it rests on holds, lessons/claims.ts,
// which the lesson truth suites check against the engine), the step it is at, what "Try it" does
// next, and the notices of a change or a sweep. The checker here re-reads what the words quote:
// every "symbol = value" is the state's value (measured data: the fitted α, β and the rank M).
import type { Params } from '../model/params.ts';
import { quotesParams } from './checks.ts';
import { claim, DEFINITION, type Claim } from './registry.ts';

/**
 * `quotes`: the words quote the state on screen (its sentences, the step taken); false for words
 * that quote another state (what "Try next" will set, the values the lesson uses).
 */
export function lessonClaim(key: string, text: string, p: Params, quotes = true): Claim {
  return claim(`lesson.${key}`, text, { params: p }, quotes ? quotesParams(p) : DEFINITION);
}
