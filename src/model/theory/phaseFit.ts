// The measured side of the phase diagram (docs/theory.md §6.1): at a point (α, β), with every other
// parameter of the state, the slope the engine's curves show, fitted by the same rule as the
// exponent table (time: the stable-slope fit on the falling branch of E_g(t) in the window; P, N:
// the stable-slope fit of the sweep; compute: the frontier's fit over C), with the verdict on the
// law's condition at that point.
import type { Params } from '../params.ts';
import type { FitGap, PowerFit } from '../types.ts';
import { scanInWindow, timeExponentOf } from './curve.ts';
import { KappaCache } from './engine.ts';
import { findEarlyStop } from './earlyStop.ts';
import { computeFrontier, type FrontierOptions } from './frontier.ts';
import type { LawVerdict } from './laws.ts';
import { PHASE_SPEC, phaseAxes, phaseVerdict, predictAt, type PhaseExponent } from './phase.ts';
import { computeSweep } from './sweep.ts';

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
  cache: KappaCache | null = null,
): PhasePoint {
  const p: Params = { ...base, alpha, beta };
  const predicted = predictAt(exponent, { alpha, beta }).value;
  const { fit, gap, verdict } = measure(exponent, p, opts, cache);
  return { alpha, beta, predicted, fitted: fit ? fit.slope : NaN, fit, gap, verdict };
}

function measure(
  exponent: PhaseExponent,
  p: Params,
  opts: PhaseFitOptions,
  cache: KappaCache | null,
): { fit: PowerFit | null; gap: FitGap | null; verdict: LawVerdict } {
  const spec = PHASE_SPEC[exponent];
  if (spec.row === 't') {
    const { scan, window } = scanInWindow(p, opts.window === 'auto', false, cache);
    const es = findEarlyStop(scan, window.tmin, window.tmax);
    const r = timeExponentOf(scan, window, es);
    return { ...r, verdict: phaseVerdict(exponent, p, es.t) };
  }
  if (spec.row === 'C') {
    const f = computeFrontier(p, { ...PHASE_FRONTIER, cache });
    return {
      fit: f.fitL,
      gap: f.fitL ? null : 'too-few',
      verdict: phaseVerdict(exponent, p, Infinity),
    };
  }
  const s = computeSweep(p, spec.row, spec.at, NaN, { cache });
  return { fit: s.fit, gap: s.fit ? null : s.fitGap, verdict: s.law! };
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
 * Fit a list of grid points (one worker call computes a batch). The points of one column (one α)
 * share their κ solves: κ depends on the eigenvalues, N and P but not on the target, so along a
 * column each time of each sweep is solved once (engine.ts KappaCache; the results are those of
 * the points computed one by one).
 */
export function fitPhasePoints(
  exponent: PhaseExponent,
  base: Params,
  ab: readonly (readonly [number, number])[],
  opts: PhaseFitOptions,
): PhasePoint[] {
  const caches = new Map<number, KappaCache>();
  return ab.map(([a, b]) => {
    let cache = caches.get(a);
    if (!cache) caches.set(a, (cache = new KappaCache()));
    return fitPhasePoint(exponent, base, a, b, opts, cache);
  });
}
