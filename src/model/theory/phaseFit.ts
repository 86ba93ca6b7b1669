// The measured side of the phase diagram (docs/theory.md §6.1): at a point (α, β), with every other
// parameter of the state, the slope the engine's curves show, fitted by the same rule as the
// exponent table (time: the stable-slope fit on the falling branch of E_g(t) in the window; P, N:
// the stable-slope fit of the sweep; compute: the frontier's fit over C), with the verdict on the
// law's condition at that point.
import type { Params } from '../params.ts';
import type { FitGap, PowerFit } from '../types.ts';
import { scansInWindow, timeExponentOf } from './curve.ts';
import { KappaCache } from './engine.ts';
import { findEarlyStop } from './earlyStop.ts';
import { computeFrontier, type FrontierOptions } from './frontier.ts';
import type { LawVerdict } from './laws.ts';
import { PHASE_SPEC, phaseAxes, phaseVerdict, predictAt, type PhaseExponent } from './phase.ts';
import { computeSweeps } from './sweep.ts';

/** What the grid needs besides the parameters: the time window of the table's time fit. */
export interface PhaseFitOptions {
  window: 'auto' | 'manual';
}

/**
 * The frontier at grid points: 7 budgets (one per decade of C = 10³…10⁹), 2 trial N per decade
 * and the best N to 3 % instead of the panel's 10 budgets, 6 per decade and 0.01 %: a fifth of the
 * time, and slopes equal to the panel's within 10⁻³ (test/model/theory/phaseFit.test.ts).
 */
export const PHASE_FRONTIER: FrontierOptions = { n: 7, perDecade: 2, tol: 0.03 };

export interface PhasePoint {
  alpha: number;
  beta: number;
  /** The law's value at (α, β) (phase.ts). */
  predicted: number;
  /** The fitted slope, or NaN when none is visible (then `gap` says why). */
  fitted: number;
  fit: PowerFit | null;
  gap: FitGap | null;
  /** Whether the law's condition holds here in this state, or why not. */
  verdict: LawVerdict;
}

export function fitPhasePoint(
  exponent: PhaseExponent,
  base: Params,
  alpha: number,
  beta: number,
  opts: PhaseFitOptions,
): PhasePoint {
  return fitPhasePoints(exponent, base, [[alpha, beta]], opts)[0];
}

type Measured = { fit: PowerFit | null; gap: FitGap | null; verdict: LawVerdict };

/**
 * The fitted slopes of one column (one α, several β), computed together: κ does not depend on β,
 * so the column shares its κ solves (a KappaCache) and its scans run in lockstep.
 */
function measureColumn(
  exponent: PhaseExponent,
  ps: readonly Params[],
  opts: PhaseFitOptions,
): Measured[] {
  const spec = PHASE_SPEC[exponent];
  const cache = new KappaCache();
  if (spec.row === 't')
    return scansInWindow(ps, opts.window === 'auto', false, cache).map(({ scan, window }, i) => {
      const es = findEarlyStop(scan, window.tmin, window.tmax);
      const r = timeExponentOf(scan, window, es);
      return { ...r, verdict: phaseVerdict(exponent, ps[i], es.t) };
    });
  if (spec.row === 'C')
    return ps.map((p) => {
      const f = computeFrontier(p, { ...PHASE_FRONTIER, cache });
      return {
        fit: f.fitL,
        gap: f.fitL ? null : 'too-few',
        verdict: phaseVerdict(exponent, p, Infinity),
      };
    });
  return computeSweeps(ps, spec.row, spec.at, NaN, { cache }).map((s) => ({
    fit: s.fit,
    gap: s.fit ? null : s.fitGap,
    verdict: s.law!,
  }));
}

/** The fitted grid as computed so far: K × K points over the α, β ranges, row by row in β. */
export interface PhaseGrid {
  exponent: PhaseExponent;
  K: number;
  alphas: Float64Array;
  betas: Float64Array;
  /** Index i + j·K; null until computed. */
  points: (PhasePoint | null)[];
  done: number;
}

export function emptyPhaseGrid(exponent: PhaseExponent, K: number): PhaseGrid {
  const { alphas, betas } = phaseAxes(K);
  return { exponent, K, alphas, betas, points: new Array<null>(K * K).fill(null), done: 0 };
}

/**
 * The grid in batches, coarse first: the points with a stride of 2^level along both axes come
 * first (level 2: a 3 × 3 map at K = 12, then level 1, then the rest), and within a level one
 * batch per column (one α), so that a batch shares its κ solves (fitPhasePoints). Index i + j·K.
 */
export function coarseFirstBatches(K: number): number[][] {
  const level = (i: number) => (i === 0 ? 30 : Math.log2(i & -i));
  const lv = (i: number, j: number) => Math.min(level(i), level(j), 2);
  const batches: number[][] = [];
  for (let L = 2; L >= 0; L--)
    for (let i = 0; i < K; i++) {
      const batch: number[] = [];
      for (let j = 0; j < K; j++) if (lv(i, j) === L) batch.push(i + j * K);
      if (batch.length) batches.push(batch);
    }
  return batches;
}

/**
 * Fit a list of grid points (one worker call computes a batch), column by column: the points of
 * one α share their κ solves and scans (measureColumn); the results are those of the points
 * computed one by one.
 */
export function fitPhasePoints(
  exponent: PhaseExponent,
  base: Params,
  ab: readonly (readonly [number, number])[],
  opts: PhaseFitOptions,
): PhasePoint[] {
  const out: PhasePoint[] = new Array<PhasePoint>(ab.length);
  const columns = new Map<number, number[]>();
  ab.forEach(([a], i) => {
    const c = columns.get(a);
    if (c) c.push(i);
    else columns.set(a, [i]);
  });
  for (const [alpha, idx] of columns) {
    const ps = idx.map((i): Params => ({ ...base, alpha, beta: ab[i][1] }));
    measureColumn(exponent, ps, opts).forEach(({ fit, gap, verdict }, k) => {
      const beta = ab[idx[k]][1];
      const predicted = predictAt(exponent, { alpha, beta }).value;
      out[idx[k]] = { alpha, beta, predicted, fitted: fit ? fit.slope : NaN, fit, gap, verdict };
    });
  }
  return out;
}
