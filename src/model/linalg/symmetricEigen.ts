// Symmetric eigendecomposition A = U D Uᵀ: Householder tridiagonalisation (tridiagonal.ts)
// followed by implicit QL (tridiagonalQL.ts). U = Q Z with Q the Householder product and Z the
// product of the QL rotations.
//
// Two ways to use U:
// - implicitly: `toEigenbasis` (x ← Uᵀx) and `fromEigenbasis` (x ← U x) apply the stored
//   reflectors and rotations in O(n²) each; nothing O(n³) beyond the reduction itself;
// - explicitly (`vectors: true`): the rows of `vectorsT` are the eigenvectors u_i = Q z_i, with
//   the tridiagonal eigenvectors z_i from inverse iteration (inverseIteration.ts, O(n²) unless
//   eigenvalues cluster) and Q applied in blocks of reflectors (compact WY form, n³ multiply-adds
//   as matrix products, tridiagonal.ts). Accumulating the QL rotations instead costs ≈ 3n³
//   multiplications and was 2–3× slower here; it is kept as `method: 'ql'` for checks.
// `fromEigenbasisToRows` maps many vectors at once (the mean weights at every time): the
// rotations along rows of length `cols`, then Q by blocks of reflectors on the transposed rows.

import {
  applyQ,
  applyQRows,
  applyQT,
  applyQToRows,
  explicitQT,
  tridiagonalize,
} from './tridiagonal.ts';
import { tridiagonalEigenvectors } from './inverseIteration.ts';
import { RotationLog, tridiagonalQL } from './tridiagonalQL.ts';

export interface SymmetricEigen {
  n: number;
  /** Eigenvalues, unsorted (index i matches row i of vectorsT and coordinate i of the eigenbasis). */
  values: Float64Array;
  /** x ← Uᵀ x: coordinates of x in the eigenbasis. */
  toEigenbasis(x: Float64Array): void;
  /** x ← U x: the vector with eigenbasis coordinates x. */
  fromEigenbasis(x: Float64Array): void;
  /** Y ← U Y for a row-major n×cols matrix (many vectors at once, contiguous rows). */
  fromEigenbasisRows(Y: Float64Array, cols: number): void;
  /**
   * The columns of the n×cols matrix X (destroyed) mapped by U, returned as the rows of a
   * cols×n matrix: row c = U (column c of X). The layout the matrix-product kernels want.
   */
  fromEigenbasisToRows(X: Float64Array, cols: number): Float64Array;
  /** Row-major n×n; row i is the unit eigenvector of values[i] (only when requested). */
  vectorsT: Float64Array | null;
}

/**
 * Eigendecomposition of the symmetric n×n row-major matrix A (lower triangle read).
 * A is destroyed (it holds the Householder vectors afterwards).
 */
export function symmetricEigen(
  A: Float64Array,
  n: number,
  options: { vectors?: boolean; method?: 'inverse-iteration' | 'ql' } = {},
): SymmetricEigen {
  const tri = tridiagonalize(A, n);
  const values = tri.d.slice();
  if (options.vectors && options.method !== 'ql') {
    tridiagonalQL(values, tri.e.slice(), null);
    const V = tridiagonalEigenvectors(tri.d, tri.e, values);
    applyQToRows(tri, V, n);
    return explicitEigen(n, values, V);
  }
  const log = new RotationLog(Math.min(1 << 22, Math.max(1024, n * n)));
  tridiagonalQL(values, tri.e.slice(), log);
  if (options.vectors) {
    const V = explicitQT(tri);
    log.applyZTRows(V, n);
    return explicitEigen(n, values, V);
  }
  return {
    n,
    values,
    vectorsT: null,
    toEigenbasis(x: Float64Array): void {
      applyQT(tri, x);
      log.applyZT(x);
    },
    fromEigenbasis(x: Float64Array): void {
      log.applyZ(x);
      applyQ(tri, x);
    },
    fromEigenbasisRows(Y: Float64Array, cols: number): void {
      log.applyZRows(Y, cols);
      applyQRows(tri, Y, cols);
    },
    fromEigenbasisToRows(X: Float64Array, cols: number): Float64Array {
      // The rotations along contiguous rows of X (all columns at once), then Q by rows.
      log.applyZRows(X, cols);
      const out = transpose(X, n, cols);
      applyQToRows(tri, out, cols);
      return out;
    },
  };
}

/** The cols×rows transpose of a row-major rows×cols matrix. */
export function transpose(X: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const or = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = X[or + c];
  }
  return out;
}

/** The SymmetricEigen interface on top of explicit eigenvectors (rows of V). */
function explicitEigen(n: number, values: Float64Array, V: Float64Array): SymmetricEigen {
  return {
    n,
    values,
    vectorsT: V,
    toEigenbasis(x: Float64Array): void {
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        const oi = i * n;
        for (let k = 0; k < n; k++) s += V[oi + k] * x[k];
        y[i] = s;
      }
      x.set(y);
    },
    fromEigenbasis(x: Float64Array): void {
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        const oi = i * n;
        for (let k = 0; k < n; k++) y[k] += xi * V[oi + k];
      }
      x.set(y);
    },
    fromEigenbasisRows(Y: Float64Array, cols: number): void {
      const out = new Float64Array(n * cols);
      for (let i = 0; i < n; i++) {
        const oi = i * n;
        const yi = i * cols;
        for (let k = 0; k < n; k++) {
          const v = V[oi + k];
          const ok = k * cols;
          for (let c = 0; c < cols; c++) out[ok + c] += v * Y[yi + c];
        }
      }
      Y.set(out);
    },
    fromEigenbasisToRows(X: Float64Array, cols: number): Float64Array {
      this.fromEigenbasisRows(X, cols);
      return transpose(X, n, cols);
    },
  };
}

/** Eigenvalues ascending with matching eigenvectors (rows of `vectorsT`); for tests and small n. */
export function sortedSymmetricEigen(
  A: Float64Array,
  n: number,
  method: 'inverse-iteration' | 'ql' = 'inverse-iteration',
): { values: Float64Array; vectorsT: Float64Array } {
  const eig = symmetricEigen(A.slice(), n, { vectors: true, method });
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => eig.values[a] - eig.values[b],
  );
  const values = new Float64Array(n);
  const vectorsT = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = eig.values[src];
    vectorsT.set((eig.vectorsT as Float64Array).subarray(src * n, src * n + n), dst * n);
  });
  return { values, vectorsT };
}
