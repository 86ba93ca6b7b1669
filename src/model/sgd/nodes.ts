// The spectrum as the SGD engine uses it (docs/theory.md §9.2): a weighted node set. Node i
// stands for a group of modes that share the eigenvalue λ_i; wl_i is the sum of their λ_k and
// wc_i the sum of their target powers c_k = λ_k w̄_k². Every mode of a group starts from the same
// d_k(0) = w̄_k² + σ₀² (per unit of its own weight) and sees the same recursion, and the modes are
// coupled only through E_g = Σ_k λ_k d_k, which is linear in the d_k: so one representative per
// node, weighted, reproduces the sum over the modes exactly. The weights are those of the
// theory engine's compression (docs/theory.md §5.1: exact head, Gauss–Legendre in log λ with
// Euler–Maclaurin ends), whose quadrature is accurate for the smooth functions of log λ that the
// SGD recursion produces (checked against exact sums over k = 1..M in test/model/sgd/).
import { getSpectrum, type Spectrum } from '../theory/spectrum.ts';

export interface SgdNodes {
  /** Node eigenvalues λ_i (> 0). */
  lam: Float64Array;
  /** Σ λ_k over the node's modes (coupling, noise and init weights). */
  wl: Float64Array;
  /** Σ c_k over the node's modes (target power). */
  wc: Float64Array;
  /**
   * The modes beyond the last node (M = ∞): Σ_{k>X} λ_k^n = Ia[n−1] and Σ_{k>X} c_k λ_k^n =
   * Iab[n−1], and their target power Sw. Their λ_k·t is below TAIL_RATIO, so their evolution is a
   * short power series in λ (propagate.ts).
   */
  tail: NodeTail | null;
  /** Target power no step can reach (E_approx at finite N, zero modes of a measured spectrum). */
  residual: number;
  /** Σ λ_k over all modes: E_g(0) = Sw + σ₀²·Slam. */
  Slam: number;
  /** Σ c_k over all modes (including tail and residual). */
  Sw: number;
}

export interface NodeTail {
  Ia: Float64Array;
  Iab: Float64Array;
  Sw: number;
  /** λ at the boundary X (every tail mode has λ_k < lamX). */
  lamX: number;
}

/** The tail starts where λ_X · t_max ≤ TAIL_RATIO (t_max = Σ η over the run). */
export const TAIL_RATIO = 1e-3;

/** Nodes from a theory-engine spectrum (power law or measured). */
export function nodesFromSpectrum(sp: Spectrum): SgdNodes {
  let tail: NodeTail | null = null;
  let residual = 0;
  if (sp.tail) {
    if (sp.tail.Ia.length >= 4) {
      // The engine's Ic[n] = Σ_{k>X} k^{−β} λ_k^n (Ic[0] = Sw); Iab starts at n = 1.
      tail = { Ia: sp.tail.Ia, Iab: sp.tail.Ic.subarray(1), Sw: sp.tail.Sw, lamX: sp.tail.lamX };
    } else {
      // A measured spectrum's zero modes: their power is never learned.
      residual = sp.tail.Sw;
    }
  }
  return {
    lam: sp.lam,
    wl: sp.wl,
    wc: sp.wc,
    tail,
    residual,
    Slam: sp.Slam,
    Sw: sp.Sw,
  };
}

/**
 * The power-law spectrum λ_k = k^{−α}, c_k = k^{−β}, k = 1..M, for a run whose intrinsic time
 * reaches tMax: the compression of docs/theory.md §5.1 with, for M = ∞, its quadrature carried
 * down to λ_X = TAIL_RATIO/tMax (the engine's floor is 20·λ_X).
 */
export function powerLawNodes(alpha: number, beta: number, M: number, tMax: number): SgdNodes {
  const floor = (20 * TAIL_RATIO) / Math.max(tMax, 1);
  return nodesFromSpectrum(getSpectrum(alpha, beta, M, floor));
}

/**
 * Nodes from an explicit list of modes (every mode its own node): exact sums. `residual`: target
 * power that no mode carries. Zero eigenvalues are dropped into the residual.
 */
export function nodesFromModes(
  lam: ArrayLike<number>,
  power: ArrayLike<number>,
  residual = 0,
): SgdNodes {
  const keep: number[] = [];
  let res = residual;
  let Sw = residual;
  let Slam = 0;
  for (let k = 0; k < lam.length; k++) {
    Sw += power[k];
    Slam += lam[k];
    if (lam[k] > 0) keep.push(k);
    else res += power[k];
  }
  return {
    lam: Float64Array.from(keep, (k) => lam[k]),
    wl: Float64Array.from(keep, (k) => lam[k]),
    wc: Float64Array.from(keep, (k) => power[k]),
    tail: null,
    residual: res,
    Slam,
    Sw,
  };
}
