// Stability and the noise floor of constant-η SGD (docs/theory.md §9.4). For constant η and B
// the recursion is the renewal (Volterra) equation
//   E_g(s) = r + F(s) + Σ_{r<s} K(s − 1 − r) (E_g(r) + σ²),
//   F(s) = Σ_k (c_k + σ₀² λ_k) a_k^s,   K(r) = (η²/B) Σ_k λ_k² a_k^r,
// with r the unreachable residual. It diverges iff some a_k ≥ 1 (η λ_k ≥ 2B/(B + 1)) or
//   ‖K‖ = Σ_r K(r) = Σ_k (η/B) λ_k/(2 − cηλ_k) ≥ 1,   c = 1 + 1/B,
// and otherwise E_g(s) → E_g(∞) = (r + σ²‖K‖)/(1 − ‖K‖) (F → 0: every mode with λ_k > 0 is
// learned). ‖K‖ increases with η, so the edge η_max is min(2/(cλ_max), the root of ‖K‖ = 1).
import type { SgdNodes } from './nodes.ts';
import { batchFactor } from './recursion.ts';

/** The largest eigenvalue of the node set. */
export function maxEigenvalue(nodes: SgdNodes): number {
  let m = 0;
  for (let i = 0; i < nodes.lam.length; i++) if (nodes.wl[i] > 0) m = Math.max(m, nodes.lam[i]);
  return m;
}

/** ‖K‖ = Σ_k (η/B) λ_k/(2 − cηλ_k); Infinity when some a_k ≥ 1. 0 for B = ∞. */
export function kernelNorm(nodes: SgdNodes, eta: number, B: number): number {
  const c = batchFactor(B);
  if (eta * c * maxEigenvalue(nodes) >= 2) return Infinity;
  if (!(B < Infinity)) return 0;
  let s = 0;
  for (let i = 0; i < nodes.lam.length; i++) s += nodes.wl[i] / (2 - c * eta * nodes.lam[i]);
  if (nodes.tail) {
    // Σ_{k>X} λ_k/(2 − cηλ_k) = ½ Σ_n (cη/2)^n Σ λ_k^{n+1} (cηλ_X ≪ 1).
    const { Ia } = nodes.tail;
    let pw = 1;
    for (let n = 0; n + 1 < Ia.length && n < 8; n++) {
      s += 0.5 * pw * Ia[n];
      pw *= (c * eta) / 2;
    }
  }
  return (eta / B) * s;
}

/**
 * Which limiting closed form η_max is nearer to (in ratio): the top mode's 2B/((B + 1)λ_max)
 * (the curvature limit of full-batch descent, reached as B → ∞) or the small-η noise estimate
 * 2B/S_λ (all modes' gradient noise together, the limit for small B on a flat spectrum).
 */
export type EdgeKind = 'mode' | 'noise';

export interface StabilityEdge {
  /** Constant-η SGD diverges for η ≥ etaMax. */
  etaMax: number;
  kind: EdgeKind;
  /** 2/(cλ_max) = 2B/((B + 1)λ_max): the top mode's own edge (full-batch GD: 2/λ_max). */
  etaMode: number;
  /**
   * The small-η estimate of the noise edge, ‖K‖ ≈ η S_λ/(2B) = 1: η ≈ 2B/S_λ (exact as
   * λ_max/S_λ → 0; the true root is below it).
   */
  etaNoiseEstimate: number;
}

/** η_max for batch B on this spectrum (bisection on the monotone ‖K‖(η) = 1, to 1e-12). */
export function stabilityEdge(nodes: SgdNodes, B: number): StabilityEdge {
  const c = batchFactor(B);
  const lmax = maxEigenvalue(nodes);
  const etaMode = 2 / (c * lmax);
  const etaNoiseEstimate = B < Infinity ? (2 * B) / nodes.Slam : Infinity;
  if (!(B < Infinity)) return { etaMax: etaMode, kind: 'mode', etaMode, etaNoiseEstimate };
  // ‖K‖ → ∞ as η → etaMode, so the root lies below it.
  let lo = 0;
  let hi = etaMode;
  for (let it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
    const mid = 0.5 * (lo + hi);
    if (kernelNorm(nodes, mid, B) >= 1) hi = mid;
    else lo = mid;
  }
  const etaMax = 0.5 * (lo + hi);
  const nearMode =
    Math.abs(Math.log(etaMax / etaMode)) <= Math.abs(Math.log(etaMax / etaNoiseEstimate));
  return { etaMax, kind: nearMode ? 'mode' : 'noise', etaMode, etaNoiseEstimate };
}

/**
 * E_g(∞) of constant-η SGD: (r + σ²‖K‖)/(1 − ‖K‖), r the unreachable residual (finite N:
 * E_approx). Infinity when the run diverges.
 */
export function noiseFloor(nodes: SgdNodes, sigma2: number, eta: number, B: number): number {
  const K = kernelNorm(nodes, eta, B);
  if (!(K < 1)) return Infinity;
  return (nodes.residual + sigma2 * K) / (1 - K);
}
