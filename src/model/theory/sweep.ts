// Scaling panels: E_g swept over a log grid of P or of N, evaluated at the early-stopping point
// (the true t* of each point, over all t), at a fixed time, or at t → ∞; with the visible power
// law (fit.ts stableFit, falling branch only) and the law that predicts the slope in this state
// (laws.ts). Near the interpolation point N = P the grid is refined so the peak shows, and no fit
// spans it (docs/theory.md §6, §8).
import { resolutionAt, scanLockstep } from './dynamics.ts';
import { findEarlyStop } from './earlyStop.ts';
import { makeEngine, type KappaCache } from './engine.ts';
import { stableFit } from './fit.ts';
import { exponentLaws, MUCH } from './laws.ts';
import { computeLimit } from './limits.ts';
import { dataSpectrum } from './dataSpectra.ts';
import { isMeasured } from '../data/sources.ts';
import { MAX_SIZE, type Params } from '../params.ts';
import { evaluatorFor } from './timeEval.ts';
import type { ModesEdge, PowerFit, SizeAxis, SweepAt, SweepResult } from '../types.ts';
import type { LawId, LawVerdict, SweepSetting } from './laws.ts';
import { hasDynamics } from '../regimes.ts';
import { logIntegers } from '../grid.ts';

export interface SweepOptions {
  /** Number of log-spaced sweep points (default: SWEEP_PER_DECADE per decade of the range). */
  n?: number;
  /** Sweep range; default sweepRange's. */
  lo?: number;
  hi?: number;
  /** κ solves shared with sweeps of other targets on the same eigenvalues (engine.ts). */
  cache?: KappaCache | null;
}

/**
 * Sizes from which the size laws can show (docs/theory.md §6): below about ten samples or
 * features only the top modes are fitted and no power law has begun, as t ≲ T_LAW_START for time.
 */
export const SIZE_LAW_START = 10;
/** Sweep points per decade of the range (13 over the 3 decades of 32× each side before). */
const SWEEP_PER_DECADE = 13 / 3;

/** Relative offsets from the interpolation point added to the grid (and the point itself). */
const PEAK_OFFSETS = [-0.25, -0.1, -0.03, -0.01, 0, 0.01, 0.03, 0.1, 0.25];

/** E_g for one configuration at the chosen point of training (Infinity where it diverges). */
export function errorAt(
  p: Params,
  at: SweepAt,
  tFixed: number,
  cache: KappaCache | null = null,
): number {
  return readsAt([p], at, tFixed, cache)[0].Eg;
}

/** A value of E_g and the engine's floor there (t = ∞: the static limit's); t: where it is read. */
interface Read {
  t: number;
  Eg: number;
  floor: number;
}

/**
 * E_g of states that differ only in β at the chosen point of training, with the floor there. At
 * t* their scans run in lockstep (dynamics.ts scanLockstep: κ once per time for all of them).
 */
function readsAt(
  ps: readonly Params[],
  at: SweepAt,
  tFixed: number,
  cache: KappaCache | null,
): Read[] {
  if (at === 'inf' || !hasDynamics(ps[0].regime))
    return ps.map((p) => {
      const l = computeLimit(makeEngine(p));
      return { t: Infinity, Eg: l.Eg, floor: l.floor };
    });
  if (at === 't')
    return ps.map((p) => {
      const v = evaluatorFor(makeEngine(p, tFixed, false, cache)).at(tFixed, { train: false });
      return { t: tFixed, Eg: v.Eg, floor: v.floor };
    });
  return bestsOverTraining(ps, cache);
}

/**
 * Best error over all of training: E* at t* where stopping pays, else E_g(∞) (t* = Infinity),
 * with the floor there; for states that differ only in β, their scans in lockstep.
 */
function bestsOverTraining(ps: readonly Params[], cache: KappaCache | null): Read[] {
  return scanLockstep(ps, 0, cache ?? undefined).map((scan, i) => {
    const es = findEarlyStop(scan, ps[i].tmin, ps[i].tmax);
    return { t: es.t, Eg: es.Eg, floor: es.case === 'none' ? 0 : resolutionAt(scan, es.t) };
  });
}

export function sweepCenter(p: Params, axis: SizeAxis): number {
  const v = p[axis];
  return Number.isFinite(v) ? v : p.P;
}

/**
 * The sweep's range: 32× each side of the current value, reaching down to SIZE_LAW_START so that
 * the stretch where the swept size is the bottleneck (below the other size over MUCH, where the
 * fit is read: fitLimit) is in view even when the current value sits at or past the other size
 * (the interpolation peak and the plateau beyond it stay in view too). Clipped to [1, 10⁷].
 */
export function sweepRange(p: Params, axis: SizeAxis): { lo: number; hi: number } {
  const c = sweepCenter(p, axis);
  return { lo: Math.max(1, Math.min(c / 32, SIZE_LAW_START)), hi: Math.min(MAX_SIZE, c * 32) };
}

/**
 * The largest size a sweep's fit may read: below the other size over MUCH (P ≪ N for a sweep
 * over P, N ≪ P over N), where the swept size is the bottleneck and its law can hold; the
 * crossover and the interpolation peak are not read as a power law (docs/theory.md §6, §8).
 * Infinity when the other size is ∞.
 */
export function fitLimit(p: Params, axis: SizeAxis): number {
  const other = axis === 'N' ? p.P : p.N;
  return Number.isFinite(other) ? other / MUCH : Infinity;
}

/** The sweep grid: log-spaced integers, refined around the interpolation point when in range. */
export function sweepGrid(p: Params, axis: SizeAxis, opts: SweepOptions = {}): Float64Array {
  const range = sweepRange(p, axis);
  const lo = Math.max(1, opts.lo ?? range.lo);
  const hi = Math.min(MAX_SIZE, opts.hi ?? range.hi);
  const n = opts.n ?? Math.max(2, Math.round(Math.log10(hi / lo) * SWEEP_PER_DECADE) + 1);
  const xs = new Set<number>(logIntegers(lo, hi, n));
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
  return computeSweeps([p], axis, at, tFixed, opts)[0];
}

/**
 * The sweeps of states that differ only in β (a column of the phase diagram: the grid over P or
 * N is the same for all of them), computed together: each sweep point's scans run in lockstep and
 * share their κ. Each result is exactly computeSweep's for that state.
 */
export function computeSweeps(
  ps: readonly Params[],
  axis: SizeAxis,
  at: SweepAt,
  tFixed: number = ps[0].tmax,
  opts: SweepOptions = {},
): SweepResult[] {
  const p0 = ps[0];
  // The posterior has no training time: its sweeps are at t → ∞, and say so.
  if (!hasDynamics(p0.regime)) at = 'inf';
  const cache = opts.cache ?? null;
  const x = sweepGrid(p0, axis, opts);
  const current = p0[axis];
  // The current point's best over training serves both its error at t* and the laws' t*.
  const bests: Read[] = !hasDynamics(p0.regime)
    ? ps.map(() => ({ t: Infinity, Eg: NaN, floor: 0 }))
    : bestsOverTraining(ps, cache);
  const Eg = ps.map(() => new Float64Array(x.length));
  // What the fit may read: E_g where it is well above the engine's floor (1 %), else NaN, which
  // ends a run (docs/theory.md §8: no slope read below the resolution).
  const fitEg = ps.map(() => new Float64Array(x.length));
  const currentEg = ps.map((_, b) =>
    !Number.isFinite(current) ? NaN : at === 'tstar' ? bests[b].Eg : NaN,
  );
  for (let i = 0; i < x.length; i++) {
    // The grid point at the current value is the current state: not computed twice.
    const reads =
      x[i] === current && at === 'tstar' && hasDynamics(p0.regime)
        ? bests
        : readsAt(
            ps.map((p) => ({ ...p, [axis]: x[i] })),
            at,
            tFixed,
            cache,
          );
    reads.forEach((r, b) => {
      Eg[b][i] = r.Eg;
      fitEg[b][i] = r.Eg >= 100 * r.floor ? r.Eg : NaN;
      if (x[i] === current) currentEg[b] = r.Eg;
    });
  }
  return ps.map((p, b) => {
    if (Number.isFinite(current) && Number.isNaN(currentEg[b]))
      currentEg[b] = errorAt(p, at, tFixed, cache);
    return sweepResult(
      p,
      axis,
      at,
      tFixed,
      { x, Eg: Eg[b], fitEg: fitEg[b] },
      bests[b].t,
      currentEg[b],
    );
  });
}

/** A sweep's values with its fit, its law and its interpolation peak. */
function sweepResult(
  p: Params,
  axis: SizeAxis,
  at: SweepAt,
  tFixed: number,
  v: { x: Float64Array; Eg: Float64Array; fitEg: Float64Array },
  tStar: number,
  currentEg: number,
): SweepResult {
  const { x, Eg, fitEg } = v;
  // Past a measured spectrum's last mode the curve shows that finite spectrum being interpolated,
  // not a law of the distribution it was measured on: no fit spans it.
  // Nor does a fit read the crossover to the other size (fitLimit).
  const modesEdge = axis === 'P' ? measuredEdge(p) : null;
  const limit = Math.min(fitLimit(p, axis), modesEdge ? modesEdge.M * (1 - 1e-9) : Infinity);
  const above = x.findIndex((u) => u > limit);
  const nFit = above >= 0 ? above : x.length;
  const { fit, failure } = stableFit(x.subarray(0, nFit), fitEg.subarray(0, nFit), { sign: -1 });
  const law = sweepLaw(p, axis, { at, tAt: tFixed }, tStar, fit);
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
    current: p[axis],
    currentEg,
    peak,
    modesEdge,
  };
}

/** The laws of the sizes themselves (the flat laws quote the current size, and hold there). */
export const SIZE_LAWS: readonly LawId[] = ['data', 'early-stop', 'model'];

/**
 * The law a sweep's slope is set against: judged where the fit was read, at the top of its window
 * (P ≪ N, N ≪ P, P ≪ M and the size against γ^{−1/α} or k*(t) only tighten as the swept size
 * grows, so a condition met there holds over the whole window); the current state's verdict when
 * there is no fit. When the window's top has no size law (a flat law, or a transition), the
 * state's own size law when the state lies inside the window; else the slope is set against none:
 * the gap 'fit-window', with the verdict at the top as its reason. The state's own law, which may
 * hold far beyond the window (P ≥ 10 N at P = 10⁶ beside a fit over P ≤ 240), is never set
 * against a slope read elsewhere.
 */
export function sweepLaw(
  p: Params,
  axis: SizeAxis,
  setting: SweepSetting,
  tStar: number,
  fit: PowerFit | null,
): LawVerdict {
  const here = exponentLaws(p, setting, tStar)[axis];
  if (!fit) return here;
  const top = exponentLaws({ ...p, [axis]: fit.xmax }, setting, tStar)[axis];
  const facts = { ...top.facts, fitTop: fit.xmax };
  if (top.law && SIZE_LAWS.includes(top.law)) return { ...top, facts };
  // The state's own size law, where the state lies inside the window (its condition is met there).
  const size = p[axis];
  if (here.law && SIZE_LAWS.includes(here.law) && size >= fit.xmin && size <= fit.xmax) return here;
  return {
    row: top.row,
    law: null,
    gap: 'fit-window',
    value: NaN,
    facts: { ...facts, atFitTop: top },
  };
}

/** The measured spectrum's number of modes M and of entries, for the P axis; null for the power law. */
export function measuredEdge(p: Params): ModesEdge | null {
  const data = dataSpectrum(p);
  if (!data || !isMeasured(p)) return null;
  return { source: p.data, M: data.measured.M, entries: data.modes.lam.length };
}
