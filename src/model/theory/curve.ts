// The learning curve: E_g(t), E_tr(t) on the log-spaced grid of the time window, with the key
// points read from one scan of the whole course of training (dynamics.ts): the early-stopping
// point over all t, the automatic window, the visible time power law and the diagnosis of what
// bounds the error. Key points travel with the data (docs/theory.md §8).
import { scanLockstep, type DynamicsScan } from './dynamics.ts';
import type { KappaCache } from './engine.ts';
import { diagnose } from './diagnosis.ts';
import { findEarlyStop } from './earlyStop.ts';
import { fitTimeExponent } from './exponents.ts';
import { autoWindow } from './window.ts';
import { dataSpectrum } from './dataSpectra.ts';
import { timeGrid, type Params } from '../params.ts';
import { type ErrorParts } from './timeEval.ts';
import type {
  CurveParts,
  CurveResult,
  Diagnosis,
  EarlyStop,
  FittedExponent,
  TimeWindow,
} from '../types.ts';
import { hasDynamics, inSteps } from '../regimes.ts';
import { computeSgdCurve } from '../sgd/theory.ts';
import { curveResolution } from './curveResolution.ts';

export interface CurveOptions {
  /** Explicit times instead of the grid of the window. */
  t?: Float64Array;
  /** Skip E_tr, the fitted exponent and the diagnosis (curves that only feed sweeps). */
  light?: boolean;
  /** 'auto': choose tmin, tmax from the dynamics (window.ts); default: the typed tmin, tmax. */
  window?: 'auto' | 'manual';
  /** Measured data: the curve of the fitted power laws instead of the measured spectrum. */
  fitted?: boolean;
  /** Also the additive parts of E_g over t (signal, label noise, temperature, init). */
  parts?: boolean;
  /**
   * κ solved before, to reuse (engine.ts KappaCache; the results are the same with or without
   * it). Default: a cache of this call's own.
   */
  cache?: KappaCache;
}

export function computeCurve(params: Params, opts: CurveOptions = {}): CurveResult {
  // A regime in steps has its own engine (one-pass SGD, docs/theory.md §9): its times are steps.
  if (inSteps(params.regime)) return computeSgdCurve(params, opts.t);
  const start = performance.now();
  const auto = opts.window === 'auto' && !opts.t;
  const { scan, window } = scanInWindow(params, auto, opts.fitted, opts.cache);
  const t = opts.t ?? timeGrid(window.tmin, window.tmax, params.nt);
  const ev = scan.ev;
  const Eg = new Float64Array(t.length);
  const Etr = new Float64Array(t.length);
  const floor = new Float64Array(t.length);
  const floorTr = new Float64Array(t.length);
  const parts = opts.parts ? allocParts(t.length) : undefined;
  for (let i = 0; i < t.length; i++) {
    seedFromScan(scan, t[i]);
    const v = ev.at(t[i], { train: !opts.light, parts: opts.parts });
    // Both are means of squares: a negative value is round-off below the floor, not data.
    Eg[i] = Math.max(0, v.Eg);
    Etr[i] = opts.light ? NaN : Math.max(0, v.Etr);
    floor[i] = v.floor;
    floorTr[i] = v.floorTr;
    if (parts && v.parts) storeParts(parts, i, v.parts, Eg[i]);
  }
  const p = ev.e.p;
  const earlyStop = findEarlyStop(scan, window.tmin, window.tmax);
  const fitT: FittedExponent = opts.light
    ? { fit: null, gap: 'too-few' }
    : timeExponentOf(scan, window, earlyStop);
  // The curve's own value at t_max (its last point), so that the caption and the advice quote
  // one number there.
  const last = t.length - 1;
  const atTmax =
    last >= 0 && Math.abs(t[last] / window.tmax - 1) < 1e-12
      ? { E: Eg[last], floor: floor[last] }
      : null;
  const diagnosis: Diagnosis = opts.light
    ? { kind: 'none', tOp: NaN, Eop: NaN, floor: NaN, effects: [], atInfinity: [] }
    : diagnose(p, scan, earlyStop, window, atTmax);
  assertFinite(Eg, 'Eg');
  if (!opts.light) assertFinite(Etr, 'Etr');
  return {
    params: p,
    t,
    Eg,
    Etr,
    window,
    earlyStop,
    limit: scan.limit,
    fitT,
    diagnosis,
    resolution: curveResolution(Eg, Etr, floor, floorTr),
    ms: performance.now() - start,
    ...(parts ? { parts } : {}),
    ...fittedOver(params),
  };
}

/** Measured data: the modes the exponents were fitted over (dataSpectra.ts fitSpectrum). */
function fittedOver(p: Params): Pick<CurveResult, 'fittedOver'> {
  const d = dataSpectrum(p);
  return d ? { fittedOver: { kmin: d.fit.lam.xmin, kmax: d.fit.lam.xmax } } : {};
}

/** One scan of the dynamics and the time window on it (automatic or the typed tmin, tmax). */
export function scanInWindow(
  params: Params,
  auto: boolean,
  fitted?: boolean,
  cache?: KappaCache,
): { scan: DynamicsScan; window: TimeWindow } {
  return scansInWindow([params], auto, fitted, cache)[0];
}

/**
 * The scans of states that differ only in β (with the same time window settings), in lockstep
 * (dynamics.ts scanLockstep), each with its window.
 */
export function scansInWindow(
  ps: readonly Params[],
  auto: boolean,
  fitted = false,
  cache?: KappaCache,
): { scan: DynamicsScan; window: TimeWindow }[] {
  const scans = scanLockstep(ps, auto ? 0 : ps[0].tmax, cache, fitted);
  return scans.map((scan, i) => {
    const w = auto ? autoWindow(scan) : { tmin: ps[i].tmin, tmax: ps[i].tmax };
    return { scan, window: { ...w, auto } };
  });
}

/** The fitted time exponent of a scan in its window (the posterior has no training time). */
export function timeExponentOf(
  scan: DynamicsScan,
  window: TimeWindow,
  earlyStop: EarlyStop,
): FittedExponent {
  return !hasDynamics(scan.ev.e.p.regime)
    ? { fit: null, gap: 'no-time' }
    : fitTimeExponent(scan, window, earlyStop);
}

/**
 * Warm-start the evaluation at t from the scan's κ at the scan times around it (an
 * interpolation; beyond the scan's last time, an extrapolation from its two last times): the
 * curve reuses the scan's solves instead of extrapolating from its own. Every row starts from the
 * scan alone, never from the row before it, so a row is the same whichever rows were computed
 * before it, in this call or (held in the cache) in another: t_max, past the scan's last time,
 * used to start from the row before it, and a t_max cached from another grid (a dragged n_t)
 * changed its last bits.
 */
function seedFromScan(scan: DynamicsScan, t: number): void {
  const ts = scan.t;
  if (ts.length < 2) return;
  let k = 0;
  while (k + 2 < ts.length && ts[k + 1] <= t) k++;
  scan.ev.seed(ts[k], ts[k + 1]);
}

function allocParts(n: number): CurveParts {
  const f = () => new Float64Array(n);
  return { signal: f(), noise: f(), temperature: f(), init: f() };
}

/**
 * Each part is a mean of squares, so a negative value is Talbot round-off (~1e-8 of E_g(0)) and is
 * clamped at 0 like E_g; the parts are then rescaled to sum to E_g (a change at round-off level),
 * so E_g itself is the same whether or not the parts are asked for.
 */
function storeParts(out: CurveParts, i: number, v: ErrorParts, Eg: number): void {
  const signal = Math.max(0, v.signal);
  const noise = Math.max(0, v.noise);
  const temperature = Math.max(0, v.temperature);
  const init = Math.max(0, v.init);
  const sum = signal + noise + temperature + init;
  const f = sum > 0 ? Eg / sum : 0;
  out.signal[i] = signal * f;
  out.noise[i] = noise * f;
  out.temperature[i] = temperature * f;
  out.init[i] = init * f;
}

/** The engine never hands out NaN silently: a non-finite value is an internal error. */
function assertFinite(a: Float64Array, name: string): void {
  for (let i = 0; i < a.length; i++)
    if (!Number.isFinite(a[i])) throw new Error(`internal: ${name}[${i}] = ${a[i]} is not finite`);
}
