// Step 4 of a simulated draw: the error curves, exactly averaged over Langevin noise and the
// random initialisation, from the per-mode data of modes.ts (THEORY.md §0, §3, §4).
//
// For a mode with eigenvalue μ ≥ 0 and κ = μ + γ (all three functions are continuous in κ → 0):
//   g(t) = (1 − e^{−κt})/κ        = −expm1(−κt)/κ, → t at κ = 0 (mean weights: b·g),
//   h(t) = (γ + μ e^{−κt})/κ      → 1 at κ = 0 (fraction of the label component left in the residual),
//   c(t) = T (1 − e^{−2κt})/κ + σ0² e^{−2κt}  → 2Tt + σ0² at κ = 0 (weight variance along the mode:
//          Cov w(t) = T(K̂+γ)⁻¹(1 − e^{−2(K̂+γ)t}) + σ0² e^{−2(K̂+γ)t}).
// expm1 keeps full relative accuracy when κt is tiny (no 1 − (1 − x) cancellation).
// t = ∞ gives the static limits of §4: g = 1/κ (ridge / posterior mean; pseudo-inverse when
// γ = 0), h = γ/κ, c = T/κ (posterior covariance T(K̂+γ)⁻¹), and c = ∞ on null modes when γ = 0,
// T > 0 (Langevin noise diffuses forever there; E_g is then reported as +∞, never NaN).
//   E_g(t)  = |Lᵀ E w(t) − q|² + s² + Σ_i c_i d_i + c(μ=0)·(null-space trace)
//   E_tr(t) = (Σ_i ỹ_i² h_i² + never-fitted labels)/P + Σ_i c_i μ_i

import type { ModeData } from './modes.ts';

export interface Dynamics {
  gamma: number;
  T: number;
  sigma02: number;
}

export function gFactor(kappa: number, t: number): number {
  if (kappa > 0) return t === Infinity ? 1 / kappa : -Math.expm1(-kappa * t) / kappa;
  return t; // κ = 0: only reached by non-null modes at t < ∞ (null modes carry no mean)
}

export function hFactor(mu: number, gamma: number, t: number): number {
  const kappa = mu + gamma;
  if (!(kappa > 0)) return 1;
  const decay = t === Infinity ? 0 : Math.exp(-kappa * t);
  return (gamma + mu * decay) / kappa;
}

export function cFactor(kappa: number, t: number, dyn: Dynamics): number {
  if (kappa > 0) {
    if (t === Infinity) return dyn.T / kappa;
    const x = 2 * kappa * t;
    return (dyn.T * -Math.expm1(-x)) / kappa + dyn.sigma02 * Math.exp(-x);
  }
  if (dyn.T === 0) return dyn.sigma02;
  return t === Infinity ? Infinity : 2 * dyn.T * t + dyn.sigma02;
}

/** c·d with the convention 0·∞ = 0 (a direction with no test variance contributes nothing). */
function weighted(c: number, d: number): number {
  return d === 0 ? 0 : c * d;
}

/**
 * E_g and E_tr at every time of `t` for one drawn problem. All times are processed together: the
 * mean-weight coefficients form an m×n_t matrix that is mapped to Lᵀ E w(t) − q in one pass of
 * row operations (contiguous, so the O(n²) per time runs at matrix speed).
 */
export function evaluateErrors(
  md: ModeData,
  t: Float64Array,
  dyn: Dynamics,
): { Eg: Float64Array; Etr: Float64Array } {
  const { m, mu, coef, y2, d } = md;
  const nt = t.length;
  const Eg = new Float64Array(nt);
  const Etr = new Float64Array(nt);
  const X = new Float64Array(m * nt); // X[i][it]: eigenbasis coefficient of the mean at time it
  for (let it = 0; it < nt; it++) {
    const tt = t[it];
    let train = md.yFixed2;
    let covG = 0;
    let covTr = 0;
    for (let i = 0; i < m; i++) {
      const kappa = mu[i] + dyn.gamma;
      X[i * nt + it] = coef[i] === 0 ? 0 : coef[i] * gFactor(kappa, tt);
      const h = hFactor(mu[i], dyn.gamma, tt);
      train += y2[i] * h * h;
      if (d !== null) {
        const c = cFactor(kappa, tt, dyn);
        covG += weighted(c, d[i]);
        covTr += weighted(c, mu[i]);
      }
    }
    if (d !== null && md.nullTrace > 0) covG += weighted(cFactor(dyn.gamma, tt, dyn), md.nullTrace);
    Eg[it] = covG;
    Etr[it] = train / md.data.P + covTr;
  }
  const E = meanTestResidual(md, X, nt);
  const n = md.geom.n;
  for (let it = 0; it < nt; it++) Eg[it] += md.geom.s2;
  for (let k = 0; k < n; k++) {
    const ok = k * nt;
    for (let it = 0; it < nt; it++) Eg[it] += E[ok + it] * E[ok + it];
  }
  return { Eg, Etr };
}

/** E[k][it] = (Lᵀ E w(t_it) − q)_k, where E w has eigenbasis coefficients X (see modes.ts). */
function meanTestResidual(md: ModeData, X: Float64Array, nt: number): Float64Array {
  const { geom, data, m } = md;
  const n = geom.n;
  let E: Float64Array;
  if (md.CT) {
    // Weight path with explicit vectors: Lᵀ E w = Σ_i x_i (Lᵀu_i).
    E = rowsCombination(md.CT, m, n, X, nt);
  } else {
    let W: Float64Array; // E w, n×nt
    if (data.path === 'weight') {
      W = X;
      md.eig.fromEigenbasisRows(W, nt); // E w = U x
    } else {
      // α = V x (P×nt), E w = Fᵀ α.
      let alpha: Float64Array;
      if (md.VT) alpha = rowsCombination(md.VT, m, m, X, nt);
      else {
        alpha = X;
        md.eig.fromEigenbasisRows(alpha, nt);
      }
      W = rowsCombination(data.F, m, n, alpha, nt, data.ranges.start);
    }
    if (geom.L.kind === 'diag') {
      const diag = geom.L.diag;
      E = W;
      for (let k = 0; k < n; k++) {
        const ok = k * nt;
        for (let it = 0; it < nt; it++) E[ok + it] *= diag[k];
      }
    } else {
      // E = Lᵀ W: E_k = Σ_{j≥k} L[j][k] W_j.
      const L = geom.L.data;
      E = new Float64Array(n * nt);
      for (let j = 0; j < n; j++) {
        const oj = j * n;
        const wj = j * nt;
        for (let k = 0; k <= j; k++) {
          const l = L[oj + k];
          if (l === 0) continue;
          const ok = k * nt;
          for (let it = 0; it < nt; it++) E[ok + it] += l * W[wj + it];
        }
      }
    }
  }
  const q = geom.q;
  for (let k = 0; k < n; k++) {
    const ok = k * nt;
    for (let it = 0; it < nt; it++) E[ok + it] -= q[k];
  }
  return E;
}

/**
 * Out (cols×nt) = Aᵀ X for A (rows×cols, row-major) and X (rows×nt): out_k = Σ_r A[r][k] X_r.
 * `start[r]`, if given, is the first column where row r of A may be non-zero.
 */
function rowsCombination(
  A: Float64Array,
  rows: number,
  cols: number,
  X: Float64Array,
  nt: number,
  start?: Int32Array,
): Float64Array {
  const out = new Float64Array(cols * nt);
  // Column blocks of A keep the matching block of `out` in L1 while all rows stream past.
  const BLOCK = 64;
  for (let k0 = 0; k0 < cols; k0 += BLOCK) {
    const k1 = Math.min(cols, k0 + BLOCK);
    for (let r = 0; r < rows; r++) {
      const or = r * cols;
      const xr = r * nt;
      for (let k = Math.max(k0, start ? start[r] : 0); k < k1; k++) {
        const a = A[or + k];
        if (a === 0) continue;
        const ok = k * nt;
        for (let it = 0; it < nt; it++) out[ok + it] += a * X[xr + it];
      }
    }
  }
  return out;
}
