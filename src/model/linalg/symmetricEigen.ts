// Symmetric eigendecomposition A = U D Uᵀ: Householder tridiagonalisation (tridiagonal.ts)
// followed by implicit QL (tridiagonalQL.ts). U = Q Z with Q the Householder product and Z the
// product of the QL rotations.
//
// Two ways to use U:
// - implicitly: `toEigenbasis` (x ← Uᵀx) and `fromEigenbasis` (x ← U x) apply the stored
//   reflectors and rotations in O(n²) each; nothing O(n³) beyond the reduction itself;
// - explicitly (`vectors: true`): the rows of `vectorsT` are the eigenvectors, accumulated by
//   applying the rotations to the rows of Qᵀ (≈ 3n³ extra multiplications).

import { applyQ, applyQRows, applyQT, explicitQT, tridiagonalize } from './tridiagonal.ts';
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
  options: { vectors?: boolean } = {},
): SymmetricEigen {
  const tri = tridiagonalize(A, n);
  const log = new RotationLog(Math.min(1 << 22, Math.max(1024, n * n)));
  const values = tri.d;
  tridiagonalQL(values, tri.e, log);
  let vectorsT: Float64Array | null = null;
  if (options.vectors) {
    vectorsT = explicitQT(tri);
    log.applyZTRows(vectorsT, n);
  }
  return {
    n,
    values,
    vectorsT,
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
  };
}

/** Eigenvalues ascending with matching eigenvectors (rows of `vectorsT`); for tests and small n. */
export function sortedSymmetricEigen(
  A: Float64Array,
  n: number,
): { values: Float64Array; vectorsT: Float64Array } {
  const eig = symmetricEigen(A.slice(), n, { vectors: true });
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
