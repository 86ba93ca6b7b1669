// Real one-pass SGD on the digit pool (docs/theory.md §9.6). The data distribution of the MNIST
// world is uniform over the pool (§0), so a minibatch of B digits drawn with replacement is
// exactly a minibatch of fresh samples from it: this is one-pass SGD on that distribution, with
// the labels of the task plus fresh label noise of variance σ² at every draw, and the test error
// the pool average of (f − y)² against the clean labels.
//
// N = ∞ (kernel regression): SGD on the weights of the kernel's feature map, run in function
// space: with f = Σ_k v_k √λ_k φ_k the update v ← v − (η/B) Σ_b (f(x_b) − y_b) ψ(x_b) is
//   f(x) ← f(x) − (η/B) Σ_b (f(x_b) − y_b) K(x_b, x)   for every pool digit x,
// exact, with the pool's kernel matrix computed once (the features are the eigenfunctions of
// K/n on the pool, so no eigendecomposition is needed). Finite N: the random features
// F(x) = ReLU(Wx)/√N (Wx/√N for the linear kernel), W iid N(0, 1) drawn per seed, and SGD on
// w ∈ R^N from w(0) ~ N(0, σ₀² I).
//
// What the theory assumes and this does not: Gaussian features. The first moment is exact (the
// pool's feature covariance is diag(λ_k)), so the η → 0 limit is exact; the gradient-noise term,
// of order η/B, uses Gaussian fourth moments, which the pool's eigenfunctions do not have.
import type { KernelKey } from '../data/kernels.ts';
import { poolKernelMatrix } from '../data/measure.ts';
import { crossGram } from '../linalg/gram.ts';
import type { RealSetup } from '../real/realRun.ts';
import { Rng } from '../simulation/random.ts';
import { aggregateSeeds, CancelledError } from '../simulation/simulate.ts';
import type { SimResult } from '../types.ts';
import { DIVERGENCE_CAP } from './propagate.ts';
import { etaAt, schedulePieces } from './schedule.ts';
import { scheduleOf, type SgdParams } from './system.ts';

/** Largest number of random features of a pool run (the n × N feature matrix per seed). */
export const MAX_POOL_N = 4000;

const kernels = new WeakMap<RealSetup, Float64Array>();

/**
 * The pool's kernel operator K/n (n × n, the matrix whose eigenvalues are the measured spectrum,
 * src/model/data/measure.ts), computed once per setup: n²·dim/2 multiply-adds, the one-off cost
 * of a kernel-limit run (≈ 1.8·10⁹ on the 3000 digits).
 */
export function poolKernel(s: RealSetup): Float64Array {
  let K = kernels.get(s);
  if (!K) {
    K = poolKernelMatrix(s.X, s.n, s.dim, s.kernel);
    kernels.set(s, K);
  }
  return K;
}

/** Random features of every pool digit: n × N, ReLU(Wx)/√N or Wx/√N. */
function poolFeatures(s: RealSetup, N: number, kernel: KernelKey, rng: Rng): Float64Array {
  const W = new Float64Array(N * s.dim);
  rng.fillNormal(W, 0, W.length);
  const F = new Float64Array(s.n * N);
  crossGram(s.X, s.n, W, N, s.dim, F, undefined, { s: 1 / Math.sqrt(N) });
  if (kernel === 'relu') for (let i = 0; i < F.length; i++) if (F[i] < 0) F[i] = 0;
  return F;
}

function checkPool(s: RealSetup, p: SgdParams, steps: ArrayLike<number>): void {
  if (!(Number.isInteger(p.batch) && p.batch >= 1))
    throw new RangeError(`batch must be an integer ≥ 1 for a simulation, got ${p.batch}`);
  if (Number.isFinite(p.N) && !(Number.isInteger(p.N) && p.N <= MAX_POOL_N))
    throw new RangeError(`N must be inf or an integer ≤ ${MAX_POOL_N} for a pool run`);
  if (!Number.isFinite(p.N) && p.sigma02 > 0)
    throw new RangeError('sigma02: a random initialisation of the kernel limit is not simulated');
  for (let i = 0; i < steps.length; i++)
    if (!(Number.isInteger(steps[i]) && steps[i] >= 0 && (i === 0 || steps[i] > steps[i - 1])))
      throw new RangeError('steps must be increasing integers ≥ 0');
  void s;
}

/**
 * One seed of SGD on the pool: the test error (no noise floor) at each step; Infinity from the
 * first read-out where it passes DIVERGENCE_CAP·(E_g(0) + σ²), as the theory counts a run
 * diverged (the seed stops there: a diverging run has nothing more to say, and its squares
 * would overflow the s.e.m., its weights the doubles, giving NaN).
 */
export function simulatePoolSeed(
  s: RealSetup,
  p: SgdParams,
  steps: ArrayLike<number>,
  baseSeed: number,
  seedIndex: number,
): Float64Array {
  checkPool(s, p, steps);
  const rng = new Rng(baseSeed, seedIndex);
  const n = s.n;
  const B = p.batch;
  const noise = Math.sqrt(p.sigma2);
  const pieces = schedulePieces(scheduleOf(p));
  const idx = new Int32Array(B);
  const r = new Float64Array(B);
  const out = new Float64Array(steps.length);
  const kernelLimit = !Number.isFinite(p.N);
  const K = kernelLimit ? poolKernel(s) : null;
  // K holds K/n: the update by a kernel row is n times its entries.
  const scale = kernelLimit ? n : 1;
  const N = kernelLimit ? 0 : p.N;
  const F = kernelLimit ? null : poolFeatures(s, N, s.kernel, rng);
  // Kernel limit: f on the pool. Finite N: the weights w (f = F w).
  const f = new Float64Array(n);
  const w = new Float64Array(N);
  for (let j = 0; j < N; j++) w[j] = Math.sqrt(p.sigma02) * rng.normal();
  const predict = (i: number) => {
    if (K) return f[i];
    let v = 0;
    const o = i * N;
    for (let j = 0; j < N; j++) v += (F as Float64Array)[o + j] * w[j];
    return v;
  };
  const error = () => {
    let e = 0;
    for (let i = 0; i < n; i++) e += (predict(i) - s.y[i]) ** 2;
    return e / n;
  };
  const cap = DIVERGENCE_CAP * (error() + p.sigma2);
  let step = 0;
  for (let k = 0; k < steps.length; k++) {
    for (; step < steps[k]; step++) {
      const g = (scale * etaAt(pieces, step)) / B;
      for (let b = 0; b < B; b++) {
        const i = Math.min(n - 1, Math.floor(rng.uniform() * n));
        idx[b] = i;
        r[b] = g * (predict(i) - s.y[i] - noise * rng.normal());
      }
      for (let b = 0; b < B; b++) {
        const rb = r[b];
        if (K) {
          const o = idx[b] * n;
          for (let j = 0; j < n; j++) f[j] -= rb * K[o + j];
        } else {
          const o = idx[b] * N;
          for (let j = 0; j < N; j++) w[j] -= rb * (F as Float64Array)[o + j];
        }
      }
    }
    const e = error();
    if (!(e <= cap)) {
      out.fill(Infinity, k);
      break;
    }
    out[k] = e;
  }
  return out;
}

/** Mean and s.e.m. over seeds of SGD on the pool (`t` holds the steps, Etr = E_g + σ²). */
export function simulatePool(
  s: RealSetup,
  p: SgdParams,
  opts: {
    steps: Float64Array;
    seeds: number;
    seed: number;
    /** After each seed: seeds done, in all, the mean ± s.e.m. so far. */
    onProgress?: (done: number, total: number, partial: SimResult) => void;
    shouldCancel?: () => boolean;
  },
): SimResult {
  const t0 = performance.now();
  const runs = [];
  for (let i = 0; i < opts.seeds; i++) {
    if (opts.shouldCancel?.()) throw new CancelledError();
    const Eg = simulatePoolSeed(s, p, opts.steps, opts.seed, i);
    runs.push({ Eg, Etr: Float64Array.from(Eg, (e) => e + p.sigma2) });
    if (opts.onProgress)
      opts.onProgress(i + 1, opts.seeds, aggregateSeeds(runs, opts.steps, performance.now() - t0));
  }
  return aggregateSeeds(runs, opts.steps, performance.now() - t0);
}
