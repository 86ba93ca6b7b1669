// Real one-pass SGD on the Gaussian model of docs/theory.md §0 (§9.6): fresh samples at every
// step, minibatches of B, the schedule's η_s, seeded with the project's generator.
//
// Reduction (exact in law). Given A, the features z = Aψ/√N have covariance Σ_A = U diag(μ) Uᵀ;
// in the eigenbasis, z̃ = Uᵀz has independent coordinates √μ_j x_j with x ~ N(0, I), and the
// target is y = Σ_j a_j x_j + s ξ + ε, s² = E_approx(A) (ξ independent of x: the part of the
// target out of the features' reach), ε the label noise. With u_j = √μ_j (Uᵀw)_j the prediction
// is f = Σ_j u_j x_j, an SGD step is u_j ← u_j − (η/B) μ_j Σ_b x_{b,j} (f_b − y_b), and the
// test error is exactly E_g = Σ_j (u_j − a_j)² + s² (no test set). One draw of A costs one
// N×N eigendecomposition (geometry.ts gives Σ_A's Cholesky factor L and a_j = (Vᵀq)_j with
// LᵀL = V diag(μ) Vᵀ); at N = ∞, μ_j = λ_j, a_j = j^{−β/2}, s = 0. Each step then costs B·n
// normals, n = min(N, M). The weights start from w ~ N(0, σ₀² I): u_j ~ N(0, σ₀² μ_j).
import { Rng } from '../simulation/random.ts';
import { drawGeometry } from '../simulation/geometry.ts';
import { sortedSymmetricEigen } from '../linalg/symmetricEigen.ts';
import { aggregateSeeds, CancelledError } from '../simulation/simulate.ts';
import type { SimResult } from '../types.ts';
import { nodesFromModes } from './nodes.ts';
import { DIVERGENCE_CAP, propagate } from './propagate.ts';
import { etaAt, schedulePieces } from './schedule.ts';
import { scheduleOf, type SgdParams } from './system.ts';
import { MAX_SGD_SIM_DIM } from './limits.ts';

/** One draw of the problem seen by SGD: Σ_A's eigenvalues, target coefficients, residual. */
export interface SampledSpectrum {
  mu: Float64Array;
  /** a_j: the target's coefficient on the unit-variance coordinate j (c_j = a_j²). */
  coef: Float64Array;
  /** s² = E_approx(A) (0 at N = ∞). */
  residual: number;
}

export { MAX_SGD_SIM_DIM };

export function sampleSpectrum(
  alpha: number,
  beta: number,
  N: number,
  M: number,
  rng: Rng,
): SampledSpectrum {
  if (!Number.isFinite(M)) throw new RangeError('the simulator needs a finite M');
  if (!Number.isFinite(N)) {
    return {
      mu: Float64Array.from({ length: M }, (_, k) => Math.pow(k + 1, -alpha)),
      coef: Float64Array.from({ length: M }, (_, k) => Math.pow(k + 1, -beta / 2)),
      residual: 0,
    };
  }
  const g = drawGeometry(alpha, beta, N, M, rng);
  const n = g.n;
  if (g.L.kind === 'diag') {
    const d = g.L.diag;
    return { mu: Float64Array.from(d, (x) => x * x), coef: g.q.slice(), residual: g.s2 };
  }
  // LᵀL = V diag(μ) Vᵀ (L lower triangular, row-major).
  const L = g.L.data;
  const LtL = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let a = 0; a <= j; a++) {
      const la = L[j * n + a];
      if (la === 0) continue;
      for (let b = 0; b <= a; b++) LtL[a * n + b] += la * L[j * n + b];
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) LtL[b * n + a] = LtL[a * n + b];
  const { values, vectorsT } = sortedSymmetricEigen(LtL, n);
  const mu = new Float64Array(n);
  const coef = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = Math.max(0, values[i]);
    let s = 0;
    for (let j = 0; j < n; j++) s += vectorsT[i * n + j] * g.q[j];
    coef[i] = s;
  }
  return { mu, coef, residual: g.s2 };
}

function checkSim(p: SgdParams, M: number, steps: ArrayLike<number>): void {
  if (p.data) throw new RangeError('simulateSgd runs the power law; use the pool simulator');
  if (!(Number.isInteger(M) && M >= 1))
    throw new RangeError(`M must be a finite integer, got ${M}`);
  if (Math.min(M, p.N) > MAX_SGD_SIM_DIM)
    throw new RangeError(`simulation too large: min(N, M) exceeds ${MAX_SGD_SIM_DIM}`);
  if (!(Number.isInteger(p.batch) && p.batch >= 1))
    throw new RangeError(`batch must be an integer ≥ 1 for a simulation, got ${p.batch}`);
  for (let i = 0; i < steps.length; i++)
    if (!(Number.isInteger(steps[i]) && steps[i] >= 0 && (i === 0 || steps[i] > steps[i - 1])))
      throw new RangeError('steps must be increasing integers ≥ 0');
}

const drawCache = new Map<string, SampledSpectrum>();

/**
 * Draw `seedIndex` of A (stream 2·seedIndex of baseSeed; the SGD samples use stream
 * 2·seedIndex + 1), cached: runs that differ only in η, B or the schedule see the same draws.
 */
export function drawnSpectrum(
  p: Pick<SgdParams, 'alpha' | 'beta' | 'N'>,
  M: number,
  baseSeed: number,
  seedIndex: number,
): SampledSpectrum {
  const key = `${p.alpha}|${p.beta}|${p.N}|${M}|${baseSeed}|${seedIndex}`;
  let sp = drawCache.get(key);
  if (!sp) {
    sp = sampleSpectrum(p.alpha, p.beta, p.N, M, new Rng(baseSeed, 2 * seedIndex));
    if (drawCache.size >= 512) drawCache.clear();
    drawCache.set(key, sp);
  }
  return sp;
}

/**
 * One seed of real SGD: E_g (no noise floor) at each step; Infinity from the first read-out
 * where it passes DIVERGENCE_CAP·(E_g(0) + σ²), as the theory counts a run diverged (the seed
 * stops there: its squares would overflow the s.e.m., its weights the doubles, giving NaN).
 */
export function simulateSgdSeed(
  p: SgdParams,
  M: number,
  steps: ArrayLike<number>,
  baseSeed: number,
  seedIndex: number,
): Float64Array {
  checkSim(p, M, steps);
  const { mu, coef, residual } = drawnSpectrum(p, M, baseSeed, seedIndex);
  const rng = new Rng(baseSeed, 2 * seedIndex + 1);
  const n = mu.length;
  const B = p.batch;
  const u = new Float64Array(n);
  const init = Math.sqrt(p.sigma02);
  for (let j = 0; j < n; j++) u[j] = init * Math.sqrt(mu[j]) * rng.normal();
  const pieces = schedulePieces(scheduleOf(p));
  const s = Math.sqrt(residual);
  const eps = Math.sqrt(p.sigma2);
  const x = new Float64Array(B * n);
  const r = new Float64Array(B);
  const out = new Float64Array(steps.length);
  const error = () => {
    let e = residual;
    for (let j = 0; j < n; j++) e += (u[j] - coef[j]) * (u[j] - coef[j]);
    return e;
  };
  const cap = DIVERGENCE_CAP * (error() + p.sigma2);
  let step = 0;
  for (let k = 0; k < steps.length; k++) {
    for (; step < steps[k]; step++) {
      const eta = etaAt(pieces, step);
      rng.fillNormal(x, 0, B * n);
      for (let b = 0; b < B; b++) {
        const o = b * n;
        let f = 0;
        let y = s * rng.normal() + eps * rng.normal();
        for (let j = 0; j < n; j++) {
          f += u[j] * x[o + j];
          y += coef[j] * x[o + j];
        }
        r[b] = f - y;
      }
      const g = eta / B;
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let b = 0; b < B; b++) acc += x[b * n + j] * r[b];
        u[j] -= g * mu[j] * acc;
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

export interface SgdSimOptions {
  /** Finite number of modes of the power law. */
  M: number;
  steps: Float64Array;
  seeds: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
}

/** Mean and s.e.m. over seeds of one-pass SGD; `t` holds the steps, Etr the loss E_g + σ². */
export function simulateSgd(p: SgdParams, opts: SgdSimOptions): SimResult {
  const t0 = performance.now();
  const runs = [];
  for (let i = 0; i < opts.seeds; i++) {
    if (opts.shouldCancel?.()) throw new CancelledError();
    const Eg = simulateSgdSeed(p, opts.M, opts.steps, opts.seed, i);
    runs.push({ Eg, Etr: Float64Array.from(Eg, (e) => e + p.sigma2) });
    opts.onProgress?.(i + 1, opts.seeds);
  }
  return aggregateSeeds(runs, opts.steps, performance.now() - t0);
}

/**
 * The exact recursion averaged over draws of A (no SGD sampling): the reference that isolates
 * the deterministic-equivalent approximation of finite N (finiteN.ts) from everything else.
 */
export function sampledTheory(p: SgdParams, opts: SgdSimOptions): SimResult {
  const t0 = performance.now();
  const pieces = schedulePieces(scheduleOf(p));
  const runs = [];
  for (let i = 0; i < opts.seeds; i++) {
    const sp = drawnSpectrum(p, opts.M, opts.seed, i);
    const nodes = nodesFromModes(
      sp.mu,
      Float64Array.from(sp.coef, (a) => a * a),
      sp.residual,
    );
    const sys = { nodes, sigma2: p.sigma2, sigma02: p.sigma02, batch: p.batch };
    const Eg = propagate(sys, pieces, opts.steps).Eg;
    runs.push({ Eg, Etr: Float64Array.from(Eg, (e) => e + p.sigma2) });
  }
  return aggregateSeeds(runs, opts.steps, performance.now() - t0);
}
