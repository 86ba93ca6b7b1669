// The claims of the one-pass SGD lessons (docs/theory.md §9), by name, and the placeholders their
// sentences use: predicates on the live state (the SGD curve on screen, its sweeps, the first pin),
// null while what they read is pending. The words they fill in are the app's SGD claims
// (src/claims/sgd.ts), made from the same objects as their numbers.
import {
  divergenceClaim,
  edgeClaim,
  schedulesClaim,
  SGD_LAW_FORMULA,
  sgdLawCondition,
} from '../claims/sgd.ts';
import { fitWindowText } from '../claims/fit.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';
import { isSgdCurve, type SgdCurveResult } from '../model/sgd/theory.ts';
import type { CurveResult } from '../model/types.ts';
import type { LessonContext } from './context.ts';
import { CRITICAL_COST } from '../model/sgd/batch.ts';
import type { CriticalSide } from '../model/sgd/panels.ts';

/** "At the floor": E_g at the horizon within this fraction of the noise floor (9.2). */
export const AT_FLOOR = 0.05;
/** "Below the floor": E_g at the horizon at least this fraction below the pinned floor. */
export const BELOW_FLOOR = 0.1;
/** A fitted slope follows its SGD law within this (docs/theory.md §9.7; as §8's FOLLOW_TOL). */
export const SGD_FOLLOW_TOL = 0.05;

export type SgdLessonClaimId =
  | 'sgdStable'
  | 'sgdDiverges'
  | 'sgdCriticalInRange'
  | 'sgdCriticalSides'
  | 'sgdPastCritical'
  | 'sgdAtFloor'
  | 'sgdBelowPinFloor'
  | 'sgdSchedulesShown'
  | 'sgdNoiseLaw'
  | 'sgdTargetLaw'
  | 'sgdSteeperThanPin';

type Claim = (ctx: LessonContext) => boolean | null;

/** The SGD curve on screen (false: the state is not in steps; null: pending). */
function sgd(c: LessonContext): SgdCurveResult | false | null {
  if (!c.curve) return null;
  return isSgdCurve(c.curve) ? c.curve : false;
}

/** The SGD curve on screen and the first pin's SGD curve (false: none; null: pending). */
function withSgdPin(c: LessonContext): { cur: SgdCurveResult; pin: SgdCurveResult } | false | null {
  const cur = sgd(c);
  if (!cur) return cur;
  if (!c.pin) return false;
  if (!c.pinCurve) return null;
  return isSgdCurve(c.pinCurve) ? { cur, pin: c.pinCurve } : false;
}

const last = (c: CurveResult) => c.Eg[c.Eg.length - 1];

/** What doubling B costs at one side of the critical batch: E_g(2B)/E_g(B) − 1 at fixed samples. */
export const sideCost = (s: CriticalSide) => s.E2 / s.E - 1;

/** The s law holds on the given branch and the fitted slope follows it. */
const lawOn =
  (branch: 'noise' | 'target'): Claim =>
  (c) => {
    const s = sgd(c);
    if (!s) return s;
    const v = s.sgd.laws.s;
    const fit = s.fitT.fit;
    return (
      !v.gap && v.branch === branch && !!fit && Math.abs(fit.slope - v.value) <= SGD_FOLLOW_TOL
    );
  };

export const SGD_LESSON_CLAIMS: Record<SgdLessonClaimId, Claim> = {
  sgdStable: (c) => {
    const s = sgd(c);
    if (!s) return s;
    return (
      !s.sgd.unstable && !Number.isFinite(s.sgd.divergedAt) && c.params.eta < s.sgd.edge.etaMax
    );
  },
  sgdDiverges: (c) => {
    const s = sgd(c);
    if (!s) return s;
    return Number.isFinite(s.sgd.divergedAt) && s.sgd.peakEta >= s.sgd.edge.etaMax;
  },
  sgdCriticalInRange: (c) => {
    const w = c.sgdSweeps;
    if (!w) return sgd(c) === false ? false : null;
    return Number.isFinite(w.critical.B) && w.critical.B > w.critical.Bmin * 1.0011;
  },
  // At B_crit/4 doubling B costs less than the critical cost, at 4·B_crit more (same samples).
  sgdCriticalSides: (c) => {
    const w = c.sgdSweeps;
    if (!w) return sgd(c) === false ? false : null;
    const [lo, hi] = w.sides;
    return !!lo && !!hi && sideCost(lo) < CRITICAL_COST && sideCost(hi) > CRITICAL_COST;
  },
  // Above the critical batch at the pin's number of samples, this run ends higher than the pin's.
  sgdPastCritical: (c) => {
    const both = withSgdPin(c);
    if (!both || !c.pin) return both === null ? null : false;
    const w = c.sgdSweeps;
    if (!w) return null;
    const p = c.params;
    const sameSamples = p.batch * p.horizon === c.pin.batch * c.pin.horizon;
    return sameSamples && p.batch > w.critical.B && last(both.cur) > last(both.pin);
  },
  sgdAtFloor: (c) => {
    const s = sgd(c);
    if (!s) return s;
    const f = s.sgd.floor;
    return (
      c.params.schedule === 'constant' &&
      Number.isFinite(f) &&
      f > 0 &&
      Math.abs(last(s) / f - 1) <= AT_FLOOR
    );
  },
  sgdBelowPinFloor: (c) => {
    const both = withSgdPin(c);
    if (!both || !c.pin) return both === null ? null : false;
    const f = both.pin.sgd.floor;
    return (
      c.pin.schedule === 'constant' &&
      c.params.schedule !== 'constant' &&
      Number.isFinite(f) &&
      f > 0 &&
      last(both.cur) < (1 - BELOW_FLOOR) * f
    );
  },
  sgdSchedulesShown: (c) => {
    if (!c.sgdSweeps) return sgd(c) === false ? false : null;
    const best = c.sgdSweeps.schedules[0];
    return !!best && Number.isFinite(best.Eg) && schedulesClaim(c.sgdSweeps, c.params) !== null;
  },
  sgdNoiseLaw: lawOn('noise'),
  sgdTargetLaw: lawOn('target'),
  sgdSteeperThanPin: (c) => {
    const both = withSgdPin(c);
    if (!both) return both;
    const [a, b] = [both.cur.fitT.fit, both.pin.fitT.fit];
    return !!a && !!b && a.slope < b.slope - SGD_FOLLOW_TOL;
  },
};

/** The placeholders of both sides of the critical batch: B, E_g at B and 2B, the signed cost. */
function sideValues(
  sides: readonly CriticalSide[],
  num: (x: number | null | undefined, digits?: number) => string,
  pending: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  (['Lo', 'Hi'] as const).forEach((k, i) => {
    const s = sides[i];
    const cost = s ? 100 * sideCost(s) : NaN;
    out[`side${k}B`] = s ? num(s.B) : pending;
    out[`side${k}E`] = s ? num(s.E) : pending;
    out[`side${k}E2`] = s ? num(s.E2) : pending;
    out[`side${k}Cost`] = s ? `${cost < 0 ? '−' : '+'}${formatNumber(Math.abs(cost), 2)}` : pending;
  });
  return out;
}

/** The placeholders of the SGD lessons, from the live state ("…" while pending). */
export function sgdValues(
  ctx: LessonContext,
  num: (x: number | null | undefined, digits?: number) => string,
  pending: string,
): Record<string, string> {
  const s = ctx.curve && isSgdCurve(ctx.curve) ? ctx.curve : null;
  const pin = ctx.pinCurve && isSgdCurve(ctx.pinCurve) ? ctx.pinCurve : null;
  const w = ctx.sgdSweeps ?? null;
  const p = ctx.params;
  const f = s?.sgd;
  const lawS = f?.laws.s;
  const fit = s?.fitT.fit ?? null;
  const slopeOf = (x: number | null | undefined) =>
    x === null || x === undefined || !Number.isFinite(x) ? pending : formatSlope(x, 2);
  const div = s ? divergenceClaim(s.sgd, s.params) : null;
  return {
    // The symbols with their subscripts (a lesson's braces name placeholders).
    etaMaxSym: 'η_{max}',
    BcritSym: 'B_{crit}',
    etaMax: f ? num(f.edge.etaMax) : pending,
    etaRatio: f ? formatNumber(p.eta / f.edge.etaMax, 2) : pending,
    edgeSentence: s ? edgeClaim(s.sgd, s.params).markup : pending,
    divergeSentence: div?.markup ?? pending,
    divergedAt: f && Number.isFinite(f.divergedAt) ? formatParam(f.divergedAt) : pending,
    sgdFloor: f && Number.isFinite(f.floor) ? num(f.floor) : pending,
    sgdEnd: s ? num(last(s)) : pending,
    pinSgdEnd: pin ? num(last(pin)) : pending,
    pinSgdFloor: pin && Number.isFinite(pin.sgd.floor) ? num(pin.sgd.floor) : pending,
    belowPinFloor:
      s && pin && pin.sgd.floor > 0
        ? formatNumber(100 * (1 - last(s) / pin.sgd.floor), 2)
        : pending,
    Bcrit: w && Number.isFinite(w.critical.B) ? num(w.critical.B) : pending,
    ...sideValues(w?.sides ?? [], num, pending),
    nSamples: w ? formatParam(w.critical.samples) : pending,
    schedulesSentence: w ? (schedulesClaim(w, p)?.markup ?? pending) : pending,
    fitS: fit ? slopeOf(fit.slope) : pending,
    // The power as a whole superscript (a lesson's own braces name placeholders).
    fitSpow: fit ? `s^{${slopeOf(fit.slope)}}` : pending,
    fitSwin: fit ? fitWindowText(fit, 's') : pending,
    pinFitS: pin?.fitT.fit ? slopeOf(pin.fitT.fit.slope) : pending,
    predS: lawS && !lawS.gap ? slopeOf(lawS.value) : pending,
    lawSformula: lawS?.branch ? SGD_LAW_FORMULA.s[lawS.branch] : pending,
    lawSwhy: lawS && s ? sgdLawCondition(lawS, s.params) : pending,
  };
}
