// Scaling panels: E_g swept over a log grid of P or of N, evaluated at the early-stopping point,
// at a fixed time, or at t → ∞; with the local fitted exponent around the current value and the
// predicted asymptotic one (docs/theory.md §6).
import { computeCurve } from './curve.ts';
import { makeEngine } from './engine.ts';
import { predictedExponents } from './exponents.ts';
import { fitPowerLaw } from './fit.ts';
import { computeLimit } from './limits.ts';
import { MAX_SIZE, type Params } from '../params.ts';
import { TimeEvaluator } from './timeEval.ts';
import type { SizeAxis, SweepAt, SweepResult } from '../types.ts';

export interface SweepOptions {
  /** Number of sweep points (default 13: 32× each side of the current value). */
  n?: number;
  /** Sweep range; default [current/32, current·32] clipped to [1, 10⁷]. */
  lo?: number;
  hi?: number;
}

/** E_g for one configuration at the chosen point of training. */
export function errorAt(p: Params, at: SweepAt, tFixed: number): number {
  if (at === 'inf') return computeLimit(makeEngine(p)).Eg;
  if (at === 't') return new TimeEvaluator(makeEngine(p, tFixed)).at(tFixed, { train: false }).Eg;
  // Best error over training: the early-stopped minimum, or the limit if lower.
  // A coarser grid suffices: the minimum is refined by parabolic steps between grid points.
  const c = computeCurve({ ...p, nt: Math.min(p.nt, 32) }, { light: true });
  return Math.min(c.earlyStop.Eg, c.limit.Eg);
}

export function sweepCenter(p: Params, axis: SizeAxis): number {
  const v = p[axis];
  return Number.isFinite(v) ? v : p.P;
}

export function computeSweep(
  p: Params,
  axis: SizeAxis,
  at: SweepAt,
  tFixed: number = p.tmax,
  opts: SweepOptions = {},
): SweepResult {
  const n = opts.n ?? 13;
  const c = sweepCenter(p, axis);
  const lo = Math.max(1, opts.lo ?? c / 32);
  const hi = Math.min(MAX_SIZE, opts.hi ?? c * 32);
  const x = new Float64Array(n);
  const Eg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = Math.round(Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (n - 1)));
    x[i] = v;
    Eg[i] = errorAt({ ...p, [axis]: v }, at, tFixed);
  }
  const current = p[axis];
  const currentEg = Number.isFinite(current) ? errorAt(p, at, tFixed) : NaN;
  // Local exponent: least squares over [c/4, 4c] (a divergent point is skipped by the fit).
  const fit = fitPowerLaw(x, Eg, c / 4.01, c * 4.01);
  const pe = predictedExponents(p.alpha, p.beta);
  const predicted =
    axis === 'N' ? pe.N : at !== 'inf' && p.sigma2 > 0 && p.regime === 'gf' ? pe.earlyStopP : pe.P;
  return { axis, at, tFixed, x, Eg, fit, predicted, current, currentEg };
}
