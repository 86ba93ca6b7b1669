// The claims lesson sentences make, by name: each is a predicate on the live state (the results of
// the parameters on screen). A sentence is shown only while its claim holds (null: not computed
// yet, the sentence waits), so a lesson's text stays true when the user moves a parameter.
import { showsPosterior } from '../model/regimes.ts';
import { exponentLaws, type LawVerdict, type ExponentRowId } from '../model/theory/laws.ts';
import { gapToTheory, type Agreement } from '../claims/agreement.ts';
import { lastIndex } from '../claims/orderParams.ts';
import type { LessonContext } from './context.ts';
import { hasPool, isMeasured, type DataSource } from '../model/data/sources.ts';

/** The real run lands on the theory: within 3 % or 4 s.e.m. at every time (docs/theory.md §7). */
export const REAL_CLOSE = { rel: 0.03, z: 4 } as const;

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
  | 'sweepAtFixedTime'
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
  | 'partsDiverge';

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
  stoppingPays: (c) => (c.curve ? c.curve.earlyStop.case !== 'none' : null),
  stoppingPaysFinite: (c) =>
    c.curve ? c.curve.earlyStop.case !== 'none' && !c.curve.limit.divergent : null,
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
  sweepAtFixedTime: (c) => c.at === 't',
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
};

export function claimHolds(id: ClaimId, ctx: LessonContext): boolean | null {
  return CLAIMS[id](ctx);
}
