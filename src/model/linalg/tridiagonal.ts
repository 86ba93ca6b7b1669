// Householder reduction of a symmetric matrix to tridiagonal form, A = Q T Qᵀ.
//
// Mathematics (Householder 1958; the ordering of Wilkinson's tred2, last row first, so that every
// vector and every update is a contiguous row of a row-major array):
// step i = n−1, …, 2 annihilates A[i][0..i−2] with H_i = I − u uᵀ/h acting on coordinates 0..i−1:
//   x = A[i][0..i−1],  g = −sign(x_{i−1})·|x|,  u = x − g e_{i−1},  h = |u|²/2 = |x|² − x_{i−1} g,
// so that H_i x = g e_{i−1} (the new sub-diagonal element). The leading i×i block is replaced by
// H_i A H_i = A − u qᵀ − q uᵀ with p = A u / h, K = uᵀp / (2h), q = p − K u (a symmetric rank-2
// update). Only the lower triangle is read and written; the product A u is formed row by row
// from that triangle (each stored element contributes to two entries of p).
// Cost: (2/3) n³ multiply-adds. After the loop T = H_2 ⋯ H_{n−1} A H_{n−1} ⋯ H_2, i.e.
// A = Q T Qᵀ with Q = H_{n−1} ⋯ H_2 (each H symmetric), Qᵀ = H_2 ⋯ H_{n−1}.

export interface Tridiagonal {
  n: number;
  /** Diagonal of T. */
  d: Float64Array;
  /** Sub-diagonal: e[i] = T[i][i−1] for i ≥ 1; e[0] = 0. */
  e: Float64Array;
  /** Householder vectors: row i (i ≥ 2) holds u_i in columns 0..i−1 (row-major n×n). */
  house: Float64Array;
  /** h_i = |u_i|²/2; 0 means H_i = I. */
  h: Float64Array;
}

/**
 * Reduce the symmetric n×n row-major matrix A (only its lower triangle is read) to tridiagonal
 * form. A is overwritten (it becomes `house`).
 */
export function tridiagonalize(A: Float64Array, n: number): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const h = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = n - 1; i >= 2; i--) {
    const oi = i * n;
    const l = i; // length of the vector x = A[i][0..i−1]
    // Scale by Σ|x| against under/overflow of |x|².
    let scale = 0;
    for (let k = 0; k < l; k++) scale += Math.abs(A[oi + k]);
    if (scale === 0) {
      e[i] = 0;
      h[i] = 0;
      continue;
    }
    let sigma = 0;
    for (let k = 0; k < l; k++) {
      const v = A[oi + k] / scale;
      A[oi + k] = v;
      sigma += v * v;
    }
    const f = A[oi + l - 1];
    const g = f >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
    e[i] = scale * g;
    const hi = sigma - f * g;
    h[i] = hi;
    A[oi + l - 1] = f - g;
    // p = A u / h over the leading l×l block, from its lower triangle.
    p.fill(0, 0, l);
    for (let j = 0; j < l; j++) {
      const oj = j * n;
      const uj = A[oi + j];
      let s = A[oj + j] * uj;
      for (let k = 0; k < j; k++) {
        const a = A[oj + k];
        s += a * A[oi + k];
        p[k] += a * uj;
      }
      p[j] += s;
    }
    let up = 0;
    for (let k = 0; k < l; k++) {
      p[k] /= hi;
      up += A[oi + k] * p[k];
    }
    const K = up / (2 * hi);
    for (let k = 0; k < l; k++) p[k] -= K * A[oi + k]; // p ← q
    // A ← A − u qᵀ − q uᵀ on the lower triangle of the block.
    for (let j = 0; j < l; j++) {
      const oj = j * n;
      const uj = A[oi + j];
      const qj = p[j];
      for (let k = 0; k <= j; k++) A[oj + k] -= uj * p[k] + qj * A[oi + k];
    }
  }
  if (n >= 2) e[1] = A[n];
  for (let i = 0; i < n; i++) d[i] = A[i * n + i];
  return { n, d, e, house: A, h };
}

/** x ← Qᵀ x = H_2 (H_3 ⋯ (H_{n−1} x)). */
export function applyQT(tri: Tridiagonal, x: Float64Array): void {
  const { n, house, h } = tri;
  for (let i = n - 1; i >= 2; i--) applyReflector(house, i * n, i, h[i], x);
}

/** x ← Q x = H_{n−1} (⋯ (H_2 x)). */
export function applyQ(tri: Tridiagonal, x: Float64Array): void {
  const { n, house, h } = tri;
  for (let i = 2; i < n; i++) applyReflector(house, i * n, i, h[i], x);
}

/** Y ← Q Y for a row-major n×cols matrix Y (all columns at once; rows stay contiguous). */
export function applyQRows(tri: Tridiagonal, Y: Float64Array, cols: number): void {
  const { n, house, h } = tri;
  const s = new Float64Array(cols);
  for (let i = 2; i < n; i++) {
    const hi = h[i];
    if (hi === 0) continue;
    const ou = i * n;
    s.fill(0);
    for (let k = 0; k < i; k++) {
      const uk = house[ou + k];
      if (uk === 0) continue;
      const ok = k * cols;
      for (let c = 0; c < cols; c++) s[c] += uk * Y[ok + c];
    }
    for (let k = 0; k < i; k++) {
      const uk = house[ou + k] / hi;
      if (uk === 0) continue;
      const ok = k * cols;
      for (let c = 0; c < cols; c++) Y[ok + c] -= uk * s[c];
    }
  }
}

/**
 * Each row y of the row-major rows×n matrix Y becomes Q y (rows stay contiguous; the reflectors
 * are the outer loop so each Householder vector is reused across all rows while in cache).
 */
export function applyQToRows(tri: Tridiagonal, Y: Float64Array, rows: number): void {
  const { n, house, h } = tri;
  for (let i = 2; i < n; i++) {
    const hi = h[i];
    if (hi === 0) continue;
    const ou = i * n;
    // Two rows per pass share the loads of the Householder vector.
    for (let r = 0; r < rows; r += 2) {
      const r1 = r + 1 < rows ? r + 1 : r;
      const o0 = r * n;
      const o1 = r1 * n;
      let s0 = 0;
      let s1 = 0;
      for (let k = 0; k < i; k++) {
        const u = house[ou + k];
        s0 += u * Y[o0 + k];
        s1 += u * Y[o1 + k];
      }
      s0 /= hi;
      s1 /= hi;
      if (r1 === r) s1 = 0;
      for (let k = 0; k < i; k++) {
        const u = house[ou + k];
        Y[o0 + k] -= s0 * u;
        Y[o1 + k] -= s1 * u;
      }
    }
  }
}

function applyReflector(u: Float64Array, off: number, l: number, h: number, x: Float64Array): void {
  if (h === 0) return;
  let s = 0;
  for (let k = 0; k < l; k++) s += u[off + k] * x[k];
  s /= h;
  for (let k = 0; k < l; k++) x[k] -= s * u[off + k];
}

/**
 * Qᵀ as an explicit row-major n×n matrix. Built as Y = H_2 H_3 ⋯ H_{n−1} by right multiplication
 * in increasing order: Y H_i = Y − (Y u)uᵀ/h only touches the leading i×i block (Y is the identity
 * elsewhere), so each step costs 2i² and every access is along a row. Total (2/3) n³.
 */
export function explicitQT(tri: Tridiagonal): Float64Array {
  const { n, house, h } = tri;
  const Y = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Y[i * n + i] = 1;
  for (let i = 2; i < n; i++) {
    const hi = h[i];
    if (hi === 0) continue;
    const ou = i * n;
    for (let j = 0; j < i; j++) {
      const oj = j * n;
      let s = 0;
      for (let k = 0; k < i; k++) s += Y[oj + k] * house[ou + k];
      s /= hi;
      if (s === 0) continue;
      for (let k = 0; k < i; k++) Y[oj + k] -= s * house[ou + k];
    }
  }
  return Y;
}
