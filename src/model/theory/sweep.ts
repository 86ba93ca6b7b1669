// Scaling panels: E_g swept over a log grid of P or of N, evaluated at the early-stopping point
// (the true t* of each point, over all t), at a fixed time, or at t → ∞; with the visible power
// law (fit.ts stableFit, falling branch only) and the law that predicts the slope in this state
// (laws.ts). Near the interpolation point N = P the grid is refined so the peak shows, and no fit
// spans it (docs/theory.md §6, §8).
import { resolutionAt, scanDynamics } from './dynamics.ts';
import { findEarlyStop } from './earlyStop.ts';
import { makeEngine, type KappaCache } from './engine.ts';
import { stableFit } from './fit.ts';
import { exponentLaws } from './laws.ts';
import { computeLimit } from './limits.ts';
import { dataSpectrum } from './dataSpectra.ts';
import { MAX_SIZE, type Params } from '../params.ts';
import { evaluatorFor } from './timeEval.ts';
import type { ModesEdge, SizeAxis, SweepAt, SweepResult } from '../types.ts';

export interface SweepOptions {
  /** Number of log-spaced sweep points (default 13: 32× each side of the current value). */
  n?: number;
  /** Sweep range; default [current/32, current·32] clipped to [1, 10⁷]. */
  lo?: number;
  hi?: number;
  /** κ solves shared with sweeps of other targets on the same eigenvalues (engine.ts). */
  cache?: KappaCache | null;
}

/** Relative offsets from the interpolation point added to the grid (and the point itself). */
const PEAK_OFFSETS = [-0.25, -0.1, -0.03, -0.01, 0, 0.01, 0.03, 0.1, 0.25];

/** E_g for one configuration at the chosen point of training (Infinity where it diverges). */
export function errorAt(
  p: Params,
  at: SweepAt,
  tFixed: number,
  cache: KappaCache | null = null,
): number {
  return readAt(p, at, tFixed, cache).Eg;
}

/** E_g at the chosen point of training and the engine's floor there (0: a closed form). */
function readAt(
  p: Params,
  at: SweepAt,
  tFixed: number,
  cache: KappaCache | null,
): { Eg: number; floor: number } {
  if (at === 'inf' || p.regime === 'bayes') return { Eg: computeLimit(makeEngine(p)).Eg, floor: 0 };
  if (at === 't') {
    const v = evaluatorFor(makeEngine(p, tFixed, false, cache)).at(tFixed, { train: false });
    return { Eg: v.Eg, floor: v.floor };
  }
  return bestOverTraining(p, cache);
}

/**
 * Best error over all of training: E* at t* where stopping pays, else E_g(∞) (t* = Infinity),
 * with the floor there.
 */
function bestOverTraining(
  p: Params,
  cache: KappaCache | null,
): { t: number; Eg: number; floor: number } {
  const scan = scanDynamics(p, 0, { cache });
  const es = findEarlyStop(scan, p.tmin, p.tmax);
  return { t: es.t, Eg: es.Eg, floor: es.case === 'none' ? 0 : resolutionAt(scan, es.t) };
}

export function sweepCenter(p: Params, axis: SizeAxis): number {
  const v = p[axis];
  return Number.isFinite(v) ? v : p.P;
}

/** The sweep grid: log-spaced integers, refined around the interpolation point when in range. */
export function sweepGrid(p: Params, axis: SizeAxis, opts: SweepOptions = {}): Float64Array {
  const n = opts.n ?? 13;
  const c = sweepCenter(p, axis);
  const lo = Math.max(1, opts.lo ?? c / 32);
  const hi = Math.min(MAX_SIZE, opts.hi ?? c * 32);
  const xs = new Set<number>();
  for (let i = 0; i < n; i++)
    xs.add(Math.round(Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (n - 1))));
  const other = axis === 'N' ? p.P : p.N;
  if (Number.isFinite(other))
    for (const d of PEAK_OFFSETS) {
      const v = Math.round(other * (1 + d));
      if (v >= lo && v <= hi) xs.add(v);
    }
  return Float64Array.from([...xs].sort((a, b) => a - b));
}

export function computeSweep(
  p: Params,
  axis: SizeAxis,
  at: SweepAt,
  tFixed: number = p.tmax,
  opts: SweepOptions = {},
): SweepResult {
  // The posterior has no training time: its sweeps are at t → ∞, and say so.
  if (p.regime === 'bayes') at = 'inf';
  const cache = opts.cache ?? null;
  const x = sweepGrid(p, axis, opts);
  const current = p[axis];
  // The current point's best over training serves both its error at t* and the laws' t*.
  const best =
    p.regime === 'bayes' ? { t: Infinity, Eg: NaN, floor: 0 } : bestOverTraining(p, cache);
  const Eg = new Float64Array(x.length);
  // What the fit may read: E_g where it is well above the engine's floor (1 %), else NaN, which
  // ends a run (docs/theory.md §8: no slope read below the resolution).
  const fitEg = new Float64Array(x.length);
  let currentEg = !Number.isFinite(current) ? NaN : at === 'tstar' ? best.Eg : NaN;
  for (let i = 0; i < x.length; i++) {
    // The grid point at the current value is the current state: not computed twice.
    const r =
      x[i] === current && at === 'tstar' && p.regime !== 'bayes'
        ? best
        : readAt({ ...p, [axis]: x[i] }, at, tFixed, cache);
    Eg[i] = r.Eg;
    fitEg[i] = r.Eg >= 100 * r.floor ? r.Eg : NaN;
    if (x[i] === current) currentEg = Eg[i];
  }
  if (Number.isFinite(current) && Number.isNaN(currentEg))
    currentEg = errorAt(p, at, tFixed, cache);
  // Past a measured spectrum's last mode the curve shows that finite spectrum being interpolated,
  // not a law of the distribution it was measured on: no fit spans it.
  const modesEdge = axis === 'P' ? measuredEdge(p) : null;
  const below = modesEdge ? x.findIndex((v) => v >= modesEdge.M) : -1;
  const nFit = below >= 0 ? below : x.length;
  const { fit, failure } = stableFit(x.subarray(0, nFit), fitEg.subarray(0, nFit), { sign: -1 });
  const law = exponentLaws(p, { at, tAt: tFixed }, best.t)[axis];
  const other = axis === 'N' ? p.P : p.N;
  // The interpolation peak: E_g(∞) diverges at N = P (no ridge); at t* or a fixed t it is finite.
  const iPeak = Number.isFinite(other) ? Array.prototype.indexOf.call(x, other) : -1;
  const peak = at === 'inf' && iPeak >= 0 && Eg[iPeak] === Infinity ? other : null;
  return {
    axis,
    at,
    tFixed,
    x,
    Eg,
    fit,
    fitGap: failure,
    law,
    predicted: law.value,
    current,
    currentEg,
    peak,
    modesEdge,
  };
}

/** The measured spectrum's number of modes M and of entries, for the P axis; null for the power law. */
export function measuredEdge(p: Params): ModesEdge | null {
  const data = dataSpectrum(p);
  if (!data || (p.data !== 'mnist' && p.data !== 'custom')) return null;
  return { source: p.data, M: data.measured.M, entries: data.modes.lam.length };
}
