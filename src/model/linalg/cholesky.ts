// Cholesky factorisation Σ = L Lᵀ of a symmetric positive definite matrix, and the triangular
// products the simulator needs (row-major, L lower triangular, strict upper part zero).
//
// Used for the test covariance Σ_test = AΛAᵀ/N of the random-feature model: with its factor, the
// N-dimensional features of a sample have the law of L x, x ~ N(0, I_N) (THEORY.md §0; see
// src/model/simulation/geometry.ts for the exactness argument).

/**
 * In-place Cholesky factorisation (row-oriented, "left-looking" Cholesky–Crout): on return the
 * lower triangle of A holds L and the strict upper triangle is zeroed. Returns false (A then
 * undefined) if a pivot is not positive beyond roundoff: `pivotTol` relative to the largest diagonal.
 */
export function choleskyInPlace(A: Float64Array, n: number, pivotTol = 0): boolean {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, A[i * n + i]);
  const tol = pivotTol * maxDiag;
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    // L[i][j] = (A[i][j] − Σ_{k<j} L[i][k] L[j][k]) / L[j][j]: dot products of two rows.
    for (let j = 0; j < i; j++) {
      const oj = j * n;
      let s0 = A[oi + j];
      let s1 = 0;
      let k = 0;
      for (; k + 1 < j; k += 2) {
        s0 -= A[oi + k] * A[oj + k];
        s1 -= A[oi + k + 1] * A[oj + k + 1];
      }
      if (k < j) s0 -= A[oi + k] * A[oj + k];
      A[oi + j] = (s0 + s1) / A[oj + j];
    }
    let d = A[oi + i];
    for (let k = 0; k < i; k++) d -= A[oi + k] * A[oi + k];
    if (!(d > tol) || !Number.isFinite(d)) return false;
    A[oi + i] = Math.sqrt(d);
    for (let j = i + 1; j < n; j++) A[oi + j] = 0;
  }
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
