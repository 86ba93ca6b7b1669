// One-pass SGD as a regime of the app (docs/theory.md §9): the parameter table's configuration
// turned into the engine's SgdParams, and the learning curve as a CurveResult whose times are the
// steps s = 1 … S (S: the horizon), carrying SGD's own facts (the intrinsic time, the schedule,
// the η → 0 reference, the stability edge, the noise floor, the laws) in `sgd`. Everything the
// app, the workers and the CLI show about the regime is read from here.
import { ParamError, type Params } from '../params.ts';
import { curveResolution } from '../theory/curveResolution.ts';
import { dataSpectrum, spectrumKey } from '../theory/dataSpectra.ts';
import type { CurveResult, EarlyStop, LimitResult } from '../types.ts';
import { flowLimit, logSteps, sgdCurve } from './curve.ts';
import { fitSgdSlope, sgdLaws, type SgdLawRow, type SgdLawVerdict } from './exponents.ts';
import { etaSeries, intrinsicTimes, type Schedule } from './schedule.ts';
import type { StabilityEdge } from './stability.ts';
import { SgdParamError, scheduleOf, sgdDataFrom, sgdSystem, type SgdParams } from './system.ts';

/** The exponents the SGD laws are quoted with: the power law's, or a measured spectrum's fit. */
export interface SgdExponents {
  alpha: number;
  beta: number;
}

/** SGD's own facts about its curve (the CurveResult's t are the steps s). */
export interface SgdFacts {
  /** Intrinsic time t_s = Σ_{q<s} η_q at each step of the curve. */
  tIntrinsic: Float64Array;
  /** η_s at each step of the curve. */
  eta: Float64Array;
  /**
   * The η → 0 limit at the same intrinsic times: gradient flow on the population loss (P = ∞)
   * with the same spectrum and N, d_k(t) = d_k(0) e^{−2λ_k t} (§9.2).
   */
  flow: Float64Array;
  /** The schedule on a fine grid of steps (kinks included), for the strip under the curve. */
  strip: { steps: Float64Array; eta: Float64Array };
  /** First step at which E_g overflowed the engine's cap (Infinity: never; §9.4). */
  divergedAt: number;
  /** The constant-η stability edge for this B and spectrum (§9.4). */
  edge: StabilityEdge;
  /** The schedule's largest η_s, and whether it reaches the edge. */
  peakEta: number;
  unstable: boolean;
  /**
   * E_g(∞) at the schedule's final rate, (r + σ²‖K‖)/(1 − ‖K‖) (9.2); NaN when the schedule
   * ends at η_min = 0 (training stops at S); Infinity when that rate is unstable.
   */
  floor: number;
  /** The final rate the floor is that of (η for a constant schedule, η_min after S). */
  finalEta: number;
  /** The laws of §9.7 in this state, each with its branch or the reason it is not quoted. */
  laws: Record<SgdLawRow, SgdLawVerdict>;
  exps: SgdExponents;
  /** Work of the block propagation (§9.3). */
  work: { blocks: number; rejected: number; exactSteps: number };
}

export interface SgdCurveResult extends CurveResult {
  sgd: SgdFacts;
}

/** A curve of the SGD regime (its t are steps). */
export function isSgdCurve(c: CurveResult | null | undefined): c is SgdCurveResult {
  return !!c && 'sgd' in c && !!(c as SgdCurveResult).sgd;
}

/** The engine's parameters of a configuration (a measured spectrum must be registered). */
export function sgdParamsOf(p: Params): SgdParams {
  const reg = dataSpectrum(p);
  const key = spectrumKey(p);
  return { ...sgdRunParams(p), data: reg && key ? sgdDataFrom(key, reg) : null };
}

/** The SGD parameters without the spectrum (what real SGD on a pool needs: it has the data). */
export function sgdRunParams(p: Params): SgdParams {
  return {
    alpha: p.alpha,
    beta: p.beta,
    M: p.M,
    N: p.N,
    sigma2: p.sigma2,
    sigma02: p.sigma02,
    eta: p.eta,
    batch: p.batch,
    schedule: p.schedule,
    horizon: p.horizon,
    decay: p.decay,
    final: p.final,
    warmup: p.warmup,
    data: null,
  };
}

/** The schedule of a configuration (needs no spectrum). */
export function scheduleOfParams(p: Params): Schedule {
  return {
    kind: p.schedule,
    eta: p.eta,
    horizon: p.horizon,
    decay: p.decay,
    final: p.final,
    warmup: p.warmup,
  };
}

/** The intrinsic time t = Σ_{q<s} η_q at the given integer steps (increasing) of a configuration. */
export function intrinsicAt(p: Params, steps: ArrayLike<number>): Float64Array {
  return intrinsicTimes(scheduleOfParams(p), steps);
}

/** The exponents of the spectrum the engine runs on. */
export function sgdExponents(sp: SgdParams): SgdExponents {
  return sp.data
    ? { alpha: sp.data.alpha, beta: sp.data.beta }
    : { alpha: sp.alpha, beta: sp.beta };
}

/** Run f, naming a bad SGD parameter as the parameter table does (a ParamError). */
export function namingParams<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SgdParamError) throw new ParamError(err.param as keyof Params, err.message);
    throw err;
  }
}

/**
 * The engine's accuracy relative to E_g: the block propagation against the step-by-step recursion
 * (docs/theory.md §9.3: at most 3.3·10⁻⁵ measured, 10⁻⁴ tested). E_g is a sum of positive terms,
 * so its error is relative and no value of the curve is below this resolution.
 */
export const SGD_RELATIVE_ACCURACY = 1e-4;

/** The curve's steps: nt distinct integers, log-spaced over 1 … S. */
export function curveSteps(p: Pick<Params, 'horizon' | 'nt'>): Float64Array {
  return logSteps(1, p.horizon, p.nt);
}

/** Points of the schedule strip (log-spaced), besides its kinks. */
const STRIP_POINTS = 240;

/**
 * The schedule on a fine grid of steps 1 … S: log-spaced points plus both sides of every kink
 * (the end of the warm-up, the start of the wsd decay, the horizon), so that a log axis shows
 * the corners where they are.
 */
export function stripSteps(p: SgdParams): Float64Array {
  const S = p.horizon;
  const set = new Set<number>(logSteps(1, S, STRIP_POINTS));
  const kinks = [p.warmup - 1, p.warmup, S - 1, S];
  if (p.schedule === 'wsd') {
    const sd = Math.ceil((1 - p.decay) * S - 1e-9);
    kinks.push(sd - 1, sd);
  }
  for (const k of kinks) if (k >= 1 && k <= S) set.add(k);
  return Float64Array.from([...set].sort((a, b) => a - b));
}

/**
 * The minimum of E_g over the steps drawn: SGD's E_g falls until it settles, unless a rate near
 * the edge makes it rise (or diverge). 'inside' when it rises again by more than 1 % after its
 * minimum; otherwise 'none' with E_g at the end of the run.
 */
function stepMinimum(steps: Float64Array, Eg: Float64Array, end: number): EarlyStop {
  let iMin = 0;
  let monotone = true;
  for (let i = 1; i < Eg.length; i++) {
    if (!(Eg[i] <= Eg[i - 1] * (1 + 1e-9))) monotone = false;
    if (Eg[i] < Eg[iMin]) iMin = i;
  }
  const last = Eg[Eg.length - 1];
  if (iMin < Eg.length - 1 && !(last <= Eg[iMin] * 1.01)) {
    return {
      case: 'inside',
      t: steps[iMin],
      Eg: Eg[iMin],
      gain: last / Eg[iMin],
      side: null,
      monotone,
      open: null,
    };
  }
  // A run has the horizon it was asked for, not a scan's cap: its own words (claims/sgd.ts) say
  // where it ends.
  return { case: 'none', t: Infinity, Eg: end, gain: 1, side: null, monotone, open: null };
}

/** What the run settles at, in the shape of the gradient-flow limits (§9.4). */
function sgdLimit(floor: number, end: number, unstable: boolean, sigma2: number): LimitResult {
  // A schedule that ends at η_min = 0 stops training: E_g stays at its value at S.
  const Eg = unstable ? Infinity : Number.isNaN(floor) ? end : floor;
  return {
    kappa: NaN,
    Emean: Eg,
    EtrMean: Eg + sigma2,
    postVarPerT: 0,
    Egibbs: Eg,
    Eg,
    Etr: Eg + sigma2,
    divergent: unstable,
    parts: { signal: NaN, noise: NaN, temperature: 0, init: NaN },
    // The floor of the recursion's steady state is the curve's (sgd/theory.ts), not a static one.
    floor: 0,
  };
}

/** The SGD learning curve of a configuration at the given steps (default: nt steps over 1 … S). */
export function computeSgdCurve(params: Params, steps?: Float64Array): SgdCurveResult {
  const start = performance.now();
  return namingParams(() => {
    const sp = sgdParamsOf(params);
    const s = steps ?? curveSteps(params);
    const c = sgdCurve(sp, s);
    const exps = sgdExponents(sp);
    const tLast = c.t.length ? c.t[c.t.length - 1] : 0;
    const flow = flowLimit(sgdSystem(sp, tLast), c.t);
    const laws = sgdLaws(sp, exps, c.edge);
    const strip = stripSteps(sp);
    const last = c.Eg.length ? c.Eg[c.Eg.length - 1] : NaN;
    const finalEta = sp.schedule === 'constant' ? sp.eta : sp.final * sp.eta;
    // One-pass SGD's training loss is that of the fresh minibatch: E_g + σ² in expectation.
    const Etr = Float64Array.from(c.Eg, (e) => e + sp.sigma2);
    const measured = sp.data
      ? { alpha: exps.alpha, beta: exps.beta, M: sp.data.modes.lam.length }
      : {};
    return {
      params: { ...params, gamma: 0, T: 0, ...measured },
      t: c.steps,
      Eg: c.Eg,
      Etr,
      window: { tmin: s.length ? s[0] : 1, tmax: params.horizon, auto: true },
      earlyStop: stepMinimum(c.steps, c.Eg, last),
      limit: sgdLimit(c.floor, last, c.unstable, sp.sigma2),
      fitT: fitSgdSlope(c, laws.s.facts),
      diagnosis: {
        kind: 'none',
        tOp: params.horizon,
        Eop: last,
        floor: SGD_RELATIVE_ACCURACY * last,
        effects: [],
        atInfinity: [],
      },
      resolution: sgdResolution(c.Eg, Etr),
      ms: performance.now() - start,
      sgd: {
        tIntrinsic: c.t,
        eta: c.eta,
        flow,
        strip: { steps: strip, eta: etaSeries(scheduleOf(sp), strip) },
        divergedAt: c.divergedAt,
        edge: c.edge,
        peakEta: c.peakEta,
        unstable: c.unstable,
        floor: c.floor,
        finalEta,
        laws,
        exps,
        work: c.work,
      },
    };
  });
}

/** The resolution along an SGD curve: relative (§9.3), so the whole curve is a result. */
function sgdResolution(Eg: Float64Array, Etr: Float64Array) {
  const rel = (x: Float64Array) => Float64Array.from(x, (e) => SGD_RELATIVE_ACCURACY * e);
  return curveResolution(Eg, Etr, rel(Eg), rel(Etr));
}
