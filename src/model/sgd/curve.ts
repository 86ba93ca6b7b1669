// The SGD learning curve (docs/theory.md §9): E_g at given steps, with the intrinsic time, the
// schedule, the stability edge and the noise floor, and its η → 0 limit (gradient flow at
// P = ∞ on the same spectrum).
import { propagate, type PropagateOptions } from './propagate.ts';
import type { SgdSystem } from './recursion.ts';
import { etaSeries, intrinsicTimes, peakEta, schedulePieces } from './schedule.ts';
import { noiseFloor, stabilityEdge, type StabilityEdge } from './stability.ts';
import { checkSgdParams, scheduleOf, sgdSystem, type SgdParams } from './system.ts';
import { logIntegers } from '../grid.ts';

export interface SgdCurve {
  /** Steps s (integers, increasing). */
  steps: Float64Array;
  /** Intrinsic time t_s = Σ_{q<s} η_q. */
  t: Float64Array;
  /** E_g(s) without the noise floor σ²; Infinity once diverged. */
  Eg: Float64Array;
  /** η_s at each step (the schedule strip). */
  eta: Float64Array;
  /** First step at which E_g passed the divergence cap (Infinity: never). */
  divergedAt: number;
  /** The constant-η stability edge for this B and spectrum. */
  edge: StabilityEdge;
  /** The schedule's peak η_s, and whether it is at or beyond the edge. */
  peakEta: number;
  unstable: boolean;
  /**
   * E_g as s → ∞ at the schedule's final rate (η for constant, η_min after the horizon):
   * (r + σ²‖K‖)/(1 − ‖K‖); with η_min = 0 training stops and E_g stays where it is (NaN).
   */
  floor: number;
  /** Work done by the block propagation (blocks, exact steps). */
  work: { blocks: number; rejected: number; exactSteps: number };
}

/** n distinct integer steps, log-spaced over [smin, smax] (fewer when the range is short). */
export function logSteps(smin: number, smax: number, n: number): Float64Array {
  return logIntegers(Math.max(1, smin), Math.max(smin, smax), n);
}

/** The intrinsic time the run reaches by its last step (sizes the M = ∞ tail). */
function lastTime(p: SgdParams, steps: ArrayLike<number>): number {
  const last = steps.length ? steps[steps.length - 1] : 0;
  return intrinsicTimes(scheduleOf(p), [last])[0];
}

export function sgdCurve(
  p: SgdParams,
  steps: ArrayLike<number>,
  opts: PropagateOptions = {},
): SgdCurve {
  checkSgdParams(p);
  for (let i = 0; i < steps.length; i++)
    if (!(Number.isInteger(steps[i]) && steps[i] >= 0 && (i === 0 || steps[i] > steps[i - 1])))
      throw new RangeError('steps must be increasing integers ≥ 0');
  const sch = scheduleOf(p);
  const sys = sgdSystem(p, lastTime(p, steps));
  const pieces = schedulePieces(sch);
  const r = propagate(sys, pieces, steps, opts);
  const edge = stabilityEdge(sys.nodes, p.batch);
  const peak = peakEta(sch);
  const finalEta = sch.kind === 'constant' ? sch.eta : sch.final * sch.eta;
  return {
    steps: Float64Array.from(steps),
    // The propagation stops at the divergence; the schedule's clock does not (§9.2).
    t: Number.isFinite(r.divergedAt) ? intrinsicTimes(sch, steps) : r.t,
    Eg: r.Eg,
    eta: etaSeries(sch, steps),
    divergedAt: r.divergedAt,
    edge,
    peakEta: peak,
    unstable: peak >= edge.etaMax,
    floor: finalEta > 0 ? noiseFloor(sys.nodes, p.sigma2, finalEta, p.batch) : NaN,
    work: { blocks: r.blocks, rejected: r.rejected, exactSteps: r.exactSteps },
  };
}

/**
 * The η → 0 limit at intrinsic time t: gradient flow on the population loss (P = ∞) with the
 * same spectrum and N, d_k(t) = d_k(0) e^{−2λ_k t} (the gradient noise vanishes as η/B).
 */
export function flowLimit(sys: SgdSystem, t: ArrayLike<number>): Float64Array {
  const { lam, wl, wc, tail, residual } = sys.nodes;
  const out = new Float64Array(t.length);
  for (let j = 0; j < t.length; j++) {
    let e = residual;
    for (let i = 0; i < lam.length; i++)
      e += (wc[i] + sys.sigma02 * wl[i]) * Math.exp(-2 * lam[i] * t[j]);
    if (tail) {
      // Σ_{k>X} (c_k + σ₀²λ_k) e^{−2λ_k t}, λ_k t ≤ 1e-3: the series to third order.
      const x = -2 * t[j];
      const c = [1, x, (x * x) / 2, (x * x * x) / 6];
      e += tail.Sw + c[1] * tail.Iab[0] + c[2] * tail.Iab[1] + c[3] * tail.Iab[2];
      e += sys.sigma02 * (tail.Ia[0] + c[1] * tail.Ia[1] + c[2] * tail.Ia[2] + c[3] * tail.Ia[3]);
    }
    out[j] = e;
  }
  return out;
}
