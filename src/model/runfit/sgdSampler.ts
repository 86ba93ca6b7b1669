// One-pass SGD's learning curve as a fit's table (docs/theory.md §9, §10): the parts
// A = E_g at σ² = 0 (signal and init) and B = E_g per unit σ² from zero initial error (label
// noise; exact: the second-moment recursion of §9.2 is linear in the initial errors and in σ²,
// so E_g(σ²) = A + σ²·B), on the theory's steps. The engine propagates whole runs at once, so one
// run per part is computed on a dense grid of integer steps and read between them by cubic
// Hermite interpolation in log-log (between two consecutive integers this defines the curve at
// real steps s·x). B does not depend on β and is shared across the fit's points (sgdNoise.ts).
import { propagate, type PropagateOptions } from '../sgd/propagate.ts';
import { intrinsicTimes, schedulePieces } from '../sgd/schedule.ts';
import { scheduleOf, sgdSystem } from '../sgd/system.ts';
import { sgdParamsOf } from '../sgd/theory.ts';
import type { Params } from '../params.ts';
import type { Sampler, TableQuality } from './sampler.ts';
import { noiseInputs, noisePart } from './sgdNoise.ts';

/**
 * The block propagation's tolerance for a fit's tables (§9.3; the engine's curves use 3·10⁻⁵).
 * Its block-end test compares G with the extrapolation of the last three blocks, which at σ² = 0
 * (G = E_g, falling as a power law) is far more cautious than the error it guards. Against the
 * step-by-step recursion, at every grid step to 10⁶ of 29 random convergent constant-rate runs
 * (α ∈ [1.05, 4], β ∈ [1.05, 6], B ∈ {1, 4, 16}, η ∈ {0.05, 0.3, 0.6}), A deviated by at most
 * 1.7·10⁻⁴ (median 7·10⁻⁷; the largest near the stability edge, η = 0.6 at B = 1) at this
 * tolerance, against 4.4·10⁻⁶ at the engine's: ten times below the tables' own interpolation error
 * (~2·10⁻³) and a hundred below a logged loss's noise, with up to 4.5 times fewer block
 * attempts (test/model/runfit/sgdNoise.test.ts keeps it below 3·10⁻⁴). The fitted α, β, s, c,
 * L₀, σ² and intervals of the bench's SGD fit moved by at most 3·10⁻⁵.
 */
export const FIT_PROPAGATION: PropagateOptions = { tol: 1e-3 };

/** Every integer step up to this one, then log-spaced. */
const INTEGER_STEPS = 16;
/** Log-spaced steps per decade beyond, per node of the table per decade. */
const DENSITY = 4;

/** Steps 0 … INTEGER_STEPS, then `perDecade` log-spaced integers per decade up to ⌈hi⌉. */
export function sgdGridSteps(hi: number, perDecade: number): Float64Array {
  const top = Math.ceil(hi);
  const out: number[] = [];
  for (let k = 0; k <= Math.min(top, INTEGER_STEPS); k++) out.push(k);
  const decades = Math.log10(top / INTEGER_STEPS);
  const n = Math.ceil(decades * perDecade);
  for (let i = 1; i <= n; i++) {
    const s = Math.round(INTEGER_STEPS * Math.pow(10, (decades * i) / n));
    if (s > out[out.length - 1]) out.push(s);
  }
  return Float64Array.from(out);
}

/** Cubic Hermite interpolation of y(u) with three-point slopes, on increasing nodes u. */
class LogCurve {
  private readonly u: Float64Array;
  private readonly y: Float64Array;
  private readonly d: Float64Array;

  constructor(u: Float64Array, y: Float64Array) {
    this.u = u;
    this.y = y;
    const n = u.length;
    this.d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = Math.max(0, i - 1);
      const b = Math.min(n - 1, i + 1);
      this.d[i] = (y[b] - y[a]) / (u[b] - u[a]);
    }
  }

  at(x: number): number {
    const { u, y, d } = this;
    const n = u.length;
    if (x <= u[0]) return y[0];
    if (x >= u[n - 1]) return y[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const m = (lo + hi) >> 1;
      if (u[m] <= x) lo = m;
      else hi = m;
    }
    const h = u[hi] - u[lo];
    const t = (x - u[lo]) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * y[lo] +
      (t3 - 2 * t2 + t) * h * d[lo] +
      (-2 * t3 + 3 * t2) * y[hi] +
      (t3 - t2) * h * d[hi]
    );
  }
}

/** The SGD sampler: theory steps v ∈ [1, vHi] at the configuration's η, B (constant schedule). */
export function sgdSampler(p: Params, vHi: number, q: TableQuality): Sampler {
  const steps = sgdGridSteps(vHi, DENSITY * q.perDecade);
  const sp = sgdParamsOf(p);
  // One node set for both parts (it depends on the spectrum and the run's intrinsic time only).
  const sch = scheduleOf(sp);
  const sys = sgdSystem(sp, intrinsicTimes(sch, [steps[steps.length - 1]])[0]);
  const signal = propagate({ ...sys, sigma2: 0 }, schedulePieces(sch), steps, FIT_PROPAGATION).Eg;
  const scale = signal[0];
  // A run that diverges (§9.4) has no table: nor does its noise part need propagating.
  const noise = Number.isFinite(signal[signal.length - 1])
    ? noisePart(noiseInputs(sys, sch, steps, FIT_PROPAGATION))
    : null;
  if (!noise || !Number.isFinite(noise[noise.length - 1])) {
    const inf = (): [number, number] => [Infinity, Infinity];
    return { next: inf, any: inf, limit: null, scale };
  }
  // From step 1 on (step 0 is E_g(0), the scale); ln of non-positive parts is −∞ and the table's
  // floor (basis.ts) takes it.
  const u = Float64Array.from(steps.subarray(1), Math.log);
  const finiteLog = (a: Float64Array) =>
    Float64Array.from(a.subarray(1), (v) => (v > 0 ? Math.log(v) : -745));
  const A = new LogCurve(u, finiteLog(signal));
  const B = new LogCurve(u, finiteLog(noise));
  const at = (v: number): [number, number] => {
    const x = Math.log(v);
    return [Math.exp(A.at(x)), Math.exp(B.at(x))];
  };
  return { next: at, any: at, limit: null, scale };
}
