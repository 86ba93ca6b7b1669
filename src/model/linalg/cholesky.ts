// Cholesky factorisation Σ = L Lᵀ of a symmetric positive definite matrix, and the triangular
// products the simulator needs (row-major, L lower triangular, strict upper part zero).
//
// Used for the test covariance Σ_test = AΛAᵀ/N of the random-feature model: with its factor, the
// N-dimensional features of a sample have the law of L x, x ~ N(0, I_N) (docs/theory.md §0; see
// src/model/simulation/geometry.ts for the exactness argument).

import { crossGram } from './gram.ts';

/** Columns per panel of the blocked factorisation. */
const PANEL = 32;

/**
 * In-place Cholesky factorisation (left-looking, blocked by panels of PANEL columns): on return
 * the lower triangle of A holds L and the strict upper triangle is zeroed. Returns false (A then
 * undefined) if a pivot is not positive beyond roundoff: `pivotTol` relative to the largest diagonal.
 *
 * For each panel J (columns J0..J1−1), first the contribution of all earlier columns,
 * A[i][J] −= Σ_{k<J0} L[i][k] L[j][k] for every row i ≥ J0, as one matrix product (crossGram,
 * the fast kernel: this is all but n·PANEL²/2 of the n³/6 multiply-adds); then the panel itself
 * by the row-oriented Cholesky–Crout recurrence over its own columns. Each entry receives the
 * same terms as in the unblocked recurrence (grouped differently: round-off level).
 */
export function choleskyInPlace(A: Float64Array, n: number, pivotTol = 0): boolean {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, A[i * n + i]);
  const tol = pivotTol * maxDiag;
  for (let J0 = 0; J0 < n; J0 += PANEL) {
    const J1 = Math.min(n, J0 + PANEL);
    const w = J1 - J0;
    if (J0 > 0)
      crossGram(
        A.subarray(J0 * n),
        n - J0,
        A.subarray(J0 * n),
        w,
        J0,
        A.subarray(J0 * n + J0),
        undefined,
        {
          lda: n,
          ldb: n,
          ldc: n,
          accumulate: true,
          s: -1,
        },
      );
    for (let i = J0; i < n; i++) {
      const oi = i * n;
      const last = Math.min(i, J1 - 1);
      // L[i][j] = (A[i][j] − Σ_{J0≤k<j} L[i][k] L[j][k]) / L[j][j] for the panel columns j < i.
      for (let j = J0; j <= last; j++) {
        const oj = j * n;
        let s0 = A[oi + j];
        let s1 = 0;
        let k = J0;
        for (; k + 1 < j; k += 2) {
          s0 -= A[oi + k] * A[oj + k];
          s1 -= A[oi + k + 1] * A[oj + k + 1];
        }
        if (k < j) s0 -= A[oi + k] * A[oj + k];
        if (j < i) {
          A[oi + j] = (s0 + s1) / A[oj + j];
        } else {
          const d = s0 + s1;
          if (!(d > tol) || !Number.isFinite(d)) return false;
          A[oi + i] = Math.sqrt(d);
        }
      }
    }
  }
  for (let i = 0; i < n; i++) A.fill(0, i * n + i + 1, (i + 1) * n);
  return true;
}

/** x ← L⁻¹ x (forward substitution), L lower triangular n×n. */
export function solveLower(L: Float64Array, n: number, x: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    let s = x[i];
    for (let k = 0; k < i; k++) s -= L[oi + k] * x[k];
    x[i] = s / L[oi + i];
  }
}

/** out ← Lᵀ x, L lower triangular n×n (row-major: accumulate rows of L scaled by x). */
export function lowerTransposeTimes(
  L: Float64Array,
  n: number,
  x: Float64Array,
  out: Float64Array,
): void {
  out.fill(0, 0, n);
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    const oj = j * n;
    for (let k = 0; k <= j; k++) out[k] += L[oj + k] * xj;
  }
}

/** out ← L x, L lower triangular n×n. */
export function lowerTimes(L: Float64Array, n: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    let s = 0;
    for (let k = 0; k <= i; k++) s += L[oi + k] * x[k];
    out[i] = s;
  }
}
