// Step 1 of a simulated draw: the random projection A and what the test error needs from it.
//
// Model (docs/theory.md §0): z ~ N(0, I_M), ψ = Λ^{1/2} z, target y* = w̄·ψ = bᵀz with b_k = λ_k^{1/2} w̄_k
// = k^{−β/2}, prediction f = wᵀG z with G = AΛ^{1/2}/√N (N×M), or f = vᵀψ (v ∈ R^M) when N = ∞.
// For fixed weights the test error is E_z (f − y*)² = |Gᵀw − b|².
//
// Reduction (exact in law). Let Σ = GGᵀ (the test covariance of the features) = L Lᵀ and
// q = L⁻¹ G b. The pair (Gz, bᵀz) is jointly Gaussian with covariance [[LLᵀ, Lq], [qᵀLᵀ, |b|²]],
// which is also the law of (L x, qᵀx + s ξ) with x ~ N(0, I_n), ξ ~ N(0, 1), s² = |b|² − |q|²
// (the part of the target no weight vector can reach). Hence training data can be drawn as
// φ_μ = L x_μ, y_μ = qᵀx_μ + s ξ_μ + ε_μ, and the test error of weights w is
//   E_g(w) = |Lᵀw − q|² + s²,
// so only the n×n factor L, the vector q and the number s² are needed, never G itself.
//
// Which factor:
// - N = ∞: n = M, L = Λ^{1/2} (diagonal), q = b, s² = 0.
// - M ≤ N: the law of the whole problem is invariant under rotations of weight space (isotropic
//   init, Langevin noise and weight decay; A → OA leaves A's law unchanged), so we may rotate A
//   one column at a time, last mode first, into lower-triangular form (a Bartlett decomposition):
//   column k has N(0,1) entries in rows k+1..M−1, a χ_{N−(M−1−k)} on the diagonal, zeros
//   elsewhere. Rows M..N−1 of G then vanish: those weights never affect f and drop out. So n = M
//   and L = the top M×M block of G (lower triangular), q = b, s² = 0.
// - M > N: the same rotation, first mode first, makes column k < N of A zero below row k with a
//   χ_{N−k} on the diagonal (columns k ≥ N stay full), which removes a sixth of the work of
//   Σ = GGᵀ (N²M/2 multiply-adds, the main cost; accumulated over chunks of modes so G is never
//   stored whole). Then L = chol(Σ), n = N. If Σ is numerically singular (very steep spectra),
//   we rotate weight space to Σ's eigenbasis instead: L = diag(√d), q_j = (VᵀGb)_j/√d_j.

import { Rng } from './random.ts';
import { gram } from '../linalg/gram.ts';
import { choleskyInPlace, solveLower } from '../linalg/cholesky.ts';
import { sortedSymmetricEigen } from '../linalg/symmetricEigen.ts';

/** Σ_test = L Lᵀ, L n×n lower triangular: either diagonal or a dense lower triangle. */
export type Factor = { kind: 'diag'; diag: Float64Array } | { kind: 'lower'; data: Float64Array };

export interface TestGeometry {
  /** Weight-space dimension after the reduction. */
  n: number;
  L: Factor;
  /** L⁻¹ G b. */
  q: Float64Array;
  /** |b|² − |q|² ≥ 0: target variance out of reach of any weights. */
  s2: number;
  /** Tr Σ_test. */
  traceSigma: number;
  /**
   * Per-mode read-out (only for the modes asked for): the predictor's coefficient on population
   * mode k is (Gᵀw)_k = g_kᵀw = h_kᵀ(Lᵀw) with h_k = L⁻¹g_k, g_k column k of G. Null when h_k = e_k
   * (N = ∞, or M ≤ N where L is the top block of G): then the coefficient is (Lᵀw)_k itself.
   */
  modeReadout: ModeReadout;
}

export interface ModeReadout {
  /** 0-based population modes. */
  modes: readonly number[];
  /** Their target coefficients b_k = k^{−β/2} (1-based k). */
  b: Float64Array;
  /** h_k per mode, or null when h_k = e_k. */
  h: Float64Array[] | null;
}

/** λ_k = k^{−α} and b_k = (λ_k w̄_k²)^{1/2} = k^{−β/2}, k = 1..M (docs/theory.md §0). */
export function powerLawSpectrum(
  alpha: number,
  beta: number,
  M: number,
): { lambda: Float64Array; b: Float64Array } {
  const lambda = new Float64Array(M);
  const b = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    lambda[k] = Math.pow(k + 1, -alpha);
    b[k] = Math.pow(k + 1, -beta / 2);
  }
  return { lambda, b };
}

/** Modes per chunk when accumulating Σ = GGᵀ (G is generated chunk by chunk). */
const MODE_CHUNK = 256;

/**
 * `keepModes`: 0-based population modes whose read-out vectors h_k the caller needs (per-mode
 * means); drawing them changes no random number.
 */
export function drawGeometry(
  alpha: number,
  beta: number,
  N: number,
  M: number,
  rng: Rng,
  keepModes: readonly number[] = [],
): TestGeometry {
  const { lambda, b } = powerLawSpectrum(alpha, beta, M);
  const readout = (h: Float64Array[] | null): ModeReadout => ({
    modes: keepModes,
    b: Float64Array.from(keepModes, (k) => (k < M ? b[k] : NaN)),
    h,
  });
  let bNorm2 = 0;
  for (let k = 0; k < M; k++) bNorm2 += b[k] * b[k];

  if (N === Infinity) {
    const diag = new Float64Array(M);
    let trace = 0;
    for (let k = 0; k < M; k++) {
      diag[k] = Math.sqrt(lambda[k]);
      trace += lambda[k];
    }
    return {
      n: M,
      L: { kind: 'diag', diag },
      q: b.slice(),
      s2: 0,
      traceSigma: trace,
      modeReadout: readout(null),
    };
  }

  const invSqrtN = 1 / Math.sqrt(N);
  if (M <= N) {
    const n = M;
    const L = new Float64Array(n * n);
    let trace = 0;
    for (let k = 0; k < n; k++) {
      const sk = Math.sqrt(lambda[k]) * invSqrtN;
      for (let j = k; j < n; j++) {
        const a = j === k ? rng.chi(N - (n - 1 - k)) : rng.normal();
        const v = sk * a;
        L[j * n + k] = v;
        trace += v * v;
      }
    }
    return {
      n,
      L: { kind: 'lower', data: L },
      q: b.slice(),
      s2: 0,
      traceSigma: trace,
      modeReadout: readout(null),
    };
  }

  // M > N: Σ = Σ_k λ_k a_k a_kᵀ / N accumulated over chunks of modes, and Gb alongside.
  const n = N;
  const Sigma = new Float64Array(n * n);
  const Gb = new Float64Array(n);
  const chunk = new Float64Array(n * MODE_CHUNK);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const scale = new Float64Array(M);
  for (let k = 0; k < M; k++) scale[k] = Math.sqrt(lambda[k]) * invSqrtN;
  // Columns g_k of G for the kept modes, captured as the chunks are drawn.
  const kept = new Map<number, Float64Array>();
  for (const k of keepModes) if (k >= 0 && k < M) kept.set(k, new Float64Array(n));
  for (let k0 = 0; k0 < M; k0 += MODE_CHUNK) {
    const w = Math.min(MODE_CHUNK, M - k0);
    chunk.fill(0);
    for (let j = 0; j < n; j++) {
      const oj = j * w;
      // Column k < N is zero below row k (Bartlett form), so row j starts at mode j.
      const first = Math.max(0, Math.min(w, j - k0));
      start[j] = first;
      end[j] = w;
      let acc = 0;
      let c = first;
      if (j >= k0 && j < k0 + w) {
        // Diagonal of the Bartlett block: mode k = j < N.
        const v = scale[j] * rng.chi(N - j);
        chunk[oj + c] = v;
        acc += v * b[j];
        c++;
      }
      for (; c < w; c++) {
        const v = scale[k0 + c] * rng.normal();
        chunk[oj + c] = v;
        acc += v * b[k0 + c];
      }
      Gb[j] += acc;
      for (const [k, g] of kept) if (k >= k0 && k < k0 + w) g[j] = chunk[oj + k - k0];
    }
    gram(chunk, n, w, Sigma, 1, { ranges: { start, end }, accumulate: k0 > 0 });
  }
  let trace = 0;
  for (let j = 0; j < n; j++) trace += Sigma[j * n + j];

  const Lc = Sigma.slice();
  if (choleskyInPlace(Lc, n, n * 2 ** -52)) {
    const q = Gb.slice();
    solveLower(Lc, n, q);
    let q2 = 0;
    for (let j = 0; j < n; j++) q2 += q[j] * q[j];
    // h_k = L⁻¹ g_k
    for (const g of kept.values()) solveLower(Lc, n, g);
    return {
      n,
      L: { kind: 'lower', data: Lc },
      q,
      s2: Math.max(0, bNorm2 - q2),
      traceSigma: trace,
      modeReadout: readout(keepModes.map((k) => kept.get(k) ?? new Float64Array(n))),
    };
  }
  // Numerically singular Σ: work in its eigenbasis (a rotation of weight space, exact in law).
  const { values, vectorsT } = sortedSymmetricEigen(Sigma, n);
  const diag = new Float64Array(n);
  const q = new Float64Array(n);
  const tol = n * 2 ** -52 * Math.max(values[n - 1], 0);
  let q2 = 0;
  for (let i = 0; i < n; i++) {
    if (!(values[i] > tol)) continue;
    diag[i] = Math.sqrt(values[i]);
    let s = 0;
    for (let j = 0; j < n; j++) s += vectorsT[i * n + j] * Gb[j];
    q[i] = s / diag[i];
    q2 += q[i] * q[i];
  }
  // h_k = diag(√d)⁻¹ Vᵀ g_k (0 along directions without test variance, which g_k cannot reach).
  const hs = keepModes.map((k) => {
    const g = kept.get(k);
    const h = new Float64Array(n);
    if (!g) return h;
    for (let i = 0; i < n; i++) {
      if (diag[i] === 0) continue;
      let s = 0;
      for (let j = 0; j < n; j++) s += vectorsT[i * n + j] * g[j];
      h[i] = s / diag[i];
    }
    return h;
  });
  return {
    n,
    L: { kind: 'diag', diag },
    q,
    s2: Math.max(0, bNorm2 - q2),
    traceSigma: trace,
    modeReadout: readout(hs),
  };
}
