// The hold-out check (docs/theory.md §10): the last fraction of the decades of x held out, the
// theory fitted to the rest (the same search, the coarse grid's tables reused) and each run's plain
// power law L₀ + A·x^(−a) fitted to the same points, both predicting the held-out points; their
// errors side by side show which extrapolates better on these runs.
import { LinearSolver, C, L0, S2 } from './linear.ts';
import { interpolate } from './basis.ts';
import {
  brentMin,
  prepareData,
  Profiler,
  tableOf,
  type FitData,
  type ProfilePoint,
} from './profile.ts';
import { findBest, GRID_ALPHA, GRID_BETA, REFINE_EXPECTED } from './search.ts';
import { FitError, type Progress } from './progress.ts';
import { MIN_FIT_POINTS, type Run } from './runs.ts';
import type { Params } from '../params.ts';
import type { RunFitOptions } from './options.ts';
import { linspace } from '../grid.ts';

export interface HoldoutResult {
  /** The data were fitted at x ≤ split and predicted beyond (user units). */
  split: number;
  fraction: number;
  nFit: number;
  nHeld: number;
  theory: HoldoutError & { alpha: number; beta: number };
  powerlaw: HoldoutError & { fits: PowerLawFit[] };
  /** The theory fitted on x ≤ split, per run configuration, over its runs' whole x range. */
  curves: HoldoutCurve[];
}

/** The hold-out fit's curve of one run configuration: fitted on x ≤ split, continued beyond. */
export interface HoldoutCurve {
  runs: string[];
  x: Float64Array;
  loss: Float64Array;
}

/** Points of each hold-out curve. */
const HOLDOUT_CURVE_POINTS = 48;

/** A plain power law L₀ + A·x^(−a) fitted to one run. */
export interface PowerLawFit {
  run: string;
  floor: number;
  amplitude: number;
  exponent: number;
}

/** The fraction of the decades of x held out when the user asks for the hold-out check. */
export const HOLDOUT_FRACTION = 0.3;

/** The plain power law L₀ + A·x^(−a) of one run at x. */
export function powerLawValue(f: PowerLawFit, x: number): number {
  return f.floor + f.amplitude * Math.pow(x, -f.exponent);
}

/** Exponents a searched: (0, POWER_MAX]. */
const POWER_MAX = 4;

/**
 * The power law L₀ + A·x^(−a) of one run, by the same criterion as the theory (Huber on log
 * residuals, decade weights, L₀, A ≥ 0 by non-negative least squares at each a), a scanned and
 * refined by Brent's method. Null with fewer than four points.
 */
export function fitPowerLaw(d: FitData, run: number): PowerLawFit | null {
  const r = d.runs[run];
  const n = r.to - r.from;
  if (n < 4) return null;
  const ly = d.ly.subarray(r.from, r.to);
  const lx = d.lx.subarray(r.from, r.to);
  const w = d.w.subarray(r.from, r.to);
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const solver = new LinearSolver(n);
  const q = (a: number) => {
    for (let i = 0; i < n; i++) A[i] = Math.exp(-a * lx[i]);
    return solver.solve({
      ly,
      w,
      A,
      B,
      n,
      delta: d.delta,
      fix: { floor: d.fix.floor, sigma2: null },
    });
  };
  let bestA = 0.05;
  let bestQ = Infinity;
  for (let a = 0.05; a <= POWER_MAX; a += 0.1) {
    const v = q(a);
    if (v < bestQ) {
      bestQ = v;
      bestA = a;
    }
  }
  const ref = brentMin(q, Math.max(1e-3, bestA - 0.1), Math.min(POWER_MAX, bestA + 0.1), 1e-5);
  const a = ref.f <= bestQ ? ref.x : bestA;
  q(a);
  return { run: r.id, floor: solver.theta[L0], amplitude: solver.theta[C], exponent: a };
}

/** Prediction error on held-out points: RMS and largest |ln y − ln m| (≈ relative errors). */
export interface HoldoutError {
  rms: number;
  max: number;
  /** Held-out points predicted. */
  n: number;
}

/**
 * The errors of predictions ln m (NaN: not predicted) against the held-out points of the data.
 */
export function holdoutError(ly: Float64Array, lm: Float64Array): HoldoutError {
  let s = 0;
  let max = 0;
  let n = 0;
  for (let i = 0; i < ly.length; i++) {
    if (!Number.isFinite(lm[i])) continue;
    const e = ly[i] - lm[i];
    s += e * e;
    max = Math.max(max, Math.abs(e));
    n++;
  }
  return { rms: n ? Math.sqrt(s / n) : NaN, max: n ? max : NaN, n };
}

/** The runs cut at x ≤ split (fit part) and their points beyond (held out), as ln x, ln y per run. */
export function splitRuns(runs: readonly Run[], split: number): { fit: Run[]; held: Run[] } {
  const fit: Run[] = [];
  const held: Run[] = [];
  for (const r of runs) {
    const k = r.x.findIndex((v) => v > split);
    const cut = k < 0 ? r.x.length : k;
    fit.push({ ...r, x: r.x.slice(0, cut), loss: r.loss.slice(0, cut) });
    held.push({ ...r, x: r.x.slice(cut), loss: r.loss.slice(cut) });
  }
  return { fit, held };
}

/** ln m of a fitted theory point at the held-out points (NaN where a run has none or the table ends). */
export function theoryAt(
  p: ProfilePoint,
  config: (run: Run) => number,
  held: readonly Run[],
): Float64Array {
  const out: number[] = [];
  for (const r of held) {
    const n = r.x.length;
    if (n === 0) continue;
    const lx = Float64Array.from(r.x, Math.log);
    const A = new Float64Array(n);
    const B = new Float64Array(n);
    const k = config(r);
    const ok = k >= 0 && interpolate(p.tables[k], p.lnS, lx, 0, n, A, B, null, null);
    for (let i = 0; i < n; i++)
      out.push(ok ? Math.log(p.theta[L0] + p.theta[C] * A[i] + p.theta[S2] * B[i]) : NaN);
  }
  return Float64Array.from(out);
}

/** ln m of each run's power law at its held-out points (NaN for a run without a fit). */
export function powerLawAt(fits: (PowerLawFit | null)[], held: readonly Run[]): Float64Array {
  const out: number[] = [];
  held.forEach((r, k) => {
    const f = fits[k];
    for (const x of r.x) out.push(f ? Math.log(powerLawValue(f, x)) : NaN);
  });
  return Float64Array.from(out);
}

/** ln loss of the held-out points, in the order of theoryAt and powerLawAt. */
export function heldLogLoss(held: readonly Run[]): Float64Array {
  const out: number[] = [];
  for (const r of held) for (const y of r.loss) out.push(Math.log(y));
  return Float64Array.from(out);
}

/**
 * The hold-out check: fit the theory on x ≤ split (the first 1 − fraction of the decades of x)
 * and predict the rest; fit each run's power law on the same points and predict the same rest.
 */
export function holdoutCheck(
  runs: readonly Run[],
  o: RunFitOptions,
  base: Params,
  all: FitData,
  fraction: number,
  grid: ProfilePoint[],
  check: () => void,
  progress: Progress,
): HoldoutResult | string {
  const split = Math.exp(all.lxMin + (1 - fraction) * (all.lxMax - all.lxMin));
  const xMin = o.xMin ?? 0;
  const { fit, held } = splitRuns(
    runs.map((r) => ({
      ...r,
      x: r.x.filter((x) => x >= xMin),
      loss: r.loss.filter((_, i) => r.x[i] >= xMin),
    })),
    split,
  );
  const extrapolate = Math.max(o.extrapolate ?? 10, (Math.exp(all.lxMax) / split) * 1.01);
  const nFit = fit.reduce((s, r) => s + r.x.length, 0);
  const nHeld = held.reduce((s, r) => s + r.x.length, 0);
  const at = `x ≤ ${split.toPrecision(3)}`;
  if (nFit < MIN_FIT_POINTS)
    return `${nFit} points at ${at} to fit; at least ${MIN_FIT_POINTS} are needed`;
  if (nHeld === 0) return `no point beyond ${at} to predict`;
  const d = prepareData(
    fit.filter((r) => r.x.length > 0),
    o.axis,
    base,
    xMin,
    extrapolate,
    all.fix,
  );
  if (!(d.lxMax > d.lxMin)) return `every point at ${at} has the same x`;
  const pr = new Profiler(d, extrapolate);
  let k = 0;
  const expected = GRID_ALPHA * GRID_BETA + REFINE_EXPECTED;
  let best: ProfilePoint;
  try {
    best = findBest(pr, check, () => progress.report('holdout', ++k, expected), grid).best;
  } catch (e) {
    if (e instanceof FitError) return `the fit of x ≤ ${split.toPrecision(3)}: ${e.message}`;
    throw e;
  }
  const configOf = (r: Run) => tableOf(best, base, r);
  const ly = heldLogLoss(held);
  const theory = holdoutError(ly, theoryAt(best, configOf, held));
  const fits = d.runs.map((_, i) => fitPowerLaw(d, i));
  const fitsByRun = held.map((r) => fits.find((f) => f?.run === r.id) ?? null);
  const power = holdoutError(ly, powerLawAt(fitsByRun, held));
  return {
    curves: holdoutCurves(best, configOf, runs, xMin),
    split,
    fraction,
    nFit: d.n,
    nHeld: ly.length,
    theory: { ...theory, alpha: best.alpha, beta: best.beta },
    powerlaw: { ...power, fits: fits.filter((f): f is PowerLawFit => f !== null) },
  };
}

/**
 * The hold-out fit's curves: for each configuration of the fitted point, log-spaced over its runs'
 * x ≥ xMin (fit part and held-out part); a point outside the tables is NaN.
 */
export function holdoutCurves(
  p: ProfilePoint,
  config: (run: Run) => number,
  runs: readonly Run[],
  xMin: number,
): HoldoutCurve[] {
  const out: HoldoutCurve[] = [];
  p.tables.forEach((tb, k) => {
    const mine = runs.filter((r) => config(r) === k);
    const xs = mine.flatMap((r) => Array.from(r.x).filter((x) => x >= xMin));
    if (xs.length === 0) return;
    const lo = Math.log(Math.min(...xs));
    const hi = Math.log(Math.max(...xs));
    const n = hi > lo ? HOLDOUT_CURVE_POINTS : 1;
    const lx = linspace(lo, hi, n);
    const A = new Float64Array(n);
    const B = new Float64Array(n);
    const loss = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++)
      if (interpolate(tb, p.lnS, lx, i, i + 1, A, B, null, null))
        loss[i] = p.theta[L0] + p.theta[C] * A[i] + p.theta[S2] * B[i];
    out.push({ runs: mine.map((r) => r.id), x: Float64Array.from(lx, Math.exp), loss });
  });
  return out;
}
