// The exact second-moment recursion of one-pass minibatch SGD (docs/theory.md §9.2), step by
// step: the reference the block propagation of propagate.ts is tested against, and the engine
// for the first steps of every run. Per mode k (per node i, see nodes.ts):
//   d_k(s+1) = a_k(η_s) d_k(s) + (η_s²/B) λ_k G(s),   a_k(η) = 1 − 2ηλ_k + η²(1 + 1/B)λ_k²,
//   G(s) = E_g(s) + σ²,   E_g = Σ_k λ_k d_k (+ the residual E_approx at finite N),
// split by linearity into d_k = (w̄_k² + σ₀²)·φ_k + ψ_k with the homogeneous decay
// φ_k(s) = Π_{q<s} a_k(η_q) (φ_k(0) = 1) and the part fed by the gradient noise,
// ψ_k(s+1) = a_k ψ_k(s) + b_k G(s), ψ_k(0) = 0, b_k = η_s² λ_k/B. Then
//   E_g = residual + Σ_i (wc_i + σ₀² wl_i) φ_i + Σ_i wl_i ψ_i + (the tail beyond the last node).
// The tail (M = ∞, λ_k·t ≤ TAIL_RATIO): log Φ(λ) = Σ_q log a(η_q; λ) = −2T₁λ + (c − 2)T₂λ²
// + (2c − 8/3)T₃λ³ + O(λ⁴) with T_n = Σ_q η_q^n, c = 1 + 1/B, expanded to λ³; the noise part
// of a tail mode is λ_k²·Q₀ + O(λ_k³ t) with Q₀ = Σ_q η_q² G(q)/B.
import type { SgdNodes } from './nodes.ts';
import { etaAt, type Piece } from './schedule.ts';

/** What the recursion needs: the nodes and the scalars of §9.2. */
export interface SgdSystem {
  nodes: SgdNodes;
  /** Label noise σ². */
  sigma2: number;
  /** Init variance σ₀² per weight. */
  sigma02: number;
  /** Batch size B ≥ 1 (Infinity: full-batch descent on the population loss). */
  batch: number;
}

/** The state after s steps. */
export interface SgdState {
  s: number;
  phi: Float64Array;
  psi: Float64Array;
  /** Σ_{q<s} η_q, η_q², η_q³ (t = T1 is the intrinsic time). */
  T1: number;
  T2: number;
  T3: number;
  /** Σ_{q<s} η_q² G(q)/B (the tail's noise part). */
  Q0: number;
}

export function initialState(sys: SgdSystem): SgdState {
  const n = sys.nodes.lam.length;
  return {
    s: 0,
    phi: new Float64Array(n).fill(1),
    psi: new Float64Array(n),
    T1: 0,
    T2: 0,
    T3: 0,
    Q0: 0,
  };
}

export function cloneState(st: SgdState): SgdState {
  return { ...st, phi: st.phi.slice(), psi: st.psi.slice() };
}

/** c = 1 + 1/B: the fourth-moment factor of a Gaussian minibatch gradient. */
export function batchFactor(B: number): number {
  return 1 + 1 / B;
}

/** The tail's signal part, Σ_{k>X} (c_k + σ₀² λ_k) Φ(λ_k), from T1..T3 (header). */
export function tailSignal(sys: SgdSystem, T1: number, T2: number, T3: number): number {
  const tail = sys.nodes.tail;
  if (!tail) return 0;
  const c = batchFactor(sys.batch);
  const l1 = -2 * T1;
  const l2 = (c - 2) * T2;
  const l3 = (2 * c - 8 / 3) * T3;
  const p1 = l1;
  const p2 = l2 + (l1 * l1) / 2;
  const p3 = l3 + l1 * l2 + (l1 * l1 * l1) / 6;
  const { Ia, Iab } = tail;
  const sig = tail.Sw + p1 * Iab[0] + p2 * Iab[1] + p3 * Iab[2];
  const init = Ia[0] + p1 * Ia[1] + p2 * Ia[2] + p3 * Ia[3];
  return sig + sys.sigma02 * init;
}

/** Σ_{k>X} λ_k² per unit Q0: the tail's noise coefficient. */
export function tailNoiseCoef(sys: SgdSystem): number {
  return sys.nodes.tail ? sys.nodes.tail.Ia[1] : 0;
}

/** Per-node weight of the homogeneous part: wc_i + σ₀² wl_i. */
export function signalWeights(sys: SgdSystem): Float64Array {
  const { wc, wl } = sys.nodes;
  return Float64Array.from(wc, (c, i) => c + sys.sigma02 * wl[i]);
}

/** E_g of a state (no noise floor). */
export function errorOf(sys: SgdSystem, st: SgdState, wsig: Float64Array): number {
  const { wl } = sys.nodes;
  let e = sys.nodes.residual;
  for (let i = 0; i < wl.length; i++) e += wsig[i] * st.phi[i] + wl[i] * st.psi[i];
  return e + tailSignal(sys, st.T1, st.T2, st.T3) + tailNoiseCoef(sys) * st.Q0;
}

/** One exact step at learning rate eta from a state whose E_g is E. */
export function exactStep(sys: SgdSystem, st: SgdState, eta: number, E: number): void {
  const { lam } = sys.nodes;
  const c = batchFactor(sys.batch);
  const invB = 1 / sys.batch;
  const G = E + sys.sigma2;
  const bG = eta * eta * invB * G;
  for (let i = 0; i < lam.length; i++) {
    const el = eta * lam[i];
    const a = 1 + el * (c * el - 2);
    st.phi[i] *= a;
    st.psi[i] = a * st.psi[i] + bG * lam[i];
  }
  st.T1 += eta;
  st.T2 += eta * eta;
  st.T3 += eta * eta * eta;
  st.Q0 += eta * eta * invB * G;
  st.s += 1;
}

/**
 * E_g at the given (sorted, integer) steps by the recursion itself, one step at a time: O(steps ×
 * nodes). The reference for tests; the engine uses propagate.ts.
 */
export function recursionCurve(
  sys: SgdSystem,
  pieces: readonly Piece[],
  steps: ArrayLike<number>,
): Float64Array {
  const st = initialState(sys);
  const wsig = signalWeights(sys);
  const out = new Float64Array(steps.length);
  let E = errorOf(sys, st, wsig);
  for (let j = 0; j < steps.length; j++) {
    while (st.s < steps[j]) {
      exactStep(sys, st, etaAt(pieces, st.s), E);
      E = errorOf(sys, st, wsig);
    }
    out[j] = E;
  }
  return out;
}
