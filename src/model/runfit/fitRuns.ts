// Fit a user's runs with the theory (docs/theory.md §10): loss = L₀ + c·E(s·x; α, β, σ²/c, the
// other parameters as given), for x = training steps, dataset size or model size.
//
// One pure function, fitRuns: the runs and the options in, plain data out (numbers, strings and
// Float64Arrays, so a worker can transfer it), with a progress callback and a cancellation check
// between any two evaluations of the theory. The steps:
//   1. the criterion (Huber on log residuals, decades weighted equally) profiled over ln s and
//      (L₀, c, σ²) at each (α, β): profile.ts;
//   2. a coarse grid over the phase diagram's box, then Nelder–Mead: search.ts;
//   3. the 68 % and 95 % profile-likelihood regions and intervals, calibrated for correlated
//      points within a run, and the ridge warning: region.ts;
//   4. the bootstrap over runs: bootstrap.ts;
//   5. the fitted curves to `extrapolate` × the largest x with their bands: predict.ts; the
//      hold-out check against a plain power law: holdout.ts.
import {
  DEFAULT_PARAMS,
  MAX_SIZE,
  MODEL_KEYS,
  numericSpec,
  ParamError,
  rangeText,
  validateParams,
  type Params,
  type Regime,
} from '../params.ts';
import { interpolate } from './basis.ts';
import { bootstrapRuns, type BootstrapResult } from './bootstrap.ts';
import { holdoutCheck, type HoldoutResult } from './holdout.ts';
import { C, L0, S2, type LinearFix } from './linear.ts';
import { fitCurves, quantile, type FitCurve } from './predict.ts';
import { prepareData, Profiler, tableOf, type FitData, type ProfilePoint } from './profile.ts';
import { FitCancelled, FitError, Progress, type FitHooks } from './progress.ts';
import {
  computeRegions,
  deviance,
  interval,
  levelOf,
  residuals,
  ridgeWarning,
  type Calibration,
  type RegionPolygon,
  type RidgeWarning,
} from './region.ts';
import { FIT_REGIMES } from './regimes.ts';
import { MIN_FIT_POINTS, type FitAxis, type Run, type RunSet } from './runs.ts';
import { findBest, type FineSearch } from './search.ts';

export {
  FitCancelled,
  FitError,
  type FitHooks,
  type FitProgress,
  type FitStage,
} from './progress.ts';
export type { HoldoutResult } from './holdout.ts';
export type { RunFitOptions } from './options.ts';
import type { RunFitOptions } from './options.ts';

/** A probed (α, β): its deviance and whether it lies in the 68 % and 95 % joint regions. */
export interface Probe {
  alpha: number;
  beta: number;
  deviance: number;
  inside68: boolean;
  inside95: boolean;
}

/** A fitted exponent with its profile-likelihood intervals. */
export interface Estimate {
  value: number;
  ci68: [number, number];
  ci95: [number, number];
}

export interface BootstrapSummary {
  /** Resamples drawn and refitted. */
  B: number;
  /** Their α and β. */
  alpha: Float64Array;
  beta: Float64Array;
  /** Percentile intervals (16–84 % and 2.5–97.5 %). */
  alphaCi: { ci68: [number, number]; ci95: [number, number] };
  betaCi: { ci68: [number, number]; ci95: [number, number] };
  /** Resamples whose best point lies outside the 95 % profile region. */
  outside: number;
}

/** A run as fitted: its data, the model at its x, and which points the fit used. */
export interface FittedRun {
  id: string;
  x: Float64Array;
  loss: Float64Array;
  /** The fitted loss at x. */
  fitted: Float64Array;
  /** 1 where the point was used (x ≥ xMin), 0 where it was left out. */
  used: Uint8Array;
  /** Index of its curve in `curves`. */
  curve: number;
}

export interface RunFitResult {
  axis: FitAxis;
  regime: Regime;
  alpha: Estimate;
  beta: Estimate;
  /** s: theory x per unit of the user's x (time per step, or theory P or N per user unit). */
  xScale: number;
  /** c: the scale of the target's power (loss units). */
  scale: number;
  /** L₀: the irreducible floor (loss units). */
  floor: number;
  /** σ² of the theory (label noise relative to the target; c·σ² in loss units). */
  sigma2: number;
  /** The fitted theory as an app state (the first run configuration). */
  params: Params;
  region: {
    /** The 68 % and 95 % joint regions (dof 2) and the one-parameter levels (dof 1). */
    polygons: RegionPolygon[];
    /** Every (α, β) evaluated near the best fit and its deviance. */
    points: { alpha: Float64Array; beta: Float64Array; deviance: Float64Array };
    calibration: Calibration;
    /** The local quadratic form of the deviance in box units (2 × 2, row-major). */
    hessian: Float64Array;
  };
  ridge: RidgeWarning | null;
  probes: Probe[];
  bootstrap: BootstrapSummary | null;
  /** Why there is no bootstrap (null when there is one). */
  bootstrapSkipped: string | null;
  curves: FitCurve[];
  runs: FittedRun[];
  holdout: HoldoutResult | null;
  /** Why the hold-out asked for could not be made (null when it was, or was not asked for). */
  holdoutSkipped: string | null;
  quality: {
    /** Points fitted. */
    n: number;
    /** RMS of the log residuals (≈ relative error). */
    rms: number;
    /** Noise scale of ln loss from the data alone, and the Huber threshold. */
    tau0: number;
    delta: number;
    /**
     * The residuals are more than MISFIT times the noise the data show point to point: the
     * theory's curves do not follow these runs (the regions are widened for it, not made exact).
     */
    misfit: boolean;
  };
  work: { points: number; evaluations: number; ms: number };
  /** What was done on the user's behalf (defaults taken, rows sorted, points left out). */
  notes: string[];
}

/** Expected evaluations of the regions (for progress only). */
const REGION_EXPECTED = 75;

/** The theory parameters the runs are fitted with: defaults, the options, the regime's check. */
function resolveBase(runs: readonly Run[], o: RunFitOptions, notes: string[]): Params {
  const regime = o.regime ?? 'gf';
  const spec = FIT_REGIMES[regime];
  if (!spec)
    throw new FitError(
      `regime ${regime} cannot be fitted (fitted regimes: ${Object.keys(FIT_REGIMES).join(', ')})`,
    );
  if (spec.axes && !spec.axes.includes(o.axis))
    throw new FitError(
      `regime ${regime} is fitted on x = ${spec.axes.join(' or ')}, not ${o.axis}`,
    );
  const given = o.params ?? {};
  const base: Params = {
    ...DEFAULT_PARAMS,
    P: MAX_SIZE,
    N: Infinity,
    M: Infinity,
    sigma2: 1,
    gamma: regime === 'wd' ? DEFAULT_PARAMS.gamma : 0,
    T: 0,
    sigma02: 0,
    ...given,
    regime,
  };
  for (const key of ['P', 'N'] as const) {
    if (key === o.axis || given[key] !== undefined || runs.every((r) => r[key] !== undefined))
      continue;
    if (key === 'P' && !spec.usesP) continue;
    notes.push(
      `${key} not given: ${key === 'P' ? '10⁷' : '∞'} (not a bottleneck); give ${key} if the runs had one`,
    );
  }
  if (regime === 'wd' && given.gamma === undefined)
    notes.push(`weight decay γ not given: ${DEFAULT_PARAMS.gamma} (theory units, 1/time)`);
  for (const c of spec.columns)
    if (given[c] === undefined && !runs.every((r) => r[c] !== undefined))
      notes.push(`${c === 'eta' ? 'η' : c} not given: ${DEFAULT_PARAMS[c]} (theory units)`);
  validateParams({ ...base, alpha: 1.5, beta: 2 }, { keys: MODEL_KEYS, integers: false });
  const bad = spec.check(base);
  if (bad) throw new ParamError(bad.param, bad.message);
  for (const r of runs)
    for (const c of ['batch', 'eta'] as const)
      if (r[c] !== undefined && !spec.columns.includes(c)) {
        notes.push(`${c} is read but does not act in regime ${regime} (it acts with SGD)`);
        return base;
      }
  return base;
}

/**
 * Fit the runs (see the header). Throws FitError (data the fit cannot use), ParamError (a
 * parameter out of its range) or FitCancelled (hooks.shouldCancel returned true).
 */
export function fitRuns(
  set: RunSet | readonly Run[],
  o: RunFitOptions,
  hooks: FitHooks = {},
): RunFitResult {
  const start = performance.now();
  const runs = 'runs' in set ? set.runs : set;
  const notes = 'runs' in set ? [...set.notes] : [];
  const base = resolveBase(runs, o, notes);
  const extrapolate = o.extrapolate ?? 10;
  const xMin = o.xMin ?? 0;
  const B = o.bootstrap ?? 50;
  const fix = linearFix(o);
  const data = prepareData(runs, o.axis, base, xMin, extrapolate, fix);
  checkData(data, runs, xMin, notes);
  const check = () => {
    if (hooks.shouldCancel?.()) throw new FitCancelled();
  };
  const holdout = o.holdout ?? null;
  if (holdout !== null && !(holdout > 0 && holdout < 1))
    throw new FitError(`hold-out fraction ${holdout} is not in (0, 1)`);
  const progress = new Progress(hooks, [
    'grid',
    'refine',
    'region',
    ...(B > 0 ? (['bootstrap'] as const) : []),
    ...(holdout !== null ? (['holdout'] as const) : []),
    'curves',
  ]);
  const pr = new Profiler(data, extrapolate);
  const found = findBest(
    pr,
    check,
    (stage, done, total) => progress.report(stage, done, total),
    null,
  );
  let n = 0;
  const reg = computeRegions(found.fs, found.best, () =>
    progress.report('region', ++n, REGION_EXPECTED),
  );
  const best = reg.best;
  const cal = reg.calibration;
  const joint95 = reg.polygons.find((p) => p.dof === 2 && p.coverage === 0.95)!;
  const ridge = ridgeWarning(joint95, best);
  const probes = (o.probes ?? []).map((h) => probe(found.fs, best, cal, h));
  const { boot, bootstrapSkipped } = bootstrap(pr, found.fs, best, cal, B, o.seed ?? 1, (done) => {
    check();
    progress.report('bootstrap', done, B);
  });
  const held =
    holdout === null
      ? null
      : holdoutCheck(runs, o, base, data, holdout, found.grid, check, progress);
  const curves = fitCurves(pr, found.fs.points, best, cal, boot, extrapolate, o.curvePoints ?? 48);
  progress.report('curves', 1, 1);
  const fitted = fittedRuns(best, runs, base, xMin);
  const r = residuals(found.fs, best);
  return {
    axis: o.axis,
    regime: base.regime,
    alpha: estimate(reg.polygons, 0, best.alpha),
    beta: estimate(reg.polygons, 1, best.beta),
    xScale: Math.exp(best.lnS),
    scale: best.theta[C],
    floor: best.theta[L0],
    sigma2: best.theta[C] > 0 ? best.theta[S2] / best.theta[C] : 0,
    params: appState(base, data, best, o.axis, notes),
    region: {
      polygons: reg.polygons,
      points: pointCloud(found.fs.points, best, cal),
      calibration: cal,
      hessian: reg.hessian,
    },
    ridge,
    probes,
    bootstrap: boot ? summarise(boot) : null,
    bootstrapSkipped,
    curves,
    runs: fitted,
    holdout: typeof held === 'string' ? null : held,
    holdoutSkipped: typeof held === 'string' ? held : null,
    quality: quality(data, r),
    work: { points: pr.points, evaluations: pr.evaluations, ms: performance.now() - start },
    notes,
  };
}

/** The deviance of a hypothesis (α, β) against the best fit, and whether the joint regions hold it. */
function probe(
  fs: FineSearch,
  best: ProfilePoint,
  cal: Calibration,
  h: { alpha: number; beta: number },
): Probe {
  const D = Math.max(0, deviance(fs.at(h.alpha, h.beta), best, cal));
  const inside = (c: 0.68 | 0.95) => D <= levelOf(cal.levels, c, 2);
  return {
    alpha: h.alpha,
    beta: h.beta,
    deviance: D,
    inside68: inside(0.68),
    inside95: inside(0.95),
  };
}

/** The bootstrap over runs when there are three runs or more, else why not. */
function bootstrap(
  pr: Profiler,
  fs: FineSearch,
  best: ProfilePoint,
  cal: Calibration,
  B: number,
  seed: number,
  progress: (done: number) => void,
): { boot: BootstrapResult | null; bootstrapSkipped: string | null } {
  const R = pr.data.runs.length;
  if (B <= 0) return { boot: null, bootstrapSkipped: 'not asked for' };
  if (R < 3)
    return {
      boot: null,
      bootstrapSkipped: `${R} run${R === 1 ? '' : 's'}: the bootstrap resamples runs and needs at least 3`,
    };
  return {
    boot: bootstrapRuns(pr, fs.points, best, cal, B, seed, progress),
    bootstrapSkipped: null,
  };
}

/** Residuals this many times the point-to-point noise τ₀ mean the theory misses the runs' shape. */
export const MISFIT = 2;

function quality(d: FitData, r: Float64Array): RunFitResult['quality'] {
  const rms = Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length);
  return { n: d.n, rms, tau0: d.tau0, delta: d.delta, misfit: rms > MISFIT * d.tau0 };
}

/** The linear parameters the options fix, checked. */
function linearFix(o: RunFitOptions): LinearFix {
  if (o.floor !== undefined && !(o.floor >= 0 && Number.isFinite(o.floor)))
    throw new FitError(`floor ${o.floor} must be a number ≥ 0`);
  if (o.sigma2 !== undefined) {
    const spec = numericSpec('sigma2');
    if (!(o.sigma2 >= spec.min && o.sigma2 <= spec.max))
      throw new ParamError(
        'sigma2',
        `sigma2 = ${o.sigma2} is out of its domain (${rangeText(spec)})`,
      );
  }
  return { floor: o.floor ?? null, sigma2: o.sigma2 ?? null };
}

/** Enough points after the warm-up cut, and an x range the theory's domain can hold. */
function checkData(d: FitData, runs: readonly Run[], xMin: number, notes: string[]): void {
  const total = runs.reduce((s, r) => s + r.x.length, 0);
  if (d.n < total)
    notes.push(
      `${total - d.n} point${total - d.n === 1 ? '' : 's'} with x < ${xMin} left out (warm-up)`,
    );
  if (d.n < MIN_FIT_POINTS)
    throw new FitError(`${d.n} points with x ≥ ${xMin}; at least ${MIN_FIT_POINTS} are needed`);
  if (!(d.lxMax > d.lxMin))
    throw new FitError(
      `every point has x = ${Number(Math.exp(d.lxMin).toPrecision(6))}: the fit needs x to vary`,
    );
  if (!(d.lsMax > d.lsMin))
    throw new FitError(
      `x spans ${((d.lxMax - d.lxMin) / Math.LN10).toFixed(1)} decades: with the extrapolation that is more than the theory's range of ${fitRangeText(d)}`,
    );
}

const FIT_RANGE_TEXT: Record<FitAxis, string> = {
  steps: 't = 10⁻³ … 10⁸',
  P: 'P = 1 … 10⁷',
  N: 'N = 1 … 10⁷',
};

/** The theory's range on the data's axis, in words (SGD_FIT_DOMAIN's for SGD's steps). */
function fitRangeText(d: FitData): string {
  return d.axis === 'steps' && d.configs[0].regime === 'sgd'
    ? 'steps = 1 … 10⁸'
    : FIT_RANGE_TEXT[d.axis];
}

/** A fitted exponent from the one-parameter polygons (projections at 1.00 and 3.84). */
function estimate(polygons: RegionPolygon[], index: 0 | 1, value: number): Estimate {
  const at = (coverage: number) =>
    interval(polygons.find((p) => p.dof === 1 && p.coverage === coverage)!.polygon, index, value);
  return { value, ci68: at(0.68), ci95: at(0.95) };
}

function summarise(b: BootstrapResult): BootstrapSummary {
  const alpha = Float64Array.from(b.samples, (s) => s.alpha);
  const beta = Float64Array.from(b.samples, (s) => s.beta);
  const ci = (v: Float64Array) => {
    const a = Array.from(v);
    return {
      ci68: [quantile(a, 0.16), quantile(a, 0.84)] as [number, number],
      ci95: [quantile(a, 0.025), quantile(a, 0.975)] as [number, number],
    };
  };
  return { B: b.B, alpha, beta, alphaCi: ci(alpha), betaCi: ci(beta), outside: b.outside };
}

/** Every evaluated (α, β) near the best fit (deviance ≤ 4 × the 95 % level) with its deviance. */
function pointCloud(points: readonly ProfilePoint[], best: ProfilePoint, cal: Calibration) {
  const top = 4 * levelOf(cal.levels, 0.95, 2);
  const near = points.filter((p) => deviance(p, best, cal) <= top);
  return {
    alpha: Float64Array.from(near, (p) => p.alpha),
    beta: Float64Array.from(near, (p) => p.beta),
    deviance: Float64Array.from(near, (p) => deviance(p, best, cal)),
  };
}

/**
 * The data of each run with the model at its points (NaN below the table: left-out warm-up). A
 * point is used as prepareData decides (x ≥ xMin), not by the data's smallest ln x read back
 * (exp(ln x) can round above x).
 */
function fittedRuns(
  best: ProfilePoint,
  runs: readonly Run[],
  base: Params,
  xMin: number,
): FittedRun[] {
  return runs.map((r) => {
    const curve = Math.max(0, tableOf(best, base, r));
    const n = r.x.length;
    const lx = Float64Array.from(r.x, Math.log);
    const A = new Float64Array(n);
    const B = new Float64Array(n);
    const fitted = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++)
      if (interpolate(best.tables[curve], best.lnS, lx, i, i + 1, A, B, null, null))
        fitted[i] = best.theta[L0] + best.theta[C] * A[i] + best.theta[S2] * B[i];
    return {
      id: r.id,
      x: r.x,
      loss: r.loss,
      fitted,
      used: Uint8Array.from(r.x, (x) => (x >= xMin ? 1 : 0)),
      curve,
    };
  });
}

/**
 * The fitted theory as an app state: α, β, σ² (clamped to its range, with a note), the first
 * configuration's P and N, and for the steps axis the time window of the data and its
 * extrapolation.
 */
function appState(
  base: Params,
  d: FitData,
  best: ProfilePoint,
  axis: FitAxis,
  notes: string[],
): Params {
  const s2spec = numericSpec('sigma2');
  const sigma2 = best.theta[C] > 0 ? best.theta[S2] / best.theta[C] : 0;
  const p: Params = {
    ...d.configs[0],
    alpha: best.alpha,
    beta: best.beta,
    sigma2: Math.min(s2spec.max, sigma2),
  };
  if (sigma2 > s2spec.max)
    notes.push(
      `σ² = ${sigma2.toPrecision(3)} is above the app's range; the state uses ${s2spec.max}`,
    );
  p.T = base.T;
  if (axis === 'steps' && base.regime === 'sgd') {
    const h = numericSpec('horizon');
    p.horizon = Math.min(h.max, Math.max(h.min, Math.round(Math.exp(best.lnS + d.lxMax) * 10)));
  } else if (axis === 'steps') {
    p.tmin = Math.max(numericSpec('tmin').min, Math.exp(best.lnS + d.lxMin));
    p.tmax = Math.min(numericSpec('tmax').max, Math.exp(best.lnS + d.lxMax) * 10);
  } else {
    p[axis] = Math.min(MAX_SIZE, Math.max(1, Math.round(Math.exp(best.lnS + d.lxMax))));
  }
  return p;
}
