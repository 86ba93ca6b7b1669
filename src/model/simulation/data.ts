// Step 2 of a simulated draw: the training set, in the reduced coordinates of geometry.ts.
//
// After the reduction the P training samples are x_μ ~ N(0, I_n) (rows of X, P×n), features
// F = X Lᵀ and labels y = X q + η, η ~ N(0, (s² + σ²) I_P) (the unreachable target part and the
// label noise are both independent of x). The training loss only sees K̂ = FᵀF/P, Fᵀy and |y|².
//
// Bartlett reduction of the samples (exact in law): for an orthogonal R(X) of sample space,
// (R X, R η) has the law of (X, η) conditioned appropriately, and the loss, the training error
// and the test error are unchanged by rotating all samples together. Take R from the Householder
// QR of X: R X is upper trapezoidal with independent entries, χ_{P−i} on the diagonal (0-based
// row i) and N(0,1) above it (Bartlett 1933), while R η is a fresh N(0, (s²+σ²) I) vector.
// - P ≥ n ("weight path"): only the first n rows survive: X → R_n (n×n upper triangular), and the
//   P − n remaining labels are pure noise whose only trace is |y_bot|² ~ (s²+σ²) χ²_{P−n} in the
//   training error. Then Fᵀ = L R_nᵀ is lower triangular (n³/6 to form) and so is every Gram.
//   The P×n data matrix is never drawn: P can be 10⁶ at the cost of P = n.
// - P < n ("sample path"): X is P×n upper trapezoidal; the P×P kernel Gram FFᵀ/P is the smaller
//   matrix and is the one diagonalised.
// Either way the loss keeps its normalisation 1/P with the original P.

import { Rng } from './random.ts';
import { crossGram, gram, type RowRanges } from '../linalg/gram.ts';
import type { Factor, TestGeometry } from './geometry.ts';

export interface WeightPathData {
  path: 'weight';
  P: number;
  n: number;
  /** Fᵀ (n×n, lower triangular, row-major). */
  FT: Float64Array;
  /** K̂ = FᵀF/P (n×n, full symmetric). */
  gram: Float64Array;
  /** Fᵀ y / P. */
  v: Float64Array;
  /** |y_top|²: the labels in the n surviving sample directions. */
  yTop2: number;
  /** |y_bot|²: labels orthogonal to every feature column (never fitted). */
  yBot2: number;
}

export interface SamplePathData {
  path: 'sample';
  P: number;
  n: number;
  /** F (P×n, row i zero before column i, row-major). */
  F: Float64Array;
  ranges: RowRanges;
  /** K = F Fᵀ / P (P×P). */
  gram: Float64Array;
  y: Float64Array;
}

export type TrainingData = WeightPathData | SamplePathData;

export function drawData(geom: TestGeometry, P: number, sigma2: number, rng: Rng): TrainingData {
  const { n, q, L } = geom;
  const noiseSd = Math.sqrt(geom.s2 + sigma2);
  if (P >= n) {
    // R_n upper triangular, row-major: R[j][j] ~ χ_{P−j}, R[j][k] ~ N(0,1) for k > j.
    const R = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      const oj = j * n;
      R[oj + j] = rng.chi(P - j);
      for (let k = j + 1; k < n; k++) R[oj + k] = rng.normal();
    }
    // y_top = R q + η_top.
    const yTop = new Float64Array(n);
    let yTop2 = 0;
    for (let j = 0; j < n; j++) {
      const oj = j * n;
      let s = 0;
      for (let k = j; k < n; k++) s += R[oj + k] * q[k];
      yTop[j] = s + noiseSd * rng.normal();
      yTop2 += yTop[j] * yTop[j];
    }
    const yBot2 = noiseSd * noiseSd * rng.chiSquare(P - n);
    const FT = factorTimesUpperTranspose(L, R, n);
    const K = new Float64Array(n * n);
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    for (let i = 0; i < n; i++) end[i] = i + 1;
    gram(FT, n, n, K, 1 / P, { ranges: { start, end } });
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const oi = i * n;
      for (let j = 0; j <= i; j++) s += FT[oi + j] * yTop[j];
      v[i] = s / P;
    }
    return { path: 'weight', P, n, FT, gram: K, v, yTop2, yBot2 };
  }

  // P < n: X upper trapezoidal P×n.
  const X = new Float64Array(P * n);
  for (let i = 0; i < P; i++) {
    const oi = i * n;
    X[oi + i] = rng.chi(P - i);
    for (let j = i + 1; j < n; j++) X[oi + j] = rng.normal();
  }
  const y = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    const oi = i * n;
    let s = 0;
    for (let j = i; j < n; j++) s += X[oi + j] * q[j];
    y[i] = s + noiseSd * rng.normal();
  }
  const F = timesLowerTranspose(X, P, n, L);
  const ranges: RowRanges = { start: new Int32Array(P), end: new Int32Array(P).fill(n) };
  for (let i = 0; i < P; i++) ranges.start[i] = i;
  const K = new Float64Array(P * P);
  gram(F, P, n, K, 1 / P, { ranges });
  return { path: 'sample', P, n, F, ranges, gram: K, y };
}

/**
 * Fᵀ = L Rᵀ for L (diagonal or lower) and R upper triangular, n×n: lower triangular, with
 * Fᵀ[i][j] = Σ_{k=j..i} L[i][k] R[j][k], a dot product of two contiguous row segments
 * (2×2 blocks of (i, j) share their loads).
 */
function factorTimesUpperTranspose(L: Factor, R: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  if (L.kind === 'diag') {
    for (let i = 0; i < n; i++) {
      const li = L.diag[i];
      const oi = i * n;
      for (let j = 0; j <= i; j++) out[oi + j] = li * R[j * n + i];
    }
    return out;
  }
  const Ld = L.data;
  for (let i = 0; i < n; i += 2) {
    const i1 = Math.min(i + 1, n - 1);
    const oi = i * n;
    const oi1 = i1 * n;
    for (let j = 0; j <= i; j += 2) {
      const j1 = Math.min(j + 1, n - 1);
      const oj = j * n;
      const oj1 = j1 * n;
      // Entries vanish outside k ∈ [j, i1]; zeros inside the range are harmless.
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let k = j; k <= i1; k++) {
        const a0 = Ld[oi + k];
        const a1 = Ld[oi1 + k];
        const b0 = R[oj + k];
        const b1 = R[oj1 + k];
        s00 += a0 * b0;
        s01 += a0 * b1;
        s10 += a1 * b0;
        s11 += a1 * b1;
      }
      out[oi + j] = s00;
      if (j1 <= i && j1 !== j) out[oi + j1] = s01;
      if (i1 !== i) {
        out[oi1 + j] = s10;
        if (j1 !== j) out[oi1 + j1] = s11;
      }
    }
  }
  return out;
}

/** X Lᵀ for X (P×n, row i zero before column i) and L diagonal (X overwritten) or lower triangular. */
function timesLowerTranspose(X: Float64Array, P: number, n: number, L: Factor): Float64Array {
  if (L.kind === 'diag') {
    // In place: X is not needed afterwards.
    for (let i = 0; i < P; i++) {
      const oi = i * n;
      for (let j = i; j < n; j++) X[oi + j] *= L.diag[j];
    }
    return X;
  }
  const out = new Float64Array(P * n);
  // (X Lᵀ)[i][j] = Σ_{k=i..j} X[i][k] L[j][k]: a cross Gram of the rows of X and of L (row j of L
  // ends at column j; entries of F left of the diagonal come out as exact zeros).
  // Row i of X starts at column i: with both ranges only k ∈ [i, j] is visited.
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let j = 0; j < n; j++) end[j] = j + 1;
  const xStart = new Int32Array(P);
  for (let i = 0; i < P; i++) xStart[i] = i;
  crossGram(
    X,
    P,
    L.data,
    n,
    n,
    out,
    { start, end },
    {
      aRanges: { start: xStart, end: new Int32Array(P).fill(n) },
    },
  );
  return out;
}
