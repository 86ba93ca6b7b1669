// Real learning on the pool of a data source (docs/theory.md §0 conventions; the pools:
// src/model/data/sources.ts): P distinct training images drawn uniformly from the pool (a training set without repeats: with replacement, the repeats
// of a discrete pool pushed E_g 5 % (P = 400) to 20 % (P = 1000) above the theory at late times,
// against 1.5 % and 6 % without), labels ±1 of the task plus Gaussian label noise of variance σ², trained in the chosen
// regime, and the test error E_g(t) = (1/n) Σ_{pool} (f_t(x) − y(x))² against the clean labels.
//
// Predictor (kernel limit, or the random features F(x) = ReLU(Wx)/√N, W iid N(0, 1), for
// finite N: the same formulas with the empirical kernel F(x)·F(x′)). With G = K_PP/P = Q D Qᵀ,
// gradient flow from 0 with weight decay γ gives f_t(x) = K(x, X_P) a(t),
//   a(t) = Q g_t(D) Qᵀ y / P,   g_t(d) = (1 − e^{−(d+γ)t})/(d + γ),
// and the training residual Q h_t(D) Qᵀ y (g, h: the filter functions of ../filters.ts). The
// Langevin noise and the random initialisation are averaged exactly: the weight covariance is
// h(K̂) with h(d) = T(1 − e^{−2(d+γ)t})/(d + γ) + σ₀² e^{−2(d+γ)t} (there c(t) at κ = d + γ),
// K̂ = ΨᵀΨ/P, and its test error
//   Tr[Σ_pool h(K̂)] = h(0) S + Σ_j (h(d_j) − h(0)) c_j/(P d_j),
//   S = (1/n) Σ_i K(x_i, x_i),  c_j = |K(pool, X_P) q_j|²/n,
// (the eigenvectors of K̂ outside the span of the training features have eigenvalue 0), its
// training error Σ_j d_j h(d_j). One O(P³) eigendecomposition (explicit eigenvectors) per draw;
// everything else is matrix products: P·n·dim for the kernel rows, nt·P·n for the predictions.
import { meanFilter, residualFilter, weightVariance } from '../filters.ts';
import { crossGram } from '../linalg/gram.ts';
import { symmetricEigen } from '../linalg/symmetricEigen.ts';
import { Rng } from '../simulation/random.ts';
import { aggregateSeeds } from '../simulation/simulate.ts';
import type { SimResult } from '../types.ts';
import { effectiveParams, ParamError, type Params } from '../params.ts';
import { applyKernel, rowNorms, type KernelKey } from '../data/kernels.ts';
import { drawDistinct, normalisedInputs, type ImagePool } from '../data/pool.ts';
import { poolSourceOf, taskOf, type DataSource, type TaskKey } from '../data/sources.ts';
import { taskLabels } from '../data/tasks.ts';
import { hasDynamics } from '../regimes.ts';
import { MAX_REAL_N, MAX_REAL_P } from './limits.ts';

/** The pool prepared once per (source, kernel, task): inputs, norms, clean labels. */
export interface RealSetup {
  data: DataSource;
  n: number;
  dim: number;
  X: Float64Array;
  norms: Float64Array;
  kernel: KernelKey;
  task: TaskKey;
  y: Float64Array;
}

/** The choice of the parameters on the pool of their source (which the caller loaded). */
export function prepareReal(
  pool: ImagePool,
  { data, kernel, task }: Pick<Params, 'data' | 'kernel' | 'task'>,
): RealSetup {
  const source = poolSourceOf(data);
  if (!source) throw new ParamError('data', `data = ${data} has no pool to run real learning on`);
  const spec = taskOf(source, task);
  if (!spec) throw new ParamError('task', `task ${task} is not offered by data ${data}`);
  const X = normalisedInputs(pool);
  return {
    data,
    n: pool.n,
    dim: pool.dim,
    X,
    norms: rowNorms(X, pool.n, pool.dim),
    kernel,
    task,
    y: taskLabels(spec, pool.labels),
  };
}

/** Seconds spent in each stage of one draw. */
export interface RealStages {
  kernelRows: number;
  eigen: number;
  times: number;
}

export interface RealDraw {
  Eg: Float64Array;
  Etr: Float64Array;
  stages: RealStages;
}

function check(p: Params): void {
  if (!(Number.isInteger(p.P) && p.P >= 1 && p.P <= MAX_REAL_P))
    throw new ParamError('P', `real runs need an integer P in [1, ${MAX_REAL_P}], got ${p.P}`);
  if (p.N !== Infinity && !(Number.isInteger(p.N) && p.N >= 1 && p.N <= MAX_REAL_N))
    throw new ParamError(
      'N',
      `real runs need N = inf or an integer in [1, ${MAX_REAL_N}], got ${p.N}`,
    );
}

/**
 * Empirical kernel rows K(X_P, pool) (P × n) and the pool mean of K(x, x). Kernel limit: the
 * kernel itself. Finite N: random features of every pool image, ReLU(Wx)/√N for the ReLU
 * kernel and Wx/√N for the linear one (whose kernels are the NNGP and linear kernels as N → ∞).
 */
function kernelRows(
  s: RealSetup,
  idx: Int32Array,
  N: number,
  rng: Rng,
): { C: Float64Array; S: number } {
  const P = idx.length;
  const { n, dim } = s;
  const C = new Float64Array(P * n);
  if (N === Infinity) {
    const XP = new Float64Array(P * dim);
    const normsP = new Float64Array(P);
    for (let a = 0; a < P; a++) {
      XP.set(s.X.subarray(idx[a] * dim, (idx[a] + 1) * dim), a * dim);
      normsP[a] = s.norms[idx[a]];
    }
    crossGram(XP, P, s.X, n, dim, C);
    applyKernel(s.kernel, C, P, n, normsP, s.norms);
    let S = 0;
    for (let i = 0; i < n; i++) {
      const r = s.norms[i];
      S += s.kernel === 'linear' ? r * r : (r * r) / 2;
    }
    return { C, S: S / n };
  }
  const W = new Float64Array(N * dim);
  rng.fillNormal(W, 0, W.length);
  const F = new Float64Array(n * N);
  crossGram(s.X, n, W, N, dim, F, undefined, { s: 1 / Math.sqrt(N) });
  if (s.kernel === 'relu') for (let i = 0; i < F.length; i++) if (F[i] < 0) F[i] = 0;
  const FP = new Float64Array(P * N);
  for (let a = 0; a < P; a++) FP.set(F.subarray(idx[a] * N, (idx[a] + 1) * N), a * N);
  crossGram(FP, P, F, n, N, C);
  let S = 0;
  for (let i = 0; i < F.length; i++) S += F[i] * F[i];
  return { C, S: S / n };
}

/**
 * One draw (the seedIndex-th stream of p.seed): E_g(t) without noise floor and E_tr(t) with it.
 * In a regime without dynamics (the posterior) every entry is the t → ∞ (posterior) value.
 */
export function realDraw(
  s: RealSetup,
  params: Params,
  t: Float64Array,
  seedIndex: number,
): RealDraw {
  const p = effectiveParams(params);
  check(p);
  const times = !hasDynamics(p.regime) ? new Float64Array(t.length).fill(Infinity) : t;
  const { P, gamma, T, sigma02 } = p;
  const n = s.n;
  const rng = new Rng(p.seed, seedIndex);
  const t0 = performance.now();
  const idx = drawDistinct(n, P, rng);
  const yP = Float64Array.from(
    idx,
    (i) => s.y[i] + (p.sigma2 > 0 ? Math.sqrt(p.sigma2) * rng.normal() : 0),
  );
  const { C, S } = kernelRows(s, idx, p.N, rng);
  const G = new Float64Array(P * P);
  for (let a = 0; a < P; a++) for (let b = 0; b < P; b++) G[a * P + b] = C[a * n + idx[b]] / P;
  const t1 = performance.now();
  // Explicit eigenvectors only when the fluctuation terms need them (c_j); else the implicit
  // form (reflectors and rotations) is about three times cheaper.
  const fluct = T > 0 || sigma02 > 0;
  const eig = symmetricEigen(G, P, { vectors: fluct });
  const d = eig.values;
  const t2 = performance.now();
  const z = yP.slice();
  eig.toEigenbasis(z);
  const nt = times.length;
  // Eigenbasis weights of a(t) for every time (P × nt, column i = time i), then a(t) = Q w(t).
  const Wt = new Float64Array(P * nt);
  const Etr = new Float64Array(nt);
  for (let i = 0; i < nt; i++) {
    let res = 0;
    for (let j = 0; j < P; j++) {
      const dj = Math.max(0, d[j]);
      const g = meanFilter(dj + gamma, times[i]);
      Wt[j * nt + i] = (g * z[j]) / P;
      const r = residualFilter(dj, gamma, times[i]);
      res += z[j] * z[j] * r * r;
    }
    Etr[i] = res / P;
  }
  const A = eig.fromEigenbasisToRows(Wt, nt);
  const Fp = new Float64Array(nt * n);
  crossGram(A, nt, C, n, P, Fp, undefined, { bTransposed: true });
  const Eg = new Float64Array(nt);
  for (let i = 0; i < nt; i++) {
    let e = 0;
    const o = i * n;
    for (let x = 0; x < n; x++) e += (Fp[o + x] - s.y[x]) ** 2;
    Eg[i] = e / n;
  }
  if (fluct)
    addFluctuations(Eg, Etr, times, d, eig.vectorsT as Float64Array, C, P, n, S, gamma, T, sigma02);
  const t3 = performance.now();
  return {
    Eg,
    Etr,
    stages: { kernelRows: (t1 - t0) / 1000, eigen: (t2 - t1) / 1000, times: (t3 - t2) / 1000 },
  };
}

/** The exactly averaged Langevin-noise and initialisation terms (see the header). */
function addFluctuations(
  Eg: Float64Array,
  Etr: Float64Array,
  times: Float64Array,
  d: Float64Array,
  QT: Float64Array,
  C: Float64Array,
  P: number,
  n: number,
  S: number,
  gamma: number,
  T: number,
  sigma02: number,
): void {
  const B = new Float64Array(P * n);
  crossGram(QT, P, C, n, P, B, undefined, { bTransposed: true });
  const c = new Float64Array(P);
  for (let j = 0; j < P; j++) {
    let acc = 0;
    for (let x = 0; x < n; x++) acc += B[j * n + x] ** 2;
    c[j] = acc / n;
  }
  let dmax = 0;
  for (let j = 0; j < P; j++) dmax = Math.max(dmax, d[j]);
  const h = (dj: number, t: number) => weightVariance(dj + gamma, t, { T, sigma02 });
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    const h0 = h(0, t);
    let eg = h0 * S;
    let etr = 0;
    for (let j = 0; j < P; j++) {
      // Null directions of the training Gram (duplicates, rank): exactly c_j = 0 there.
      if (!(d[j] > 1e-12 * dmax)) continue;
      const hj = h(d[j], t);
      eg += ((hj - h0) * c[j]) / (P * d[j]);
      etr += d[j] * hj;
    }
    Eg[i] += eg;
    Etr[i] += etr;
  }
}

/** Thrown between draws when the caller cancels. */
export class RealCancelled extends Error {
  constructor() {
    super('real run cancelled');
    this.name = 'RealCancelled';
  }
}

export interface RealRunOptions {
  /** After each draw: draws done, in all, the mean ± s.e.m. so far, that draw's stages. */
  onDraw?: (done: number, total: number, partial: SimResult, stages: RealStages) => void;
  shouldCancel?: () => boolean;
}

/** p.seeds independent draws (streams 0…seeds−1 of p.seed), mean ± s.e.m. at the times t. */
export function runReal(
  s: RealSetup,
  p: Params,
  t: Float64Array,
  opts: RealRunOptions = {},
): SimResult {
  const start = performance.now();
  const runs: RealDraw[] = [];
  for (let i = 0; i < p.seeds; i++) {
    if (opts.shouldCancel?.()) throw new RealCancelled();
    const r = realDraw(s, p, t, i);
    runs.push(r);
    opts.onDraw?.(i + 1, p.seeds, aggregateSeeds(runs, t, performance.now() - start), r.stages);
  }
  return aggregateSeeds(runs, t, performance.now() - start);
}
