// A pool of images (a data source's record, sources.ts, gives its shape): n images of dim pixels
// (uint8, 0…255) with their class labels. The data distribution of a measured source is uniform
// over its pool (docs/theory.md §0), so the pool is both where training images are drawn from
// and the test set.
// Inputs (the conventions of the kernels and of every number shown): pixel values p/255 in
// [0, 1], minus the pool mean image, divided by the root-mean-square norm over the pool, so
// that (1/n) Σ_i |x_i|² = 1.

import { Rng } from '../simulation/random.ts';

export interface ImagePool {
  n: number;
  /** Pixels per image. */
  dim: number;
  /** Row-major n × dim pixel values 0…255. */
  pixels: Uint8Array;
  /** Class of each image, 0…classes − 1. */
  labels: Uint8Array;
}

/** The centred, RMS-normalised inputs: row-major n × dim. */
export function normalisedInputs(pool: ImagePool): Float64Array {
  const { n, dim, pixels } = pool;
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    for (let j = 0; j < dim; j++) mean[j] += pixels[o + j] / 255;
  }
  for (let j = 0; j < dim; j++) mean[j] /= n;
  const X = new Float64Array(n * dim);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    for (let j = 0; j < dim; j++) {
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
 * The pool: `perClass` images of each class, drawn without replacement from the images of that
 * class by a partial Fisher–Yates shuffle with the seeded generator (stream c for class c), kept
 * in ascending source order, classes in order. `source[c]` holds the images of class c
 * (row-major, dim bytes each).
 */
export function drawPool(
  source: readonly Uint8Array[],
  perClass: number,
  seed: number,
  dim: number,
): ImagePool {
  const n = source.length * perClass;
  const pixels = new Uint8Array(n * dim);
  const labels = new Uint8Array(n);
  let row = 0;
  for (let c = 0; c < source.length; c++) {
    const count = source[c].length / dim;
    if (!Number.isInteger(count) || count < perClass)
      throw new RangeError(`class ${c}: ${count} images, need ${perClass}`);
    const picked = drawDistinct(count, perClass, new Rng(seed, c)).sort();
    for (const src of picked) {
      pixels.set(source[c].subarray(src * dim, (src + 1) * dim), row * dim);
      labels[row++] = c;
    }
  }
  return { n, dim, pixels, labels };
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
