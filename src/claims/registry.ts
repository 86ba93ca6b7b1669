// Every sentence, label, table cell, legend entry, tooltip and export line that states something
// about the state is a claim: a named object holding its text (rich text as data), the state it
// was made for and a checker that recomputes what it asserts from the engine (docs/theory.md §8).
// The claims modules build them (claims/*.ts, the caption, the footers, the lesson fill), the page
// shows `plain` inside an element carrying data-claim="<id>", and every claim made is kept here by
// id, so that the audit (test/audit/) can find the claim behind each text on the page and run its
// checker. Nothing here runs the engine: checkers receive an Oracle (oracle.ts) from the caller.
import { plainOf, parseRich, richProblems, type Rich } from '../format/rich.ts';
import type { Params } from '../model/params.ts';
import type { SweepSetting } from '../model/theory/laws.ts';
import type { Oracle } from './oracle.ts';

/** The state a claim was made for: the values it depends on (the audit compares them). */
export interface ClaimState {
  /** Parameters the text depends on; a claim about a result holds that result's parameters. */
  params: Partial<Params>;
  /** Where the scaling panels evaluate E_g, when the text depends on it. */
  setting?: SweepSetting;
}

/** A checker: what is wrong with the claim, recomputed from the engine (empty: it holds). */
export type Check = (o: Oracle, self: Claim) => string[];

export interface Claim {
  /** Stable name of what is claimed ("caption.outcome", "exponents.P.predicted"). */
  readonly id: string;
  readonly text: Rich;
  /** The text in the notation it was written in (the charts measure and wrap it). */
  readonly markup: string;
  /** The text a reader sees (the runs joined). */
  readonly plain: string;
  readonly state: ClaimState;
  readonly check: Check;
  /** Problems of the notation the text was written in (richProblems); empty when clean. */
  readonly notation: readonly string[];
  /**
   * A typeset formula (trusted TeX, rendered by KaTeX): the page shows it in an element whose
   * data-tex is this source. Absent for text claims.
   */
  readonly tex?: string;
}

/** A claim that asserts only what it is defined as (a name, a definition): nothing to recompute. */
export const DEFINITION: Check = () => [];

const made = new Map<string, Claim>();

/**
 * A claim with its text written in the rich notation of format/rich.ts ("E_g falls as t^{−0.63}").
 * The claim is kept under its id (the latest made wins: the page shows what was rendered last).
 */
export function claim(id: string, text: string, state: ClaimState, check: Check): Claim {
  const runs = parseRich(text);
  const c: Claim = {
    id,
    text: runs,
    markup: text,
    plain: plainOf(runs),
    state,
    check,
    notation: richProblems(text),
  };
  made.set(id, c);
  return c;
}

/**
 * A claim shown verbatim: text that quotes a user's input (a link's keys and values may hold "_"
 * or "^"), which must read as typed, never as sub- or superscripts.
 */
export function verbatimClaim(id: string, text: string, state: ClaimState, check: Check): Claim {
  const c: Claim = {
    id,
    text: [{ text, shift: null }],
    markup: text,
    plain: text,
    state,
    check,
    notation: [],
  };
  made.set(id, c);
  return c;
}

/** A typeset formula as a claim: its TeX source (built in code from numbers), state and checker. */
export function texClaim(id: string, tex: string, state: ClaimState, check: Check): Claim {
  const c: Claim = { id, text: [], markup: '', plain: '', state, check, notation: [], tex };
  made.set(id, c);
  return c;
}

/** A claim that shares another's checker and state, under an id of its own. */
export function sameFacts(id: string, text: string, of: Claim): Claim {
  return claim(id, text, of.state, of.check);
}

/** The claim last made under this id (undefined: none). */
export function claimById(id: string): Claim | undefined {
  return made.get(id);
}

/**
 * A short key of a text (a 32-bit string hash in base 36), for the ids of definitions made where
 * they are drawn (legend entries, empty-panel messages), so two texts of one kind stay apart.
 */
export function textKey(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** Every claim made so far, by id. */
export function claimsMade(): ReadonlyMap<string, Claim> {
  return made;
}

/** Forget every claim made (the audit starts each run afresh). */
export function forgetClaims(): void {
  made.clear();
}

/**
 * A number as shown against its recomputed value: equal to within the precision shown (`digits`
 * significant digits, so half a unit of the last digit) plus an absolute floor (the engine's
 * resolution where the value is an error). Returns a problem or null.
 */
export function near(
  what: string,
  shown: number,
  recomputed: number,
  digits = 3,
  floor = 0,
): string | null {
  if (shown === recomputed) return null;
  if (!Number.isFinite(shown) || !Number.isFinite(recomputed))
    return `${what}: shown ${shown}, recomputed ${recomputed}`;
  const tol = 0.5 * 10 ** (1 - digits) * Math.max(Math.abs(shown), Math.abs(recomputed)) + floor;
  return Math.abs(shown - recomputed) <= tol * (1 + 1e-9)
    ? null
    : `${what}: shown ${shown}, recomputed ${recomputed} (tolerance ${tol.toExponential(2)})`;
}

/** Problems of a list of checks (nulls are checks that passed). */
export function problems(...xs: (string | null | false | undefined)[]): string[] {
  return xs.filter((x): x is string => typeof x === 'string');
}
