// The kernels of the pool sources (sources.ts), as functions of inner products of the normalised
// inputs:
//   linear:    K(x, x') = x·x'
//   ReLU NNGP: K(x, x') = |x||x'| (sin θ + (π − θ) cos θ) / (2π),  cos θ = x·x'/(|x||x'|),
// the arc-cosine kernel of degree 1 (Cho & Saul 2009), which is E_w[ReLU(w·x) ReLU(w·x')] for
// w ~ N(0, I): the kernel of the random ReLU features ReLU(Wx)/√N as N → ∞.

export type KernelKey = 'linear' | 'relu';

export const KERNELS: readonly KernelKey[] = ['linear', 'relu'];

export const KERNEL_LABELS: Record<KernelKey, string> = {
  linear: 'linear',
  relu: 'ReLU NNGP',
};

/** What each kernel is, in words (the `kernel` parameter's help). */
export const KERNEL_WORDS: Record<KernelKey, string> = {
  linear: 'the linear kernel x·x′',
  relu: 'the ReLU NNGP kernel (random ReLU features as N → ∞)',
};

/** The ReLU NNGP kernel from the inner product g = x·x' and the norms a = |x|, b = |x'|. */
export function reluKernel(g: number, a: number, b: number): number {
  const ab = a * b;
  if (!(ab > 0)) return 0;
  // Rounding can push |cos θ| a hair above 1 for (near-)identical inputs.
  const c = Math.max(-1, Math.min(1, g / ab));
  const theta = Math.acos(c);
  return (ab * (Math.sqrt(Math.max(0, 1 - c * c)) + (Math.PI - theta) * c)) / (2 * Math.PI);
}

/**
 * Turn a matrix of inner products G (rows × cols, row-major) into the kernel matrix in place.
 * `rowNorms` and `colNorms` are the input norms |x_i|, |x'_j| (used by the ReLU kernel only).
 */
export function applyKernel(
  kernel: KernelKey,
  G: Float64Array,
  rows: number,
  cols: number,
  rowNorms: Float64Array,
  colNorms: Float64Array,
): void {
  if (kernel === 'linear') return;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const a = rowNorms[i];
    for (let j = 0; j < cols; j++) G[o + j] = reluKernel(G[o + j], a, colNorms[j]);
  }
}

/** Norms of the rows of a row-major rows × dim matrix. */
export function rowNorms(X: Float64Array, rows: number, dim: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * dim;
    for (let j = 0; j < dim; j++) s += X[o + j] * X[o + j];
    out[i] = Math.sqrt(s);
  }
  return out;
}
