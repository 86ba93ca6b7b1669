// The learning curve: E_g(t), E_tr(t) on the log-spaced time grid, with the early-stopping point,
// the t → ∞ limits and the exponent report attached (key points travel with the data).
import { makeEngine } from './engine.ts';
import { findEarlyStop } from './earlyStop.ts';
import { exponentReport } from './exponents.ts';
import { computeLimit } from './limits.ts';
import { timeGrid, type Params } from '../params.ts';
import { TimeEvaluator, type ErrorParts } from './timeEval.ts';
import type { CurveParts, CurveResult } from '../types.ts';

export interface CurveOptions {
  /** Explicit times instead of the (tmin, tmax, nt) grid. */
  t?: Float64Array;
  /** Skip the exponent report (sweeps). */
  light?: boolean;
  /** Measured data: the curve of the fitted power laws instead of the measured spectrum. */
  fitted?: boolean;
  /** Also the additive parts of E_g over t (signal, label noise, temperature, init). */
  parts?: boolean;
}

export function computeCurve(params: Params, opts: CurveOptions = {}): CurveResult {
  const start = performance.now();
  const t = opts.t ?? timeGrid(params.tmin, params.tmax, params.nt);
  const tmax = t.length ? t[t.length - 1] : params.tmax;
  const e = makeEngine(params, tmax, opts.fitted);
  const ev = new TimeEvaluator(e);
  const Eg = new Float64Array(t.length);
  const Etr = new Float64Array(t.length);
  const parts = opts.parts ? allocParts(t.length) : undefined;
  for (let i = 0; i < t.length; i++) {
    const v = ev.at(t[i], { train: !opts.light, parts: opts.parts });
    // Both are means of squares: a negative value is Talbot round-off (~1e-8 of E_g(0)), not data.
    Eg[i] = Math.max(0, v.Eg);
    Etr[i] = opts.light ? NaN : Math.max(0, v.Etr);
    if (parts && v.parts) storeParts(parts, i, v.parts, Eg[i]);
  }
  const limit = computeLimit(e);
  const earlyStop = findEarlyStop(ev, t, Eg, limit.Eg);
  const exponents = opts.light ? emptyReport : exponentReport(e, t, Eg, earlyStop, limit);
  assertFinite(Eg, 'Eg');
  if (!opts.light) assertFinite(Etr, 'Etr');
  const ms = performance.now() - start;
  return { params: e.p, t, Eg, Etr, earlyStop, limit, exponents, ms, ...(parts ? { parts } : {}) };
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
const emptyReport = Object.freeze({
  predicted: { t: NaN, P: NaN, N: NaN, earlyStopP: NaN, compute: NaN, computeN: NaN },
  fittedT: null,
  bottleneck: 'none' as const,
  contributions: { time: NaN, data: NaN, model: NaN, noise: NaN },
  explanation: '',
});

/** The engine never hands out NaN silently: a non-finite value is an internal error. */
function assertFinite(a: Float64Array, name: string): void {
  for (let i = 0; i < a.length; i++)
    if (!Number.isFinite(a[i])) throw new Error(`internal: ${name}[${i}] = ${a[i]} is not finite`);
}
