// Step 3 of a simulated draw: diagonalise the training Gram once, and keep per eigenmode exactly
// what the closed-form error curves need (docs/theory.md §0 and §3; evaluate.ts uses them).
//
// With K̂ = FᵀF/P = Σ_i μ_i u_i u_iᵀ and b = Uᵀ Fᵀy/P, gradient flow with weight decay γ from a
// random start has mean  E w(t) = Σ_i u_i b_i g_i(t),  g_i = (1 − e^{−(μ_i+γ)t})/(μ_i+γ),
// and Langevin noise plus the random start add the covariance Σ_i c_i(t) u_i u_iᵀ. So:
// - the mean test error needs the vector Lᵀ E w(t) (then E_g = |Lᵀ E w − q|² + s², geometry.ts);
// - the covariance adds Σ_i c_i d_i with d_i = u_iᵀ Σ_test u_i = |Lᵀu_i|²;
// - the training residual y − F E w(t) has, along the unit left singular vector of mode i, the
//   component ỹ_i h_i(t) with ỹ_i = that component of y and h_i = (γ + μ_i e^{−(μ_i+γ)t})/(μ_i+γ);
//   the covariance adds Σ_i c_i μ_i.
// Weight path (P ≥ n): K̂ itself (n×n) is diagonalised, ỹ_i² = P b_i²/μ_i.
// Sample path (P < n): K = FFᵀ/P (P×P) shares the non-zero μ_i, with eigenvectors v_i:
//   ỹ = Vᵀy directly, E w(t) = Fᵀ α(t) with α = V diag(g) ỹ / P, u_i = Fᵀv_i/√(Pμ_i), and the
//   weight directions orthogonal to every u_i (dimension n − P) form the null space of K̂: there
//   the mean stays 0 and the covariance is c(μ = 0) times Tr Σ_test − Σ_i d_i.
// Numerically null modes: eigenvalues below n·ε·μ_max·4 are roundoff, not signal; they are set to
// exactly 0 (their mean coefficient too, so the ridgeless t = ∞ limit is the pseudo-inverse).
// Every O(n³) product below (Lᵀu_i for all i, F L, the Gram of F L, the quadratic forms v_iᵀK₂v_i,
// the latter from the lower triangle of K₂ only)
// is an ordinary matrix product done by the packed kernels of linalg/gram.ts: the same sums as
// the textbook loops, in a cache- and register-friendly order.

import { symmetricEigen, type SymmetricEigen } from '../linalg/symmetricEigen.ts';
import { crossGram, gram, type RowRanges } from '../linalg/gram.ts';
import type { TestGeometry } from './geometry.ts';
import type { TrainingData } from './data.ts';

export interface ModeData {
  data: TrainingData;
  geom: TestGeometry;
  eig: SymmetricEigen;
  /** Number of modes (n on the weight path, P on the sample path). */
  m: number;
  /** μ_i ≥ 0 (0 for numerically null modes). */
  mu: Float64Array;
  /** Weight path: b_i (0 on null modes). Sample path: ỹ_i/P (0 on null modes): α = V (coef ∘ g). */
  coef: Float64Array;
  /** ỹ_i², the squared label component of mode i. */
  y2: Float64Array;
  /** Labels never fitted (h = 1 for all t): |y_bot|² plus, on the weight path, the null modes'. */
  yFixed2: number;
  /** d_i = |Lᵀu_i|² (only when the covariance is needed, else null). */
  d: Float64Array | null;
  /** Tr Σ_test over the null space of K̂ outside the m modes (sample path), else 0. */
  nullTrace: number;
  /** Weight path with vectors: rows Lᵀu_i (m×n), so that Lᵀ E w = Σ_i x_i (row i) (evaluate.ts). */
  CT: Float64Array | null;
  /** Sample path with vectors: rows v_i (P×P), so that α = Σ_i x_i v_i. */
  VT: Float64Array | null;
}

const EPS = 2 ** -52;

/**
 * Diagonalise. `needCovariance` when T > 0 or σ0² > 0: the weight covariance needs d_i, i.e.
 * explicit eigenvectors.
 */
export function analyseModes(
  geom: TestGeometry,
  data: TrainingData,
  { needCovariance }: { needCovariance: boolean },
): ModeData {
  const m = data.path === 'weight' ? data.n : data.P;
  const eig = symmetricEigen(data.gram, m, { vectors: needCovariance });
  const mu = new Float64Array(m);
  let muMax = 0;
  for (let i = 0; i < m; i++) muMax = Math.max(muMax, eig.values[i]);
  const tol = 4 * m * EPS * muMax;
  for (let i = 0; i < m; i++) mu[i] = eig.values[i] > tol ? eig.values[i] : 0;
  const coef = new Float64Array(m);
  const y2 = new Float64Array(m);
  let yFixed2 = 0;
  let d: Float64Array | null = null;
  let nullTrace = 0;
  let CT: Float64Array | null = null;
  let VT: Float64Array | null = null;

  if (data.path === 'weight') {
    const n = m;
    coef.set(data.v);
    eig.toEigenbasis(coef); // b = Uᵀ (Fᵀy/P)
    let fitted2 = 0;
    let anyNull = false;
    for (let i = 0; i < n; i++) {
      if (mu[i] > 0) {
        y2[i] = (data.P * coef[i] * coef[i]) / mu[i];
        fitted2 += y2[i];
      } else {
        coef[i] = 0;
        anyNull = true;
      }
    }
    // Labels in the n sample directions that no non-null mode reaches (only if K̂ is singular).
    yFixed2 = data.yBot2 + (anyNull ? Math.max(0, data.yTop2 - fitted2) : 0);
    if (needCovariance) {
      CT = rowsTimesFactor(eig.vectorsT as Float64Array, n, geom);
      d = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        const oi = i * n;
        for (let k = 0; k < n; k++) s += CT[oi + k] * CT[oi + k];
        d[i] = s;
      }
    }
  } else {
    const P = m;
    y2.set(data.y);
    eig.toEigenbasis(y2); // ỹ = Vᵀy (squared below)
    for (let i = 0; i < P; i++) {
      coef[i] = mu[i] > 0 ? y2[i] / P : 0;
      y2[i] *= y2[i];
    }
    yFixed2 = 0;
    if (needCovariance) {
      VT = eig.vectorsT as Float64Array;
      d = sampleModeTestVariance(geom, data.F, data.P, data.n, VT, mu);
      let sum = 0;
      for (let i = 0; i < P; i++) sum += d[i];
      nullTrace = Math.max(0, geom.traceSigma - sum);
    }
  }
  return { data, geom, eig, m, mu, coef, y2, yFixed2, d, nullTrace, CT, VT };
}

/** Column k of L (lower triangular) is non-zero in rows j ≥ k: as a transposed operand, row k. */
export function lowerColumnRanges(n: number): RowRanges {
  const start = new Int32Array(n);
  for (let k = 0; k < n; k++) start[k] = k;
  return { start, end: new Int32Array(n).fill(n) };
}

/** Rows of Uᵀ times L: row i becomes (Lᵀu_i)ᵀ = u_iᵀ L. */
function rowsTimesFactor(UT: Float64Array, n: number, geom: TestGeometry): Float64Array {
  const L = geom.L;
  const out = new Float64Array(n * n);
  if (L.kind === 'diag') {
    for (let i = 0; i < n; i++) {
      const oi = i * n;
      for (let k = 0; k < n; k++) out[oi + k] = UT[oi + k] * L.diag[k];
    }
    return out;
  }
  // (uᵀL)_k = Σ_{j≥k} u_j L[j][k]: the product U L with L read as a transposed operand.
  crossGram(UT, n, L.data, n, n, out, lowerColumnRanges(n), { bTransposed: true });
  return out;
}

/**
 * d_i = |Lᵀ Fᵀ v_i|² / (P μ_i) on the sample path: with H = F L (P×n), d_i = v_iᵀ (H Hᵀ) v_i /(Pμ_i).
 * Null modes get 0 (their weight directions belong to the null space of K̂).
 */
function sampleModeTestVariance(
  geom: TestGeometry,
  F: Float64Array,
  P: number,
  n: number,
  VT: Float64Array,
  mu: Float64Array,
): Float64Array {
  const L = geom.L;
  // Row i of F is zero before column i (Bartlett form of the samples).
  const fRanges: RowRanges = { start: new Int32Array(P), end: new Int32Array(P).fill(n) };
  for (let i = 0; i < P; i++) fRanges.start[i] = i;
  const K2 = new Float64Array(P * P);
  if (L.kind === 'diag') {
    // H = F diag(L): the Gram of F with its columns scaled while packed (H never stored).
    gram(F, P, n, K2, 1, { ranges: fRanges, colScale: L.diag });
  } else {
    // H[i][k] = Σ_{j≥k} F[i][j] L[j][k].
    const H = new Float64Array(P * n);
    crossGram(F, P, L.data, n, n, H, lowerColumnRanges(n), { aRanges: fRanges, bTransposed: true });
    gram(H, P, n, K2, 1);
  }
  // v K2 v = 2 v K₂ᴸ v with K₂ᴸ the lower triangle of K2 and half its diagonal (K2 = K₂ᴸ + K₂ᴸᵀ):
  // W = V K₂ᴸ (row i: (K₂ᴸ v_i)ᵀ), a triangular product at half the cost of V K2, then
  // d_i = 2 (row i of W) · v_i / (Pμ_i).
  const lower: RowRanges = { start: new Int32Array(P), end: new Int32Array(P) };
  for (let r = 0; r < P; r++) {
    const or = r * P;
    K2[or + r] *= 0.5;
    K2.fill(0, or + r + 1, or + P);
    lower.end[r] = r + 1;
  }
  const W = new Float64Array(P * P);
  crossGram(VT, P, K2, P, P, W, lower);
  const d = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    if (!(mu[i] > 0)) continue;
    const oi = i * P;
    let s = 0;
    for (let r = 0; r < P; r++) s += W[oi + r] * VT[oi + r];
    d[i] = (2 * s) / (P * mu[i]);
  }
  return d;
}
