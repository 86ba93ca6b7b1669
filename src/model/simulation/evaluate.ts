// Step 4 of a simulated draw: the error curves, exactly averaged over Langevin noise and the
// random initialisation, from the per-mode data of modes.ts (docs/theory.md §0, §3, §4).
//
// For a mode with eigenvalue μ ≥ 0 and κ = μ + γ the mean weights are b·g(t), the residual keeps
// h(t) of each label component and the weight variance is c(t): the filter functions of
// ../filters.ts (c = ∞ on null modes when γ = 0, T > 0 at t = ∞: Langevin noise diffuses forever
// there; E_g is then reported as +∞, never NaN). Then
//   E_g(t)  = |Lᵀ E w(t) − q|² + s² + Σ_i c_i d_i + c(μ=0)·(null-space trace)
//   E_tr(t) = (Σ_i ỹ_i² h_i² + never-fitted labels)/P + Σ_i c_i μ_i

import { crossGram } from '../linalg/gram.ts';
import { transpose } from '../linalg/symmetricEigen.ts';
import { lowerColumnRanges, type ModeData } from './modes.ts';
import type { ErrorSplit } from '../types.ts';
import {
  initVariance,
  meanFilter,
  residualFilter,
  temperatureVariance,
  weightVariance,
  type Fluctuations,
} from '../filters.ts';

export interface Dynamics extends Fluctuations {
  gamma: number;
}

/** c·d with the convention 0·∞ = 0 (a direction with no test variance contributes nothing). */
function weighted(c: number, d: number): number {
  return d === 0 ? 0 : c * d;
}

export interface EvaluateOptions {
  /**
   * Split E_g into its parts. The labels of `md` must then be drawn without label noise: the
   * label-noise part of the (linear) mean predictor is averaged exactly instead, like the Langevin
   * and init parts: E_ε|Lᵀg(K̂)Fᵀε/P|² = (σ²/P) Σ_i μ_i g_i(t)² d_i, and E_tr gains
   * σ²(Σ_i h_i(t)² + P − m)/P (every sample direction keeps h_i of its noise; unfitted ones all).
   */
  sigma2Exact?: number;
}

export interface SeedErrors {
  Eg: Float64Array;
  Etr: Float64Array;
  /** With `sigma2Exact`: the four parts, summing to Eg. */
  parts?: ErrorSplit<Float64Array>;
  /** The learned fraction of each mode the geometry reads out, row-major [mode][t]. */
  modeFrac?: Float64Array;
}

/**
 * E_g and E_tr at every time of `t` for one drawn problem. All times are processed together: the
 * mean-weight coefficients form an nt×m matrix (one row per time) that is mapped to the rows
 * Lᵀ E w(t) − q by matrix products (gram.ts kernels), so the O(n²) per time runs at matrix speed.
 */
export function evaluateErrors(
  md: ModeData,
  t: Float64Array,
  dyn: Dynamics,
  opts: EvaluateOptions = {},
): SeedErrors {
  const { m, mu, coef, y2, d } = md;
  const nt = t.length;
  const split = opts.sigma2Exact !== undefined;
  const sig2 = opts.sigma2Exact ?? 0;
  const P = md.data.P;
  const Eg = new Float64Array(nt);
  const Etr = new Float64Array(nt);
  const parts = split ? allocSplit(nt) : undefined;
  const Xt = new Float64Array(nt * m); // Xt[it][i]: eigenbasis coefficient of the mean at time it
  for (let it = 0; it < nt; it++) {
    const tt = t[it];
    const ox = it * m;
    let train = md.yFixed2;
    let covG = 0;
    let covTr = 0;
    let temp = 0;
    let init = 0;
    let noise = 0;
    let h2 = 0;
    for (let i = 0; i < m; i++) {
      const kappa = mu[i] + dyn.gamma;
      const g = meanFilter(kappa, tt);
      Xt[ox + i] = coef[i] === 0 ? 0 : coef[i] * g;
      const h = residualFilter(mu[i], dyn.gamma, tt);
      train += y2[i] * h * h;
      h2 += h * h;
      if (d !== null) {
        if (split) {
          const cT = temperatureVariance(kappa, tt, dyn.T);
          const c0 = initVariance(kappa, tt, dyn.sigma02);
          temp += weighted(cT, d[i]);
          init += weighted(c0, d[i]);
          covTr += weighted(cT + c0, mu[i]);
          if (mu[i] > 0) noise += mu[i] * g * g * d[i];
        } else {
          const c = weightVariance(kappa, tt, dyn);
          covG += weighted(c, d[i]);
          covTr += weighted(c, mu[i]);
        }
      }
    }
    if (d !== null && md.nullTrace > 0) {
      if (split) {
        temp += weighted(temperatureVariance(dyn.gamma, tt, dyn.T), md.nullTrace);
        init += weighted(initVariance(dyn.gamma, tt, dyn.sigma02), md.nullTrace);
      } else covG += weighted(weightVariance(dyn.gamma, tt, dyn), md.nullTrace);
    }
    if (parts) {
      parts.temperature[it] = temp;
      parts.init[it] = init;
      parts.noise[it] = (sig2 * noise) / P;
      covG = temp + init + parts.noise[it];
      train += sig2 * (h2 + P - m);
    }
    Eg[it] = covG;
    Etr[it] = train / P + covTr;
  }
  const Et = meanTestResidual(md, Xt, nt);
  const n = md.geom.n;
  for (let it = 0; it < nt; it++) {
    const oe = it * n;
    let s = 0;
    for (let k = 0; k < n; k++) s += Et[oe + k] * Et[oe + k];
    Eg[it] += md.geom.s2 + s;
    if (parts) parts.signal[it] = md.geom.s2 + s;
  }
  const out: SeedErrors = { Eg, Etr };
  if (parts) out.parts = parts;
  if (md.geom.modeReadout.modes.length > 0) out.modeFrac = modeFractions(md, Et, nt);
  return out;
}

function allocSplit(n: number): ErrorSplit<Float64Array> {
  const f = () => new Float64Array(n);
  return { signal: f(), noise: f(), temperature: f(), init: f() };
}

/**
 * Learned fraction of population mode k: the mean predictor's coefficient on mode k over the
 * target's, h_kᵀ(Lᵀ E w) / b_k with Lᵀ E w = Et + q (geometry.ts: h_k = e_k unless M > N).
 */
function modeFractions(md: ModeData, Et: Float64Array, nt: number): Float64Array {
  const { n, q } = md.geom;
  const { modes, b, h: hs } = md.geom.modeReadout;
  const out = new Float64Array(modes.length * nt);
  modes.forEach((k, im) => {
    for (let it = 0; it < nt; it++) {
      const oe = it * n;
      let c: number;
      if (hs === null) c = k < n ? Et[oe + k] + q[k] : 0;
      else {
        const h = hs[im];
        c = 0;
        for (let j = 0; j < n; j++) c += h[j] * (Et[oe + j] + q[j]);
      }
      out[im * nt + it] = c / b[im];
    }
  });
  return out;
}

/**
 * Et[it][k] = (Lᵀ E w(t_it) − q)_k (nt×n), where E w has eigenbasis coefficients Xt[it] (see
 * modes.ts). Each step is a matrix product with the time index as the row index.
 */
function meanTestResidual(md: ModeData, Xt: Float64Array, nt: number): Float64Array {
  const { geom, data, m } = md;
  const n = geom.n;
  let Et: Float64Array;
  if (md.CT) {
    // Weight path with explicit vectors: Lᵀ E w = Σ_i x_i (Lᵀu_i), the product Xt CT.
    Et = new Float64Array(nt * n);
    crossGram(Xt, nt, md.CT, n, m, Et, undefined, { bTransposed: true });
  } else {
    let Wt: Float64Array; // rows E w(t), nt×n
    if (data.path === 'weight') {
      Wt = md.eig.fromEigenbasisToRows(transpose(Xt, nt, m), nt); // E w = U x
    } else {
      // α = V x (rows, nt×P), then E w = Fᵀ α: Wt[it][k] = Σ_r α[it][r] F[r][k], the product
      // αᵀ F (column k of F is non-zero for the samples r ≤ k).
      let alphaT: Float64Array;
      if (md.VT) {
        alphaT = new Float64Array(nt * m);
        crossGram(Xt, nt, md.VT, m, m, alphaT, undefined, { bTransposed: true });
      } else alphaT = md.eig.fromEigenbasisToRows(transpose(Xt, nt, m), nt);
      const P = m;
      const fStart = new Int32Array(n);
      const fEnd = new Int32Array(n);
      for (let k = 0; k < n; k++) fEnd[k] = Math.min(k + 1, P);
      Wt = new Float64Array(nt * n);
      crossGram(alphaT, nt, data.F, n, P, Wt, { start: fStart, end: fEnd }, { bTransposed: true });
    }
    if (geom.L.kind === 'diag') {
      const diag = geom.L.diag;
      Et = Wt;
      for (let it = 0; it < nt; it++) {
        const oe = it * n;
        for (let k = 0; k < n; k++) Et[oe + k] *= diag[k];
      }
    } else {
      // (Lᵀ w)_k = Σ_{j ≥ k} L[j][k] w_j: the product Wt L.
      Et = new Float64Array(nt * n);
      crossGram(Wt, nt, geom.L.data, n, n, Et, lowerColumnRanges(n), { bTransposed: true });
    }
  }
  const q = geom.q;
  for (let it = 0; it < nt; it++) {
    const oe = it * n;
    for (let k = 0; k < n; k++) Et[oe + k] -= q[k];
  }
  return Et;
}
