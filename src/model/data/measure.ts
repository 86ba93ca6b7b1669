// The measured spectrum of a kernel on the pool (docs/theory.md §0): with the data uniform over
// the n pool points, the Mercer decomposition of K is the eigendecomposition of K/n,
//   K/n = Σ_k λ_k u_k u_kᵀ,  φ_k(x_i) = √n u_k[i]  (so (1/n) Σ_i φ_k(x_i)² = 1),
// and a target y on the pool has coefficients y_k = (1/n) Σ_i y_i φ_k(x_i) = u_k·y/√n, i.e. the
// target power of mode k is y_k² = (u_k·y)²/n (the λ_k w̄_k² of the power-law world), with
// Σ_k y_k² = (1/n)|y|².
// The eigendecomposition is the project's own (Householder tridiagonalisation + implicit QL,
// src/model/linalg/); uᵀy is applied implicitly (reflectors and rotations), so no eigenvector is
// ever formed. Eigenvalues below ZERO_REL·λ_1 are rounding noise of a singular K (the linear
// kernel has rank ≤ DIM) and are set to 0: their modes are never learned and their target power
// is the unlearnable part of the task.
import { gram } from '../linalg/gram.ts';
import { symmetricEigen } from '../linalg/symmetricEigen.ts';
import { applyKernel, type KernelKey } from './kernels.ts';

/** Eigenvalues below this fraction of the largest are rounding noise: set to 0. */
export const ZERO_REL = 1e-10;

export interface MeasuredModes {
  /** Eigenvalues of K/n, non-increasing, ≥ 0. */
  eigenvalues: Float64Array;
  /** Per target: the power y_k² on mode k (same order as the eigenvalues). */
  powers: Float64Array[];
}

/** The kernel matrix K/n of the rows of X (n × dim, row-major). */
export function poolKernelMatrix(
  X: Float64Array,
  n: number,
  dim: number,
  kernel: KernelKey,
): Float64Array {
  const K = new Float64Array(n * n);
  gram(X, n, dim, K, 1);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) norms[i] = Math.sqrt(Math.max(0, K[i * n + i]));
  applyKernel(kernel, K, n, n, norms, norms);
  for (let i = 0; i < K.length; i++) K[i] /= n;
  return K;
}

/** Eigenvalues of K/n and the target powers of each target vector (length n each). */
export function measureModes(
  X: Float64Array,
  n: number,
  dim: number,
  kernel: KernelKey,
  targets: readonly Float64Array[],
): MeasuredModes {
  const eig = symmetricEigen(poolKernelMatrix(X, n, dim, kernel), n);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => eig.values[b] - eig.values[a] || a - b,
  );
  const top = Math.max(0, eig.values[order[0]]);
  const eigenvalues = Float64Array.from(order, (i) => {
    const v = eig.values[i];
    return v > ZERO_REL * top ? v : 0;
  });
  const powers = targets.map((y) => {
    const c = Float64Array.from(y);
    eig.toEigenbasis(c);
    return Float64Array.from(order, (i) => (c[i] * c[i]) / n);
  });
  return { eigenvalues, powers };
}
