// The digit pool: n images of DIM = 28×28 pixels (uint8, 0…255) with their digit labels 0…9.
// The data distribution of the MNIST world is uniform over the pool (docs/theory.md §0), so the
// pool is both where training digits are drawn from and the test set.
// Inputs (the conventions of the kernels and of every number shown): pixel values p/255 in
// [0, 1], minus the pool mean image, divided by the root-mean-square norm over the pool, so
// that (1/n) Σ_i |x_i|² = 1.

import { Rng } from '../simulation/random.ts';

export const IMAGE_SIDE = 28;
export const DIM = IMAGE_SIDE * IMAGE_SIDE;

export interface DigitPool {
  n: number;
  /** Row-major n × DIM pixel values 0…255. */
  pixels: Uint8Array;
  /** Digit of each image, 0…9. */
  labels: Uint8Array;
}

/** The centred, RMS-normalised inputs: row-major n × DIM. */
export function normalisedInputs(pool: DigitPool): Float64Array {
  const { n, pixels } = pool;
  const mean = new Float64Array(DIM);
  for (let i = 0; i < n; i++) {
    const o = i * DIM;
    for (let j = 0; j < DIM; j++) mean[j] += pixels[o + j] / 255;
  }
  for (let j = 0; j < DIM; j++) mean[j] /= n;
  const X = new Float64Array(n * DIM);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const o = i * DIM;
    for (let j = 0; j < DIM; j++) {
      const v = pixels[o + j] / 255 - mean[j];
      X[o + j] = v;
      ss += v * v;
    }
  }
  const scale = 1 / Math.sqrt(ss / n);
  for (let i = 0; i < X.length; i++) X[i] *= scale;
  return X;
}

/**
 * The pool: `perDigit` images of each digit 0…9, drawn without replacement from the images of
 * that digit by a partial Fisher–Yates shuffle with the seeded generator (stream d for digit d),
 * kept in ascending source order, digits in order 0…9. `source[d]` holds the images of digit d
 * (row-major, DIM bytes each).
 */
export function drawPool(source: readonly Uint8Array[], perDigit: number, seed: number): DigitPool {
  const n = 10 * perDigit;
  const pixels = new Uint8Array(n * DIM);
  const labels = new Uint8Array(n);
  let row = 0;
  for (let d = 0; d < 10; d++) {
    const count = source[d].length / DIM;
    if (!Number.isInteger(count) || count < perDigit)
      throw new RangeError(`digit ${d}: ${count} images, need ${perDigit}`);
    const picked = drawDistinct(count, perDigit, new Rng(seed, d)).sort();
    for (const src of picked) {
      pixels.set(source[d].subarray(src * DIM, (src + 1) * DIM), row * DIM);
      labels[row++] = d;
    }
  }
  return { n, pixels, labels };
}

/** k distinct indices of 0…n−1, uniformly (partial Fisher–Yates), in draw order. */
export function drawDistinct(n: number, k: number, rng: Rng): Int32Array {
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.uniform() * (n - i));
    const tmp = perm[i];
    perm[i] = perm[j];
    perm[j] = tmp;
  }
  return perm.slice(0, k);
}
