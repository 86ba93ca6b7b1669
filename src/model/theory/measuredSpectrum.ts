// The theory on a measured spectrum (docs/theory.md §5 for the sums): modes k = 1..n with given
// eigenvalues λ_k (non-increasing, ≥ 0) and target powers c_k = λ_k w̄_k² instead of k^{-α},
// k^{-β}. Every spectral sum Σ_k g(λ_k) w_k is an exact finite sum; for speed it is compressed:
// - the first K_EXACT_MEASURED modes (and every mode when n ≤ M_EXACT_MAX) are nodes of their own;
// - the rest are grouped in panels of half a decade of λ, and each panel with more than
//   NODES_PER_PANEL modes becomes NODES_PER_PANEL nodes: the Gauss nodes, in v = ln λ, of the
//   panel's discrete df-measure Σ λ_k δ(v − v_k) (found by Lanczos on diag(v_k)), with weights
//   that match the panel's moments Σ w_k v_k^j, j < NODES_PER_PANEL, of each of the three
//   measures (λ_k, λ_k c_k, c_k): Lagrange interpolation at the nodes, summed over the modes.
//   The df-sums are then exact for polynomials of degree 2·NODES_PER_PANEL − 1 in ln λ, the
//   U-sums for degree NODES_PER_PANEL − 1; measured against the exact sums: ≲ 1e-6 relative on
//   the learning curves of the MNIST spectra (test/model/theory/measured.test.ts).
// - modes with λ_k = 0 (a singular kernel) are never learned: their target power sits in `tail`
//   (no series terms), as the power beyond the last node does for the power law.
// α and β are fitted: λ_k ≈ A k^{-α} and the tail power Σ_{j>k} c_j ≈ B k^{1−β}/(β − 1) by least
// squares in log-log over FIT_KMIN ≤ k ≤ min(n/10, rank/2) (the fit ranges).
import { tridiagonalQL } from '../linalg/tridiagonalQL.ts';
import { M_EXACT_MAX, type Spectrum } from './spectrum.ts';
import { fitPowerLaw } from './fit.ts';
import type { PowerFit } from '../types.ts';

export const K_EXACT_MEASURED = 32;
export const NODES_PER_PANEL = 6;
/** Panels per decade of λ. */
export const PANELS_PER_DECADE = 2;
export const FIT_KMIN = 10;

export interface ModeSpectrum {
  /** Eigenvalues λ_k, non-increasing, ≥ 0. */
  lam: Float64Array;
  /** Target power c_k ≥ 0 per mode. */
  power: Float64Array;
}

export interface SpectrumFit {
  /** λ_k ≈ A k^{-α}: slope −α, intercept log10 A. */
  lam: PowerFit;
  /** Σ_{j>k} c_j ≈ B' k^{1−β}: slope 1 − β. */
  tail: PowerFit;
  alpha: number;
  beta: number;
  /** Amplitudes: λ_k ≈ A k^{-α}, c_k ≈ B k^{-β} (B = B'(β − 1)). */
  A: number;
  B: number;
}

/** Reject what the engine cannot use, naming the mode (user files reach this). */
export function checkModes(m: ModeSpectrum): void {
  const n = m.lam.length;
  if (n < 2) throw new RangeError(`a spectrum needs at least 2 modes, got ${n}`);
  if (m.power.length !== n)
    throw new RangeError(`${n} eigenvalues but ${m.power.length} target powers`);
  for (let k = 0; k < n; k++) {
    const l = m.lam[k];
    const c = m.power[k];
    if (!(l >= 0) || !Number.isFinite(l))
      throw new RangeError(`mode ${k + 1}: eigenvalue ${l} must be finite and ≥ 0`);
    if (!(c >= 0) || !Number.isFinite(c))
      throw new RangeError(`mode ${k + 1}: target power ${c} must be finite and ≥ 0`);
    if (k > 0 && l > m.lam[k - 1])
      throw new RangeError(`mode ${k + 1}: eigenvalues must be sorted non-increasing`);
  }
  if (!(m.lam[0] > 0)) throw new RangeError('every eigenvalue is 0: nothing can be learned');
}

/** Number of positive eigenvalues (the rank of the kernel on the pool). */
export function rank(m: ModeSpectrum): number {
  let r = m.lam.length;
  while (r > 0 && !(m.lam[r - 1] > 0)) r--;
  return r;
}

/** The fitted power laws and their ranges. */
export function fitSpectrum(m: ModeSpectrum): SpectrumFit {
  const n = m.lam.length;
  const r = rank(m);
  const kmax = Math.max(FIT_KMIN + 2, Math.min(Math.floor(n / 10), Math.floor(r / 2)));
  const kmin = Math.min(FIT_KMIN, Math.max(1, Math.floor(kmax / 4)));
  const k = new Float64Array(n);
  for (let i = 0; i < n; i++) k[i] = i + 1;
  const tail = new Float64Array(n);
  for (let i = n - 2; i >= 0; i--) tail[i] = tail[i + 1] + m.power[i + 1];
  const lamFit = fitPowerLaw(k, m.lam, kmin, kmax);
  const tailFit = fitPowerLaw(k, tail, kmin, kmax);
  if (!lamFit || !tailFit) throw new RangeError('too few positive modes to fit power laws');
  const alpha = -lamFit.slope;
  const beta = 1 - tailFit.slope;
  return {
    lam: lamFit,
    tail: tailFit,
    alpha,
    beta,
    A: Math.pow(10, lamFit.intercept),
    B: Math.pow(10, tailFit.intercept) * (beta - 1),
  };
}

/** The idealised spectrum with the fitted laws, on the same number of modes. */
export function fittedModes(fit: SpectrumFit, n: number): ModeSpectrum {
  const lam = new Float64Array(n);
  const power = new Float64Array(n);
  for (let k = 1; k <= n; k++) {
    lam[k - 1] = fit.A * Math.pow(k, -fit.alpha);
    power[k - 1] = Math.max(0, fit.B) * Math.pow(k, -fit.beta);
  }
  return { lam, power };
}

/**
 * The Euclidean norm, scaled by the largest entry (as Math.hypot is, so that squares of tiny or
 * huge entries neither underflow nor overflow), in a loop: a panel can hold hundreds of thousands
 * of modes, too many arguments for Math.hypot(...x).
 */
export function norm2(x: Float64Array): number {
  let big = 0;
  for (let i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i]));
  if (!(big > 0) || !Number.isFinite(big)) return big;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i] / big;
    s += r * r;
  }
  return big * Math.sqrt(s);
}

/**
 * Gauss nodes (in v) of the discrete measure Σ w_i δ(v − v_i) by Lanczos: the eigenvalues of
 * the q×q Jacobi matrix (q ≤ number of points). Full reorthogonalisation: q is tiny.
 */
export function gaussNodes(v: Float64Array, w: Float64Array, q: number): Float64Array {
  const m = v.length;
  const Qs: Float64Array[] = [];
  const alpha = new Float64Array(q);
  const beta = new Float64Array(q);
  let x = new Float64Array(m);
  for (let i = 0; i < m; i++) x[i] = Math.sqrt(w[i]);
  let norm = norm2(x);
  for (let j = 0; j < q; j++) {
    for (let i = 0; i < m; i++) x[i] /= norm;
    Qs.push(x);
    let a = 0;
    for (let i = 0; i < m; i++) a += v[i] * x[i] * x[i];
    alpha[j] = a;
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) y[i] = v[i] * x[i];
    for (const u of Qs) {
      let d = 0;
      for (let i = 0; i < m; i++) d += u[i] * y[i];
      for (let i = 0; i < m; i++) y[i] -= d * u[i];
    }
    norm = norm2(y);
    if (j + 1 < q) beta[j + 1] = norm;
    x = y;
  }
  tridiagonalQL(alpha, beta, null);
  return alpha.sort();
}

/** Σ_i w_i L_j(v_i) for each Lagrange basis polynomial L_j of the nodes. */
export function lagrangeWeights(
  nodes: Float64Array,
  v: Float64Array,
  w: Float64Array,
): Float64Array {
  const q = nodes.length;
  const out = new Float64Array(q);
  for (let i = 0; i < v.length; i++) {
    for (let j = 0; j < q; j++) {
      let L = 1;
      for (let l = 0; l < q; l++) if (l !== j) L *= (v[i] - nodes[l]) / (nodes[j] - nodes[l]);
      out[j] += w[i] * L;
    }
  }
  return out;
}

/**
 * The node set of a measured spectrum; `exact` keeps every positive mode as a node (the
 * reference the compression is tested against). α, β of the Spectrum are the fitted ones.
 */
export function buildMeasuredSpectrum(m: ModeSpectrum, exact = false): Spectrum {
  checkModes(m);
  const fit = fitSpectrum(m);
  const r = rank(m);
  const lam: number[] = [];
  const wl: number[] = [];
  const wlc: number[] = [];
  const wc: number[] = [];
  const xs: number[] = [];
  const exactNode = (k: number) => {
    lam.push(m.lam[k]);
    wl.push(m.lam[k]);
    wlc.push(m.lam[k] * m.power[k]);
    wc.push(m.power[k]);
    xs.push(k + 1);
  };
  const k0 = exact || r <= M_EXACT_MAX ? r : Math.min(K_EXACT_MEASURED, r);
  for (let k = 0; k < k0; k++) exactNode(k);
  let start = k0;
  while (start < r) {
    // Panel: modes with ln λ within one panel width below the first mode of the panel.
    const top = Math.log(m.lam[start]);
    const width = Math.LN10 / PANELS_PER_DECADE;
    let end = start;
    while (end < r && Math.log(m.lam[end]) > top - width) end++;
    const count = end - start;
    if (count <= NODES_PER_PANEL) {
      for (let k = start; k < end; k++) exactNode(k);
    } else {
      const wL = m.lam.subarray(start, end);
      const wC = m.power.subarray(start, end);
      const v = new Float64Array(count);
      const wLC = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        v[i] = Math.log(wL[i]);
        wLC[i] = wL[i] * wC[i];
      }
      const nodes = gaussNodes(v, wL, NODES_PER_PANEL);
      const a = lagrangeWeights(nodes, v, wL);
      const b = lagrangeWeights(nodes, v, wLC);
      const c = lagrangeWeights(nodes, v, wC);
      for (let j = 0; j < nodes.length; j++) {
        lam.push(Math.exp(nodes[j]));
        wl.push(a[j]);
        wlc.push(b[j]);
        wc.push(c[j]);
        xs.push(start + 1 + (count * (j + 0.5)) / nodes.length);
      }
    }
    start = end;
  }
  let Sw = 0;
  let Slam = 0;
  let Snull = 0;
  for (let k = 0; k < m.lam.length; k++) {
    Sw += m.power[k];
    Slam += m.lam[k];
    if (k >= r) Snull += m.power[k];
  }
  return {
    alpha: fit.alpha,
    beta: fit.beta,
    M: r,
    lam: Float64Array.from(lam),
    wl: Float64Array.from(wl),
    wlc: Float64Array.from(wlc),
    wc: Float64Array.from(wc),
    x: Float64Array.from(xs),
    Sw,
    Slam,
    // The never-learned power of the zero modes: in S_w, and in V as Σ c_k/(0 + κ) = S_null/κ
    // (no df terms: λ_k = 0).
    tail:
      Snull > 0
        ? { X: r, lamX: 0, Ia: new Float64Array(0), Ic: Float64Array.of(Snull), Sw: Snull }
        : null,
    modeLam: m.lam.slice(0, r),
  };
}
