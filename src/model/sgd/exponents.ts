// The scaling laws of one-pass SGD (docs/theory.md §9.7), as data: each law is the shallowest of
// its terms, with the conditions under which it is quoted, and the slope fitted on the curve by
// the stable-window rule of docs/theory.md §8.
//
// With σ² = 0, N = M = ∞ and constant η below the edge, E_g is the sum of the signal part,
// ≍ (ηs)^{−(β−1)/α} as for gradient flow at t = ηs, and the part fed by the gradient noise: the
// modes not yet learned (λ_k ηs ≲ 1) hold ψ_k ≈ (η²/B) λ_k Σ_r G(r), and Σ_r G(r) ≈ Q/η
// converges when (β − 1)/α > 1, so that part is ≍ (η/B)(ηs)^{−(2 − 1/α)}. Hence
//   E_g ≍ s^{−min((β−1)/α, 2 − 1/α)}:  the noise takes over when β > 2α;
// at fixed s the noise part falls as 1/B and as η^{−(1−1/α)}; at fixed samples n = B·s both parts
// grow with B: as B^{(β−1)/α} (target) and B^{1−1/α} (noise).
import { stableFit } from '../theory/fit.ts';
import type { FittedExponent } from '../types.ts';
import type { SgdCurve } from './curve.ts';
import type { StabilityEdge } from './stability.ts';
import type { SgdParams } from './system.ts';

/** "a ≫ b" read as a ≥ MUCH·b (as laws.ts). */
export const MUCH = 10;
/** The law starts once the top mode (λ₁ = 1) is learned: t = ηs ≳ T_START. */
export const T_START = 10;

export type SgdLawRow =
  /** E_g against steps s. */
  | 's'
  /** E_g against B at fixed steps. */
  | 'B-steps'
  /** E_g against B at fixed samples n = B·s. */
  | 'B-samples'
  /** E_g against η at fixed steps. */
  | 'eta-steps';

export type SgdBranch = 'target' | 'noise';

export type SgdLawGap =
  /** σ² > 0: E_g tends to the noise floor, not to 0. */
  | 'label-noise'
  /** η at or beyond the stability edge. */
  | 'unstable'
  /** A decaying schedule: the laws are those of a constant rate. */
  | 'schedule'
  /** B = ∞ (full-batch descent): no gradient noise, so no B or noise law. */
  | 'full-batch'
  /** Less than a decade of s between the top mode's transient and the size limits. */
  | 'no-room';

export interface SgdLawFacts {
  /** The two terms at (α, β): −(β−1)/α and −(2 − 1/α). */
  target: number;
  noise: number;
  /** The noise branch holds for β > 2α. */
  crossoverBeta: number;
  /** The step range in which the time law can hold: [T_START/η, sHi]. */
  sLo: number;
  sHi: number;
  etaMax: number;
}

export interface SgdLawVerdict {
  row: SgdLawRow;
  branch: SgdBranch | null;
  gap: SgdLawGap | null;
  /** The predicted slope (NaN when no law applies). */
  value: number;
  facts: SgdLawFacts;
}

/** The slope of each row in each branch (docs/theory.md §9.7). */
const TERMS: Record<SgdLawRow, Record<SgdBranch, (a: number, b: number) => number>> = {
  s: { target: (a, b) => -(b - 1) / a, noise: (a) => -(2 - 1 / a) },
  'B-steps': { target: () => 0, noise: () => -1 },
  'B-samples': { target: (a, b) => (b - 1) / a, noise: (a) => 1 - 1 / a },
  'eta-steps': { target: (a, b) => -(b - 1) / a, noise: (a) => -(1 - 1 / a) },
};

/** Which term holds at (α, β): the noise one when the gradient noise outlasts the target. */
export function sgdBranch(alpha: number, beta: number, batch: number): SgdBranch {
  return batch < Infinity && beta > 2 * alpha ? 'noise' : 'target';
}

export function sgdLawValue(row: SgdLawRow, alpha: number, beta: number, batch: number): number {
  return TERMS[row][sgdBranch(alpha, beta, batch)](alpha, beta);
}

/**
 * The laws in the state of p (α, β: the power law's, or the fitted ones of a measured
 * spectrum). `edge` from stabilityEdge.
 */
export function sgdLaws(
  p: SgdParams,
  exps: { alpha: number; beta: number },
  edge: StabilityEdge,
): Record<SgdLawRow, SgdLawVerdict> {
  const { alpha, beta } = exps;
  const sLo = T_START / p.eta;
  let sHi = Infinity;
  // The modes learned by s, k* ≈ (ηs)^{1/α}, must stay ≪ N and M.
  const size = Math.min(p.N, p.data ? p.data.modes.lam.length : p.M);
  if (Number.isFinite(size)) sHi = Math.pow(size / MUCH, alpha) / p.eta;
  const facts: SgdLawFacts = {
    target: TERMS.s.target(alpha, beta),
    noise: TERMS.s.noise(alpha, beta),
    crossoverBeta: 2 * alpha,
    sLo,
    sHi,
    etaMax: edge.etaMax,
  };
  const verdict = (row: SgdLawRow): SgdLawVerdict => {
    const gap = (g: SgdLawGap): SgdLawVerdict => ({
      row,
      branch: null,
      gap: g,
      value: NaN,
      facts,
    });
    if (p.eta >= edge.etaMax) return gap('unstable');
    if (p.schedule !== 'constant') return gap('schedule');
    if (row !== 's' && !(p.batch < Infinity)) return gap('full-batch');
    if (p.sigma2 > 0) return gap('label-noise');
    if (sHi < MUCH * sLo) return gap('no-room');
    const branch = sgdBranch(alpha, beta, p.batch);
    return { row, branch, gap: null, value: TERMS[row][branch](alpha, beta), facts };
  };
  return {
    s: verdict('s'),
    'B-steps': verdict('B-steps'),
    'B-samples': verdict('B-samples'),
    'eta-steps': verdict('eta-steps'),
  };
}

/**
 * The time exponent visible on the curve: the stable-window fit (docs/theory.md §8) on the
 * falling branch, inside the law's step range when it has one.
 */
export function fitSgdSlope(curve: SgdCurve, facts?: SgdLawFacts): FittedExponent {
  const lo = facts ? facts.sLo : 0;
  const hi = facts ? facts.sHi : Infinity;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < curve.steps.length; i++) {
    const s = curve.steps[i];
    if (s >= lo * (1 - 1e-9) && s <= hi * (1 + 1e-9) && Number.isFinite(curve.Eg[i])) {
      x.push(s);
      y.push(curve.Eg[i]);
    }
  }
  const r = stableFit(x, y, { sign: -1 });
  return r.fit ? { fit: r.fit, gap: null } : { fit: null, gap: r.failure };
}
