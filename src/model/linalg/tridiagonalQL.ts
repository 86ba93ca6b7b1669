// Eigenvalues of a symmetric tridiagonal matrix by the implicit QL algorithm with Wilkinson-type
// shifts (Bowdler, Martin, Reinsch & Wilkinson 1968; the chasing formulation of Golub & Van Loan
// §8.3), recording the plane rotations instead of (or as well as) accumulating them.
//
// Each QL sweep on the unreduced block l..m is T ← Gᵀ T G with G a product of rotations in the
// planes (i, i+1), i = m−1 … l. The eigenvector matrix is Z = G_1 G_2 ⋯ G_R (all rotations in
// order), so T = Z D Zᵀ. Keeping the list of (i, c, s) lets us apply Z or Zᵀ to a vector in
// O(R) = O(n²) operations, all the gradient-flow simulator needs (docs/theory.md §0: the mean
// weights are U g(D) Uᵀ v): the O(n³) accumulation of eigenvectors is then skipped entirely.
//
// Deflation: a sub-diagonal element is set to zero when |e| ≤ ε·‖T‖ (‖T‖ = max |d|+|e|), the
// standard backward-stable criterion: the eigenvalues are exact for a matrix within ε‖T‖ of T.

const EPS = 2 ** -52;
const MAX_ITER = 60;

/** A growable list of plane rotations (i, c, s): rows/coordinates i and i+1. */
export class RotationLog {
  idx: Int32Array;
  c: Float64Array;
  s: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.idx = new Int32Array(capacity);
    this.c = new Float64Array(capacity);
    this.s = new Float64Array(capacity);
  }

  push(i: number, c: number, s: number): void {
    if (this.length === this.idx.length) {
      const cap = 2 * this.idx.length;
      const idx = new Int32Array(cap);
      idx.set(this.idx);
      const cc = new Float64Array(cap);
      cc.set(this.c);
      const ss = new Float64Array(cap);
      ss.set(this.s);
      this.idx = idx;
      this.c = cc;
      this.s = ss;
    }
    this.idx[this.length] = i;
    this.c[this.length] = c;
    this.s[this.length] = s;
    this.length++;
  }

  /** x ← Zᵀ x (rotations in recorded order). */
  applyZT(x: Float64Array): void {
    const { idx, c, s } = this;
    for (let r = 0; r < this.length; r++) {
      const i = idx[r];
      const xi = x[i];
      const xj = x[i + 1];
      x[i + 1] = s[r] * xi + c[r] * xj;
      x[i] = c[r] * xi - s[r] * xj;
    }
  }

  /** x ← Z x (transposed rotations in reverse order). */
  applyZ(x: Float64Array): void {
    const { idx, c, s } = this;
    for (let r = this.length - 1; r >= 0; r--) {
      const i = idx[r];
      const xi = x[i];
      const xj = x[i + 1];
      x[i] = c[r] * xi + s[r] * xj;
      x[i + 1] = c[r] * xj - s[r] * xi;
    }
  }

  /** Y ← Z Y for a row-major matrix Y with `cols` columns (transposed rotations, reverse order). */
  applyZRows(Y: Float64Array, cols: number): void {
    const { idx, c, s } = this;
    for (let r = this.length - 1; r >= 0; r--) {
      const oi = idx[r] * cols;
      const oj = oi + cols;
      const cr = c[r];
      const sr = s[r];
      for (let k = 0; k < cols; k++) {
        const yi = Y[oi + k];
        const yj = Y[oj + k];
        Y[oi + k] = cr * yi + sr * yj;
        Y[oj + k] = cr * yj - sr * yi;
      }
    }
  }

  /**
   * Y ← Zᵀ Y for a row-major matrix Y with `cols` columns (row i of the result mixes rows i, i+1).
   * Column-blocked so that a block of the two active rows stays in L1 across a whole sweep.
   */
  applyZTRows(Y: Float64Array, cols: number): void {
    const { idx, c, s } = this;
    const B = 128;
    for (let c0 = 0; c0 < cols; c0 += B) {
      const c1 = Math.min(cols, c0 + B);
      for (let r = 0; r < this.length; r++) {
        const oi = idx[r] * cols;
        const oj = oi + cols;
        const cr = c[r];
        const sr = s[r];
        for (let k = c0; k < c1; k++) {
          const yi = Y[oi + k];
          const yj = Y[oj + k];
          Y[oj + k] = sr * yi + cr * yj;
          Y[oi + k] = cr * yi - sr * yj;
        }
      }
    }
  }
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix with diagonal d and sub-diagonal e
 * (e[i] = T[i][i−1], e[0] ignored). d is overwritten with the eigenvalues (unsorted, in the
 * order that matches the rotation log); e is destroyed. Rotations are appended to `log` if given.
 */
export function tridiagonalQL(d: Float64Array, e: Float64Array, log: RotationLog | null): void {
  const n = d.length;
  // Work with f[i] = T[i+1][i] (i = 0..n−2), f[n−1] = 0.
  const f = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) f[i] = e[i + 1];
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]) + Math.abs(f[i]));
  const tol = EPS * norm;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      let m = l;
      while (m < n - 1 && Math.abs(f[m]) > tol) m++;
      if (m === l) break;
      if (++iter > MAX_ITER) throw new Error('tridiagonalQL: no convergence');
      // Shift: the eigenvalue of the leading 2×2 block of l..m closer to d[l].
      let g = (d[l + 1] - d[l]) / (2 * f[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + f[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let restarted = false;
      for (; i >= l; i--) {
        const ff = s * f[i];
        const b = c * f[i];
        r = Math.hypot(ff, g);
        f[i + 1] = r;
        if (r === 0) {
          // The chase underflowed: the matrix has split at i; restart on the smaller block.
          d[i + 1] -= p;
          f[m] = 0;
          restarted = true;
          break;
        }
        s = ff / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        if (log) log.push(i, c, s);
      }
      if (restarted) continue;
      d[l] -= p;
      f[l] = g;
      f[m] = 0;
    }
  }
}
