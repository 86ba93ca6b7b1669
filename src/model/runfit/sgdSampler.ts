// One-pass SGD's learning curve as a fit's table (docs/theory.md §9, §10): the parts
// A = E_g at σ² = 0 (signal and init) and B = E_g(σ² = 1) − E_g(σ² = 0) (label noise per unit σ²,
// exact: the second-moment recursion of §9.2 is linear in the initial errors and in σ²), on the
// theory's steps. The engine propagates whole runs at once, so one run per part is computed on a
// dense grid of integer steps and read between them by cubic Hermite interpolation in log-log
// (between two consecutive integers this defines the curve at real steps s·x).
import { propagate } from '../sgd/propagate.ts';
import { intrinsicTimes, schedulePieces } from '../sgd/schedule.ts';
import { scheduleOf, sgdSystem } from '../sgd/system.ts';
import { sgdParamsOf } from '../sgd/theory.ts';
import type { Params } from '../params.ts';
import type { Sampler, TableQuality } from './sampler.ts';

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
  const pieces = schedulePieces(sch);
  const signal = propagate({ ...sys, sigma2: 0 }, pieces, steps).Eg;
  const withNoise = propagate({ ...sys, sigma2: 1 }, pieces, steps).Eg;
  const scale = signal[0];
  // From step 1 on (step 0 is E_g(0), the scale); ln of non-positive parts is −∞ and the table's
  // floor (basis.ts) takes it.
  const u = Float64Array.from(steps.subarray(1), Math.log);
  const la = Float64Array.from(signal.subarray(1), Math.log);
  const lb = Float64Array.from(withNoise.subarray(1), (e, i) => Math.log(e - signal[i + 1]));
  const finite = (a: Float64Array) => Float64Array.from(a, (v) => (v === -Infinity ? -745 : v));
  const A = new LogCurve(u, finite(la));
  const B = new LogCurve(u, finite(lb));
  const diverged = !Number.isFinite(signal[signal.length - 1]);
  const at = (v: number): [number, number] => {
    if (diverged) return [Infinity, Infinity];
    const x = Math.log(v);
    return [Math.exp(A.at(x)), Math.exp(B.at(x))];
  };
  return { next: at, any: at, limit: null, scale };
}
