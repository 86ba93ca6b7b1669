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

import { crossGram, gram } from './gram.ts';

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
 *
 * Fused sweep (same reflectors and the same update as the textbook loop, one pass over the
 * block instead of two): step i's rank-2 update A ← A − u qᵀ − q uᵀ first brings row i−1 up to
 * date, which defines the next reflector u′ (it only depends on that row); then every row j < i−1
 * is updated and, while it is in registers, contributes its terms of p′ = A′u′ (the product the
 * next step needs, from the updated lower triangle). Two rows per pass share the loads of u, q,
 * u′ and p′. The arithmetic of each element is unchanged; only p′'s terms are summed in a
 * different order. Measured at n = 512: ≈ 52 ms against 80–120 ms for the two-pass loop.
 */
export function tridiagonalize(A: Float64Array, n: number): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const h = new Float64Array(n);
  const p = new Float64Array(n); // A u for the current reflector (then q = p/h − K u)
  const pNext = new Float64Array(n);
  if (n >= 3) {
    prepareReflector(A, n, n - 1, e, h);
    if (h[n - 1] !== 0) symvLower(A, n, n - 1, p);
  }
  for (let i = n - 1; i >= 2; i--) {
    const oi = i * n;
    const hi = h[i];
    const l = i; // the reflector acts on coordinates 0..l−1
    if (hi === 0) {
      // H_i = I: nothing to update; prepare the next reflector from the unchanged row i−1.
      if (i - 1 >= 2) {
        prepareReflector(A, n, i - 1, e, h);
        if (h[i - 1] !== 0) symvLower(A, n, i - 1, p);
      }
      continue;
    }
    // q = p/h − K u with K = uᵀp/(2h²) (p holds A u).
    let up = 0;
    for (let k = 0; k < l; k++) {
      p[k] /= hi;
      up += A[oi + k] * p[k];
    }
    const K = up / (2 * hi);
    for (let k = 0; k < l; k++) p[k] -= K * A[oi + k];
    // Row l−1 = i−1 of the block first (columns 0..i−1).
    const om = (l - 1) * n;
    {
      const um = A[oi + l - 1];
      const qm = p[l - 1];
      for (let k = 0; k < l; k++) A[om + k] -= um * p[k] + qm * A[oi + k];
    }
    const next = i - 1 >= 2;
    if (next) prepareReflector(A, n, i - 1, e, h);
    const fuse = next && h[i - 1] !== 0;
    const rows = l - 1; // rows 0..i−2 remain
    if (fuse) {
      pNext.fill(0, 0, rows);
      fusedUpdate(A, n, oi, om, rows, p, pNext);
      p.set(pNext.subarray(0, rows));
    } else {
      for (let j = 0; j < rows; j++) {
        const oj = j * n;
        const uj = A[oi + j];
        const qj = p[j];
        for (let k = 0; k <= j; k++) A[oj + k] -= uj * p[k] + qj * A[oi + k];
      }
    }
  }
  if (n >= 2) e[1] = A[n];
  for (let i = 0; i < n; i++) d[i] = A[i * n + i];
  return { n, d, e, house: A, h };
}

/**
 * Householder vector of row i (columns 0..i−1): scaled by Σ|x| against under/overflow, stored in
 * place as u = x − g e_{i−1}; sets e[i] (the new sub-diagonal) and h[i] = |u|²/2 (0: H_i = I).
 */
function prepareReflector(
  A: Float64Array,
  n: number,
  i: number,
  e: Float64Array,
  h: Float64Array,
): void {
  const oi = i * n;
  const l = i;
  let scale = 0;
  for (let k = 0; k < l; k++) scale += Math.abs(A[oi + k]);
  if (scale === 0) {
    e[i] = 0;
    h[i] = 0;
    return;
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
  h[i] = sigma - f * g;
  A[oi + l - 1] = f - g;
}

/** p = A u over the leading l×l block (lower triangle), u = row l of A (columns 0..l−1). */
function symvLower(A: Float64Array, n: number, l: number, p: Float64Array): void {
  const ou = l * n;
  p.fill(0, 0, l);
  for (let j = 0; j < l; j++) {
    const oj = j * n;
    const uj = A[ou + j];
    let s = A[oj + j] * uj;
    for (let k = 0; k < j; k++) {
      const a = A[oj + k];
      s += a * A[ou + k];
      p[k] += a * uj;
    }
    p[j] += s;
  }
}

/**
 * Rows 0..rows−1 (lower triangle): A ← A − u qᵀ − q uᵀ (u = row at `ou`, q = `q`) and, from the
 * updated values, pNext = A v (v = row at `ov`, the next reflector), two rows per pass.
 */
function fusedUpdate(
  A: Float64Array,
  n: number,
  ou: number,
  ov: number,
  rows: number,
  q: Float64Array,
  pNext: Float64Array,
): void {
  let j = 0;
  for (; j + 1 < rows; j += 2) {
    const o0 = j * n;
    const o1 = o0 + n;
    const u0 = A[ou + j];
    const u1 = A[ou + j + 1];
    const q0 = q[j];
    const q1 = q[j + 1];
    const v0 = A[ov + j];
    const v1 = A[ov + j + 1];
    let s0 = 0;
    let s1 = 0;
    for (let k = 0; k < j; k++) {
      const uk = A[ou + k];
      const qk = q[k];
      const vk = A[ov + k];
      const a0 = A[o0 + k] - (u0 * qk + q0 * uk);
      const a1 = A[o1 + k] - (u1 * qk + q1 * uk);
      A[o0 + k] = a0;
      A[o1 + k] = a1;
      s0 += a0 * vk;
      s1 += a1 * vk;
      pNext[k] += a0 * v0 + a1 * v1;
    }
    // Columns j and j+1: A[j][j], A[j+1][j], A[j+1][j+1].
    const ujj = A[ou + j];
    const qjj = q[j];
    const djj = A[o0 + j] - (u0 * qjj + q0 * ujj);
    const ojj = A[o1 + j] - (u1 * qjj + q1 * ujj);
    const d11 = A[o1 + j + 1] - (u1 * q1 + q1 * u1);
    A[o0 + j] = djj;
    A[o1 + j] = ojj;
    A[o1 + j + 1] = d11;
    s0 += djj * v0;
    pNext[j] += s0;
    s1 += ojj * v0 + d11 * v1;
    pNext[j] += ojj * v1;
    pNext[j + 1] += s1;
  }
  for (; j < rows; j++) {
    const oj = j * n;
    const uj = A[ou + j];
    const qj = q[j];
    const vj = A[ov + j];
    let s = 0;
    for (let k = 0; k <= j; k++) {
      const a = A[oj + k] - (uj * q[k] + qj * A[ou + k]);
      A[oj + k] = a;
      if (k < j) {
        s += a * A[ov + k];
        pNext[k] += a * vj;
      } else s += a * vj;
    }
    pNext[j] += s;
  }
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

/**
 * Y ← Q Y for a row-major n×cols matrix Y (every column is mapped by Q): transposed once so that
 * the columns become contiguous rows, then `applyQToRows`.
 */
export function applyQRows(tri: Tridiagonal, Y: Float64Array, cols: number): void {
  const { n } = tri;
  const YT = new Float64Array(cols * n);
  for (let k = 0; k < n; k++) {
    const ok = k * cols;
    for (let c = 0; c < cols; c++) YT[c * n + k] = Y[ok + c];
  }
  applyQToRows(tri, YT, cols);
  for (let k = 0; k < n; k++) {
    const ok = k * cols;
    for (let c = 0; c < cols; c++) Y[ok + c] = YT[c * n + k];
  }
}

/** Reflectors per block of the compact WY form in `applyQToRows`. */
const WY_BLOCK = 32;

/**
 * Each row y of the row-major rows×n matrix Y becomes Q y = H_{n−1}(⋯(H_2 y)).
 *
 * Blocked with the compact WY representation (Schreiber & Van Loan 1989): for consecutive
 * reflectors i0 … i1−1, the product B = H_{i1−1} ⋯ H_{i0} equals I − U T Uᵀ with U = [u_{i0} …
 * u_{i1−1}] and T lower triangular, built by the exact recurrence
 *   B_m = H_m B_{m−1}  ⇒  T_m = [[T_{m−1}, 0], [−τ_m (u_mᵀ U_{m−1}) T_{m−1}, τ_m]],  τ = 1/h.
 * Then all rows at once: Y ← Y Bᵀ = Y − ((Y U) Tᵀ) Uᵀ, two matrix products with the packed 4×4
 * kernel of gram.ts (rows·n² multiply-adds in all, as for one reflector at a time, plus the
 * block Grams UᵀU and the products with T, ≈ b/rows and b/n more; but at matrix-product speed
 * instead of two passes over Y per reflector). Measured at n = 512: 90–105 ms against 115–128 ms
 * for all 512 rows, 13–16 ms against 23–33 ms for 60 rows (b = 32 beat b = 64 in both).
 */
export function applyQToRows(tri: Tridiagonal, Y: Float64Array, rows: number): void {
  const { n, house, h } = tri;
  if (n < 3 || rows === 0) return;
  const b = WY_BLOCK;
  const G = new Float64Array(b * b); // Gram of the block's Householder vectors
  const T = new Float64Array(b * b);
  const S = new Float64Array(rows * b); // Y U, then (Y U) Tᵀ
  const S2 = new Float64Array(rows * b);
  const tmp = new Float64Array(b);
  const uStart = new Int32Array(b);
  const uEnd = new Int32Array(b);
  const wStart = new Int32Array(n);
  const wEnd = new Int32Array(n);
  const W = new Float64Array(n * b); // Uᵀ stored by rows: W[k][c] = u_{i0+c}[k]
  const Ublock = new Float64Array(b * n);
  for (let i0 = 2; i0 < n; i0 += b) {
    const m = Math.min(b, n - i0);
    const i1 = i0 + m;
    // u_{i0+c} lives in row i0+c of `house`, columns 0..i0+c−1 (the rest of that row is the
    // matrix, not zeros): copy the block with explicit zeros, rows of length i1−1.
    const ku = i1 - 1;
    for (let c = 0; c < m; c++) {
      uStart[c] = 0;
      uEnd[c] = i0 + c;
      const src = (i0 + c) * n;
      const dst = c * ku;
      for (let k = 0; k < i0 + c; k++) Ublock[dst + k] = house[src + k];
      Ublock.fill(0, dst + i0 + c, dst + ku);
    }
    gram(Ublock, m, ku, G, 1, { ranges: { start: uStart, end: uEnd } });
    // T (lower triangular, m×m).
    T.fill(0);
    for (let r = 0; r < m; r++) {
      const tau = h[i0 + r] === 0 ? 0 : 1 / h[i0 + r];
      // Row r: −τ (g T) over columns c < r, with g[j] = u_rᵀ u_j (j < r), T lower (j ≥ c).
      for (let c = 0; c < r; c++) {
        let s = 0;
        for (let j = c; j < r; j++) s += G[r * m + j] * T[j * b + c];
        tmp[c] = s;
      }
      for (let c = 0; c < r; c++) T[r * b + c] = -tau * tmp[c];
      T[r * b + r] = tau;
    }
    // S = Y U: S[y][c] = y · u_{i0+c} (only columns < i1−1 can be non-zero).
    crossGram(Y, rows, Ublock, m, ku, S, { start: uStart, end: uEnd }, { lda: n });
    // S2 = S Tᵀ: S2[y][c] = Σ_{j ≤ c} S[y][j] T[c][j].
    for (let y = 0; y < rows; y++) {
      const oy = y * m;
      for (let c = 0; c < m; c++) {
        let s = 0;
        for (let j = 0; j <= c; j++) s += S[oy + j] * T[c * b + j];
        S2[oy + c] = s;
      }
    }
    // Y −= S2 Uᵀ: Y[y][k] −= Σ_c S2[y][c] u_{i0+c}[k], k < i1−1; row k of W is non-zero for
    // c ≥ k − i0 + 1 (u_{i0+c} has support 0..i0+c−1).
    const kMax = i1 - 1;
    for (let k = 0; k < kMax; k++) {
      const ok = k * m;
      for (let c = 0; c < m; c++) W[ok + c] = Ublock[c * ku + k];
      wStart[k] = Math.max(0, k - i0 + 1);
      wEnd[k] = m;
    }
    crossGram(
      S2,
      rows,
      W,
      kMax,
      m,
      Y,
      { start: wStart, end: wEnd },
      {
        ldc: n,
        accumulate: true,
        s: -1,
      },
    );
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
