// The claims lesson sentences make, by name: each is a predicate on the live state (the results of
// the parameters on screen). A sentence is shown only while its claim holds (null: not computed
// yet, the sentence waits), so a lesson's text stays true when the user moves a parameter.
import { showsPosterior } from '../model/regimes.ts';
import {
  exponentLaws,
  lawTerm,
  type ExponentRowId,
  type LawBranch,
  type LawVerdict,
} from '../model/theory/laws.ts';
import type { CurveResult, PowerFit, SweepResult } from '../model/types.ts';
import { gapToTheory, type Agreement } from '../claims/agreement.ts';
import { lastIndex } from '../claims/orderParams.ts';
import type { LessonContext } from './context.ts';
import { hasPool, isMeasured, type DataSource } from '../model/data/sources.ts';
import { SGD_LESSON_CLAIMS, type SgdLessonClaimId } from './sgdClaims.ts';

/** The real run lands on the theory: within 3 % or 4 s.e.m. at every time (docs/theory.md §7). */
export const REAL_CLOSE = { rel: 0.03, z: 4 } as const;

/** A fitted slope follows its law when within this of the predicted value (docs/theory.md §8). */
export const FOLLOW_TOL = 0.05;
/** "t* moves as the law says": the ratio of two early-stopping times within this factor of it. */
export const TSTAR_RATIO_TOL = 1.25;
/** A visible power law ends "near" a size when within this factor of it. */
export const NEAR_FACTOR = 3;
/** Past the interpolation peak: at least this factor above it. */
export const PAST_PEAK = 1.5;
/** The training set is a large share of the pool the error is measured on from this share on. */
export const POOL_SHARE = 0.1;

export type ClaimId =
  | 'timeLawVisible'
  | 'timeFitVisible'
  | 'dataLaw'
  | 'dataLawVisible'
  | 'stoppingPays'
  | 'stoppingPaysFinite'
  | 'interpolationDiverges'
  | 'sweepShowsPeak'
  | 'reachesPosterior'
  | 'smoothStopping'
  | 'pinAboveStopping'
  | 'modelLaw'
  | 'modelLawVisible'
  | 'frontierFit'
  | 'kneeNearKAt'
  | 'phaseShowsModel'
  | 'phaseModelGridDone'
  | 'measuredDigits'
  | 'measuredClothes'
  | 'pinOnPool'
  | 'alphaBelowPin'
  | 'betaBelowPin'
  | 'fittedShown'
  | 'realRunDone'
  | 'realRunClose'
  | 'responseFalls'
  | 'modeNeverLearned'
  | 'amplificationDiverges'
  | 'partsDiverge'
  | 'timeLawFollowed'
  | 'steeperThanPin'
  | 'dataLawSaturated'
  | 'modelLawTarget'
  | 'modelLawSaturated'
  | 'stopsEarlierThanPin'
  | 'paysMoreThanPin'
  | 'pastPeak'
  | 'decayAboveStopping'
  | 'trainsOnPool'
  | 'modeLearned'
  | 'amplificationFinite'
  | 'partsFinite'
  | 'sameAlphaAsPin'
  | 'betaDiffersFromPin'
  // One-pass SGD's lessons (sgdClaims.ts).
  | SgdLessonClaimId;

/** The exponent laws of the state on screen (null until the curve is computed). */
export function lessonLaws(ctx: LessonContext): Record<ExponentRowId, LawVerdict> | null {
  if (!ctx.curve) return null;
  return exponentLaws(ctx.curve.params, { at: ctx.at, tAt: ctx.tAt }, ctx.curve.earlyStop.t);
}

/** The real run's largest gap to the theory (null until there is a finished real run). */
export function realAgreement(ctx: LessonContext): Agreement | null {
  const r = ctx.real;
  if (!r) return null;
  return gapToTheory(r.result.t, r.result.EgMean, r.result.EgSem, r.theory.t, r.theory.Eg);
}

type Claim = (ctx: LessonContext) => boolean | null;

/** A fit follows a law: the law applies and the fitted slope is within FOLLOW_TOL of it. */
function follows(fit: PowerFit | null | undefined, v: LawVerdict): boolean {
  return !!fit && v.law !== null && Math.abs(fit.slope - v.value) <= FOLLOW_TOL;
}

/** A sweep follows the law of its row, on the given term of that law. */
function sweepFollows(
  c: LessonContext,
  row: 'P' | 'N',
  law: 'data' | 'model',
  branch: LawBranch,
): boolean | null {
  const l = lessonLaws(c);
  const sweep = row === 'P' ? c.sweepP : c.sweepN;
  if (!l || !sweep) return null;
  return (
    l[row].law === law && lawTerm(law, c.params).branch === branch && follows(sweep.fit, l[row])
  );
}

/** The current curve and the first pin's, once both are computed (null while pending). */
function withPin(c: LessonContext): { curve: CurveResult; pin: CurveResult } | false | null {
  if (!c.curve || (c.pin && !c.pinCurve)) return null;
  return c.pinCurve ? { curve: c.curve, pin: c.pinCurve } : false;
}

const stops = (c: CurveResult) => c.earlyStop.case !== 'none';

/**
 * Whether stopping pays, or null (neither sentence shown) when the scan ended at its cap without a
 * minimum: beyond it nothing was looked for (docs/theory.md §8).
 */
const stopsKnown = (c: CurveResult): boolean | null =>
  c.earlyStop.case === 'none' && c.earlyStop.open ? null : stops(c);

/**
 * The pin's early-stopping time over the current one, and the law's ratio: t* ~ (P/σ²)^{α/β}
 * (docs/theory.md §6), for two states of the same α and β.
 */
export function tstarRatios(c: LessonContext): { actual: number; law: number } | null {
  const both = withPin(c);
  if (!both || !c.pin || !stops(both.curve) || !stops(both.pin)) return null;
  const p = c.params;
  const q = c.pin;
  if (p.alpha !== q.alpha || p.beta !== q.beta) return null;
  const law = (q.P / q.sigma2 / (p.P / p.sigma2)) ** (p.alpha / p.beta);
  return { actual: both.pin.earlyStop.t / both.curve.earlyStop.t, law };
}

/** The local slope of a sweep between its last two points. */
function endSlope(s: SweepResult): number {
  const n = s.x.length;
  return Math.log(s.Eg[n - 1] / s.Eg[n - 2]) / Math.log(s.x[n - 1] / s.x[n - 2]);
}

/** The training set's share of the pool the error is measured on (measured data; else null). */
export function poolShare(c: LessonContext): number | null {
  const edge = c.sweepP?.modesEdge;
  return edge ? c.params.P / edge.entries : null;
}

/** The curve on screen runs on the measured spectrum of this source. */
const onData =
  (id: DataSource): Claim =>
  (c) =>
    c.curve ? c.params.data === id : null;

/**
 * The current fitted exponent below the pinned one, both measured on pools of images (a lesson
 * that sets two datasets side by side); null when the pin is not on a pool or a curve is pending.
 */
const belowPin =
  (key: 'alpha' | 'beta'): Claim =>
  (c) =>
    c.pin && hasPool(c.pin) && hasPool(c.params) && c.curve && c.pinCurve
      ? c.curve.params[key] < c.pinCurve.params[key]
      : null;

const CLAIMS: Record<ClaimId, Claim> = {
  timeLawVisible: (c) => {
    const l = lessonLaws(c);
    return l && c.curve ? l.t.law === 'time' && c.curve.fitT.fit !== null : null;
  },
  timeFitVisible: (c) => (c.curve ? c.curve.fitT.fit !== null : null),
  dataLaw: (c) => {
    const l = lessonLaws(c);
    return l ? l.P.law === 'data' : null;
  },
  dataLawVisible: (c) => {
    const l = lessonLaws(c);
    if (!l || !c.sweepP) return null;
    return l.P.law === 'data' && c.sweepP.fit !== null;
  },
  stoppingPays: (c) => (c.curve ? stopsKnown(c.curve) : null),
  stoppingPaysFinite: (c) => {
    const s = c.curve ? stopsKnown(c.curve) : null;
    return s === null ? null : s && !c.curve!.limit.divergent;
  },
  interpolationDiverges: (c) =>
    c.curve ? c.params.N === c.params.P && c.curve.limit.divergent : null,
  sweepShowsPeak: (c) => (c.sweepN ? c.sweepN.peak !== null && c.at === 'inf' : null),
  reachesPosterior: (c) => {
    const p = c.params;
    if (!c.curve) return null;
    return showsPosterior(p) && p.gamma > 0 && !c.curve.limit.divergent;
  },
  smoothStopping: (c) => {
    const p = c.params;
    if (!c.curve) return null;
    return p.regime === 'gf' && p.beta > 2 * p.alpha + 1 && c.curve.earlyStop.case !== 'none';
  },
  pinAboveStopping: (c) => {
    const { pin, pinCurve, curve, params: p } = c;
    if (!curve || (pin && !pinCurve)) return null;
    return (
      !!pin &&
      !!pinCurve &&
      pin.regime === 'wd' &&
      pin.alpha === p.alpha &&
      pin.beta === p.beta &&
      p.beta > 2 * p.alpha + 1 &&
      curve.earlyStop.case !== 'none' &&
      pinCurve.limit.Eg > curve.earlyStop.Eg
    );
  },
  modelLaw: (c) => {
    const l = lessonLaws(c);
    return l ? l.N.law === 'model' : null;
  },
  modelLawVisible: (c) => {
    const l = lessonLaws(c);
    if (!l || !c.sweepN) return null;
    return l.N.law === 'model' && c.sweepN.fit !== null;
  },
  frontierFit: (c) => (c.frontier ? c.frontier.fit !== null : null),
  // At a fixed time the N-sweep's power law ends near N ~ t^{1/α} (the modes learned by then) and
  // flattens beyond: its last local slope is less than half as steep as the fitted one.
  kneeNearKAt: (c) => {
    if (c.at !== 't') return false;
    const s = c.sweepN;
    if (!s) return null;
    const kAt = Math.pow(c.tAt, 1 / c.params.alpha);
    if (!s.fit || s.x.length < 2) return false;
    const near = s.fit.xmax >= kAt / NEAR_FACTOR && s.fit.xmax <= kAt * NEAR_FACTOR;
    return near && endSlope(s) > s.fit.slope / 2;
  },
  phaseShowsModel: (c) => c.phase === 'model-inf',
  // Pending until every point is fitted; false when the grid is of another exponent.
  phaseModelGridDone: (c) => {
    const g = c.phaseGrid;
    if (!g || g.done < g.points.length) return c.phase === 'model-inf' ? null : false;
    return g.exponent === 'model-inf';
  },
  measuredDigits: onData('mnist'),
  measuredClothes: onData('fashion'),
  pinOnPool: (c) => (!c.pin ? false : c.pinCurve ? hasPool(c.pin) : null),
  alphaBelowPin: belowPin('alpha'),
  betaBelowPin: belowPin('beta'),
  fittedShown: (c) => {
    if (!isMeasured(c.params)) return false;
    return c.curve && c.fitted ? true : null;
  },
  realRunDone: (c) => (c.curve ? hasPool(c.params) && !!c.real : null),
  realRunClose: (c) => {
    const a = realAgreement(c);
    if (!a) return null;
    return a.rel <= REAL_CLOSE.rel || a.z <= REAL_CLOSE.z;
  },
  // The collective response at the end of the window is below its value at the start.
  responseFalls: (c) => {
    if (!c.order) return null;
    const i = lastIndex(c.order);
    return i > 0 && c.order.R[i] < c.order.R[0];
  },
  modeNeverLearned: (c) => (c.mode ? !c.mode.everLearned : null),
  amplificationDiverges: (c) => (c.order ? c.order.atInfinity.amplification === Infinity : null),
  partsDiverge: (c) =>
    c.parts ? c.parts.limit.signal === Infinity && c.parts.limit.noise === Infinity : null,
  timeLawFollowed: (c) => {
    const l = lessonLaws(c);
    return l && c.curve ? l.t.law === 'time' && follows(c.curve.fitT.fit, l.t) : null;
  },
  // Steeper in time than the pinned curve, by more than the fits' tolerance.
  steeperThanPin: (c) => {
    const both = withPin(c);
    if (!both) return both;
    const [a, b] = [both.curve.fitT.fit, both.pin.fitT.fit];
    return !!a && !!b && a.slope < b.slope - FOLLOW_TOL;
  },
  dataLawSaturated: (c) => sweepFollows(c, 'P', 'data', 'spectrum'),
  modelLawTarget: (c) => sweepFollows(c, 'N', 'model', 'target'),
  modelLawSaturated: (c) => sweepFollows(c, 'N', 'model', 'spectrum'),
  // Stopping comes earlier than on the pinned curve, by the factor the law gives (within 25 %).
  stopsEarlierThanPin: (c) => {
    const both = withPin(c);
    if (!both) return both;
    const r = tstarRatios(c);
    return !!r && r.actual > 1 && Math.abs(Math.log(r.actual / r.law)) <= Math.log(TSTAR_RATIO_TOL);
  },
  paysMoreThanPin: (c) => {
    const both = withPin(c);
    if (!both) return both;
    const { curve, pin } = both;
    const finite = !curve.limit.divergent && !pin.limit.divergent;
    return finite && stops(curve) && stops(pin) && curve.earlyStop.gain > pin.earlyStop.gain;
  },
  // The model size is well past the interpolation peak of the N-sweep, and the error is finite.
  pastPeak: (c) => {
    if (!c.sweepN || !c.curve) return null;
    const peak = c.sweepN.peak;
    return (
      peak !== null && c.at === 'inf' && !c.curve.limit.divergent && c.params.N >= PAST_PEAK * peak
    );
  },
  // Weight decay on a smooth target, even stopped at its best time, stays above the pinned
  // early-stopped gradient flow of the same problem.
  decayAboveStopping: (c) => {
    const both = withPin(c);
    if (!both || !c.pin) return both === null ? null : false;
    const p = c.params;
    const q = c.pin;
    const same = (['alpha', 'beta', 'P', 'N', 'M', 'sigma2', 'data'] as const).every(
      (k) => p[k] === q[k],
    );
    const best = stops(both.curve) ? both.curve.earlyStop.Eg : both.curve.limit.Eg;
    return (
      same &&
      p.regime === 'wd' &&
      q.regime === 'gf' &&
      p.beta > 2 * p.alpha + 1 &&
      stops(both.pin) &&
      best > both.pin.earlyStop.Eg
    );
  },
  trainsOnPool: (c) => {
    if (!c.curve) return null;
    if (!hasPool(c.params)) return false;
    const share = poolShare(c);
    return share === null ? null : share >= POOL_SHARE;
  },
  modeLearned: (c) => (c.mode ? c.mode.everLearned && Number.isFinite(c.mode.learnedTime) : null),
  amplificationFinite: (c) => (c.order ? Number.isFinite(c.order.atInfinity.amplification) : null),
  partsFinite: (c) =>
    c.parts ? Number.isFinite(c.parts.limit.signal) && Number.isFinite(c.parts.limit.noise) : null,
  // The pin shows the same images under the same kernel (another task): the same eigenvalues, so
  // the same fitted α; the task's labels give their own β.
  sameAlphaAsPin: (c) => {
    const both = withPin(c);
    if (!both || !c.pin) return both === null ? null : false;
    return samePoolAsPin(c) && both.curve.params.alpha === both.pin.params.alpha;
  },
  betaDiffersFromPin: (c) => {
    const both = withPin(c);
    if (!both || !c.pin) return both === null ? null : false;
    return (
      samePoolAsPin(c) &&
      c.pin.task !== c.params.task &&
      both.curve.params.beta !== both.pin.params.beta
    );
  },
  ...SGD_LESSON_CLAIMS,
};

/** The pin runs on the same pool of images under the same kernel as the curve on screen. */
function samePoolAsPin(c: LessonContext): boolean {
  const q = c.pin;
  return !!q && hasPool(c.params) && q.data === c.params.data && q.kernel === c.params.kernel;
}

export function claimHolds(id: ClaimId, ctx: LessonContext): boolean | null {
  return CLAIMS[id](ctx);
}

/** All claims of a sentence at once: false when one fails, null while one is pending. */
export function claimsHold(ids: ClaimId | readonly ClaimId[], ctx: LessonContext): boolean | null {
  let pending = false;
  for (const id of typeof ids === 'string' ? [ids] : ids) {
    const h = claimHolds(id, ctx);
    if (h === false) return false;
    if (h === null) pending = true;
  }
  return pending ? null : true;
}
