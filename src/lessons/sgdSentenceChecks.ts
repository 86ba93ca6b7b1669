// The checkers of the one-pass SGD lessons' sentences (docs/theory.md §9): a sentence is shown
// while its lesson claim holds (sgdClaims.ts), its `otherwise` text while it does not. The checker
// recomputes the claim through the oracle's SGD paths (the step-by-step recursion, the edge by
// bisection, the floor by a long run: claims/sgdVerify.ts) and requires the same verdict, then
// reads back every number the sentence quotes from its placeholders.
import {
  checkCritical,
  checkDiverges,
  checkSchedules,
  checkStepsFit,
} from '../claims/sgdChecks.ts';
import { checkSgdLaw } from '../claims/sgdChecks.ts';
import { readNumber } from '../claims/checks.ts';
import type { Oracle } from '../claims/oracle.ts';
import { near, problems, type Check } from '../claims/registry.ts';
import { SGD_LAW_FORMULA } from '../claims/sgd.ts';
import { DIVERGENCE_CAP } from '../model/sgd/propagate.ts';
import { CRITICAL_COST } from '../model/sgd/batch.ts';
import { SIDE_FACTOR } from '../model/sgd/panels.ts';
import { isSgdCurve, type SgdCurveResult } from '../model/sgd/theory.ts';
import type { Params } from '../model/params.ts';
import type { LessonContext } from './context.ts';
import type { LessonSentence } from './lessons.ts';
import { AT_FLOOR, BELOW_FLOOR, SGD_FOLLOW_TOL, type SgdLessonClaimId } from './sgdClaims.ts';

const SGD_IDS: ReadonlySet<string> = new Set<SgdLessonClaimId>([
  'sgdStable',
  'sgdDiverges',
  'sgdCriticalInRange',
  'sgdCriticalSides',
  'sgdPastCritical',
  'sgdAtFloor',
  'sgdBelowPinFloor',
  'sgdSchedulesShown',
  'sgdNoiseLaw',
  'sgdTargetLaw',
  'sgdSteeperThanPin',
]);

/** E_g at the horizon of a configuration, by the oracle. */
const end = (o: Oracle, p: Params) => o.sgd.Eg(p, p.horizon);

/** The noise floor of a constant rate, by the oracle (a run of 10⁷ steps). */
const floorOf = (o: Oracle, p: Params) => o.sgd.floor(p, p.eta).far;

/** The direct two-point slope of E_g(s) over a fit's window. */
function directSlope(o: Oracle, p: Params, c: SgdCurveResult): number {
  const f = c.fitT.fit!;
  return Math.log(o.sgd.Eg(p, f.xmax) / o.sgd.Eg(p, f.xmin)) / Math.log(f.xmax / f.xmin);
}

/** Each claim's verdict recomputed by the oracle (and what a true verdict quotes). */
type Recompute = (
  o: Oracle,
  ctx: LessonContext,
  c: SgdCurveResult,
) => { holds: boolean; quotes: Record<string, number>; more?: Check };

const RECOMPUTE: Record<SgdLessonClaimId, Recompute> = {
  sgdStable: (o, ctx) => {
    const p = ctx.params;
    const edge = o.sgd.edge(p).etaMax;
    return {
      holds: p.eta < edge && end(o, p) < DIVERGENCE_CAP,
      quotes: { etaMax: edge, etaRatio: p.eta / edge, sgdFloor: floorOf(o, p) },
    };
  },
  sgdDiverges: (o, ctx, c) => {
    const p = ctx.params;
    const f = c.sgd;
    return {
      holds: f.peakEta >= o.sgd.edge(p).etaMax && o.sgd.Eg(p, p.horizon) >= DIVERGENCE_CAP,
      quotes: { etaMax: o.sgd.edge(p).etaMax },
      more: Number.isFinite(f.divergedAt)
        ? checkDiverges(p, f.peakEta, f.divergedAt, f.peakEta >= f.edge.etaMode)
        : undefined,
    };
  },
  sgdCriticalInRange: (_o, ctx) => {
    const w = ctx.sgdSweeps!;
    const c = w.critical;
    return {
      holds: Number.isFinite(c.B) && c.B > c.Bmin * 1.0011,
      quotes: { Bcrit: c.B, nSamples: c.samples },
      more: checkCritical(w),
    };
  },
  sgdCriticalSides: (o, ctx) => {
    const w = ctx.sgdSweeps!;
    const c = w.critical;
    const p = w.params;
    const E = (B: number) => o.sgd.after({ ...p, batch: B }, c.samples / B);
    const quotes: Record<string, number> = {};
    const costs = (['Lo', 'Hi'] as const).map((k, i) => {
      const B = i === 0 ? c.B / SIDE_FACTOR : c.B * SIDE_FACTOR;
      const [e, e2] = [E(B), E(2 * B)];
      Object.assign(quotes, {
        [`side${k}B`]: B,
        [`side${k}E`]: e,
        [`side${k}E2`]: e2,
        [`side${k}Cost`]: 100 * (e2 / e - 1),
      });
      return e2 / e - 1;
    });
    return {
      holds: w.sides.length === 2 && costs[0] < CRITICAL_COST && costs[1] > CRITICAL_COST,
      quotes,
      more: checkCritical(w),
    };
  },
  sgdPastCritical: (o, ctx) => {
    const p = ctx.params;
    const pin = ctx.pin!;
    const w = ctx.sgdSweeps!;
    const mine = end(o, p);
    const theirs = end(o, pin);
    return {
      holds:
        p.batch * p.horizon === pin.batch * pin.horizon && p.batch > w.critical.B && mine > theirs,
      quotes: {
        sgdEnd: mine,
        pinSgdEnd: theirs,
        Bcrit: w.critical.B,
        nSamples: w.critical.samples,
      },
      more: checkCritical(w),
    };
  },
  sgdAtFloor: (o, ctx) => {
    const p = ctx.params;
    const floor = floorOf(o, p);
    const E = end(o, p);
    return {
      holds: p.schedule === 'constant' && Math.abs(E / floor - 1) <= AT_FLOOR,
      quotes: { sgdFloor: floor, sgdEnd: E },
    };
  },
  sgdBelowPinFloor: (o, ctx) => {
    const p = ctx.params;
    const pin = ctx.pin!;
    const floor = floorOf(o, pin);
    const E = end(o, p);
    return {
      holds:
        pin.schedule === 'constant' && p.schedule !== 'constant' && E < (1 - BELOW_FLOOR) * floor,
      quotes: { sgdEnd: E, pinSgdFloor: floor, belowPinFloor: 100 * (1 - E / floor) },
    };
  },
  sgdSchedulesShown: (o, ctx) => {
    const w = ctx.sgdSweeps!;
    const best = w.schedules[0];
    return {
      holds: !!best && end(o, { ...ctx.params, schedule: best.schedule }) < DIVERGENCE_CAP,
      quotes: {},
      more: checkSchedules(w, ctx.params),
    };
  },
  sgdNoiseLaw: (o, _ctx, c) => lawOn('noise', o, c),
  sgdTargetLaw: (o, _ctx, c) => lawOn('target', o, c),
  sgdSteeperThanPin: (o, ctx, c) => {
    const pin = ctx.pinCurve;
    const ok = !!c.fitT.fit && isSgdCurve(pin) && !!pin.fitT.fit;
    const mine = ok ? directSlope(o, ctx.params, c) : NaN;
    const theirs = ok && isSgdCurve(pin) ? directSlope(o, pin.params, pin) : NaN;
    return {
      holds: ok && mine < theirs - SGD_FOLLOW_TOL,
      quotes: ok ? { pinFitS: theirs } : ({} as Record<string, number>),
    };
  },
};

/** The s law holds on this branch and the slope over the fit window follows it. */
function lawOn(branch: 'noise' | 'target', o: Oracle, c: SgdCurveResult): ReturnType<Recompute> {
  const p = c.params;
  const v = c.sgd.laws.s;
  const fit = c.fitT.fit;
  const direct = fit ? directSlope(o, p, c) : NaN;
  const formula = v.branch ? SGD_LAW_FORMULA.s[v.branch] : '';
  const law = formula ? o.formula(formula, p.alpha, p.beta) : NaN;
  return {
    // Within twice the lesson's tolerance: the fit and the direct slope differ by up to SLOPE_TOL.
    holds: !v.gap && v.branch === branch && !!fit && Math.abs(direct - law) <= 2 * SGD_FOLLOW_TOL,
    quotes: fit ? { fitS: direct, predS: law } : {},
    more: (oo, self) => [
      ...checkSgdLaw(v, p, formula)(oo, self),
      ...(fit ? checkStepsFit(p, fit)(oo, self) : []),
    ],
  };
}

/** The significant digits a number is written with ("0.58": 2, "4.99": 3, "1.2·10⁻³": 2). */
function written(text: string): number {
  const mantissa = text
    .split('·')[0]
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '');
  return Math.max(1, mantissa.length);
}

/** Slopes are written with 2 decimals: a quoted slope within 0.05 of the recomputed one. */
const SLOPES: ReadonlySet<string> = new Set(['fitS', 'pinFitS', 'predS']);

/**
 * The checker of an SGD lesson sentence (null: not one). `holds`: the verdict the page showed
 * the sentence under; `values`: the placeholders it was filled with.
 */
export function sgdSentenceCheck(
  s: LessonSentence,
  ctx: LessonContext,
  holds: boolean,
  values: Readonly<Record<string, string>>,
): Check | null {
  const ids = (typeof s.when === 'string' ? [s.when] : (s.when ?? [])).filter((id) =>
    SGD_IDS.has(id),
  ) as SgdLessonClaimId[];
  const c = ctx.curve;
  if (ids.length === 0 || !isSgdCurve(c)) return null;
  const used = new Set(
    [...(holds ? s.text : (s.otherwise ?? '')).matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  );
  return (o, self) =>
    ids.flatMap((id) => {
      const r = RECOMPUTE[id](o, ctx, c);
      if (r.holds !== holds) return [`${id}: shown as ${holds}, recomputed ${r.holds}`];
      if (!holds) return [];
      const quoted = Object.entries(r.quotes).flatMap(([k, v]) => {
        if (!used.has(k)) return [];
        const shown = readNumber(values[k] ?? '');
        return problems(
          SLOPES.has(k)
            ? !(Math.abs(shown - v) <= 0.05) && `${k}: shown ${shown}, recomputed ${v}`
            : near(k, shown, v, written(values[k] ?? '')),
        );
      });
      return [...quoted, ...(r.more ? r.more(o, self) : [])];
    });
}
