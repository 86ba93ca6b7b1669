// The exact finite-size simulator of the model (docs/theory.md §0): one seed draws the projection A,
// the training inputs and the label noise; the Langevin noise and the random initialisation are
// averaged exactly (closed forms in the eigenbasis of the training Gram), not sampled.
//
// Pipeline per seed (each step has its own module under ./simulation/, with the exactness
// arguments in its header):
//   geometry.ts  A → (L, q, s²) with Σ_test = LLᵀ: test error |Lᵀw − q|² + s²
//   data.ts      Bartlett-reduced training set: at most min(P, n) samples survive
//   modes.ts     one symmetric eigendecomposition of the smaller Gram
//   evaluate.ts  E_g(t), E_tr(t) in O(n²) per time
// Pure TypeScript: runs in Node, the CLI, Vitest and a Web Worker alike.

import { effectiveParams, MODEL_KEYS, ParamError, validateParams, type Params } from '../params.ts';
import type { ErrorSplit, SimResult } from '../types.ts';
import { Rng } from './random.ts';
import { drawGeometry } from './geometry.ts';
import { MAX_SIM_DIM, simulationModes, simulationSide } from './simulationModes.ts';
import { drawData } from './data.ts';
import { analyseModes } from './modes.ts';
import { evaluateErrors, type SeedErrors } from './evaluate.ts';
import { hasDynamics } from '../regimes.ts';

/** What a seed reports beyond E_g and E_tr. */
export interface SeedOptions {
  /** The parts of E_g (label noise then averaged exactly per draw, see evaluate.ts). */
  parts?: boolean;
  /** Population modes k (1-based) whose mean learned fraction is read out. */
  modes?: readonly number[];
}

export interface SimulateOptions extends SeedOptions {
  t: Float64Array;
  seeds: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
}

/** Thrown by `simulate` when `shouldCancel()` returns true between seeds. */
export class CancelledError extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'CancelledError';
  }
}

function validate(p: Params, t: Float64Array): void {
  validateParams(p, { keys: MODEL_KEYS });
  for (let i = 0; i < t.length; i++)
    if (!(t[i] >= 0))
      throw new ParamError('tmin', `simulation times must be ≥ 0 (or inf), got ${t[i]}`);
  const dim = simulationSide(p);
  if (dim > MAX_SIM_DIM)
    throw new ParamError(
      'P',
      `simulation too large: min(P, N, M) = ${dim} exceeds ${MAX_SIM_DIM}; reduce P, N or M`,
    );
}

/**
 * One independent draw (the seedIndex-th stream of baseSeed): E_g(t) (no noise floor) and E_tr(t)
 * (with floor) at every t, averaged exactly over Langevin noise and random init. t may contain
 * Infinity (the static limit: ridge / posterior). In a regime without dynamics (the posterior) every entry is the t → ∞
 * posterior: Gibbs error = posterior-mean error + T·Tr[Σ(K̂+γ)⁻¹] (docs/theory.md §4).
 */
export function simulateSeed(
  p: Params,
  t: Float64Array,
  baseSeed: number,
  seedIndex: number,
  opts: SeedOptions = {},
): SeedErrors {
  const q = effectiveParams(p);
  validate(q, t);
  const M = simulationModes(q);
  const keep = (opts.modes ?? []).map((k) => {
    if (!Number.isInteger(k) || k < 1 || k > M)
      throw new RangeError(`mode k must be an integer in [1, ${M}] (the simulation's M), got ${k}`);
    return k - 1;
  });
  const rng = new Rng(baseSeed, seedIndex);
  const geom = drawGeometry(q.alpha, q.beta, q.N, M, rng, keep);
  // With parts, the labels are drawn without label noise (the same random numbers are used) and
  // its contribution is averaged exactly instead.
  const parts = opts.parts === true;
  const data = drawData(geom, q.P, parts ? 0 : q.sigma2, rng);
  const dyn = { gamma: q.gamma, T: q.T, sigma02: q.sigma02 };
  const needCov = dyn.T > 0 || dyn.sigma02 > 0 || (parts && q.sigma2 > 0);
  const modes = analyseModes(geom, data, { needCovariance: needCov });
  const times = !hasDynamics(q.regime) ? new Float64Array(t.length).fill(Infinity) : t;
  return evaluateErrors(modes, times, dyn, parts ? { sigma2Exact: q.sigma2 } : {});
}

/** Mean and standard error of the mean over seeds (sem = sd/√seeds with the n−1 sd; 0 for one seed). */
export function aggregateSeeds(
  runs: SeedErrors[],
  t: Float64Array,
  ms: number,
  modes: readonly number[] = [],
): SimResult {
  const S = runs.length;
  const stats = (pick: (r: SeedErrors) => Float64Array, len = t.length) => {
    const mean = new Float64Array(len);
    const sem = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      let s = 0;
      for (const r of runs) s += pick(r)[i];
      const mu = S > 0 ? s / S : 0;
      let v = 0;
      if (S > 1 && Number.isFinite(mu)) {
        for (const r of runs) v += (pick(r)[i] - mu) ** 2;
        v /= S - 1;
      }
      mean[i] = mu;
      sem[i] = S > 1 && Number.isFinite(mu) ? Math.sqrt(v / S) : 0;
    }
    return { mean, sem };
  };
  const g = stats((r) => r.Eg);
  const tr = stats((r) => r.Etr);
  const out: SimResult = {
    t: t.slice(),
    EgMean: g.mean,
    EgSem: g.sem,
    EtrMean: tr.mean,
    EtrSem: tr.sem,
    seeds: S,
    ms,
  };
  if (S > 0 && runs.every((r) => r.parts)) {
    const part = (key: keyof ErrorSplit<unknown>) => stats((r) => r.parts![key]);
    const [signal, noise, temperature, init] = PART_KEYS.map(part);
    out.parts = {
      mean: {
        signal: signal.mean,
        noise: noise.mean,
        temperature: temperature.mean,
        init: init.mean,
      },
      sem: { signal: signal.sem, noise: noise.sem, temperature: temperature.sem, init: init.sem },
    };
  }
  if (S > 0 && modes.length > 0 && runs.every((r) => r.modeFrac)) {
    const f = stats((r) => r.modeFrac!, modes.length * t.length);
    out.modes = { k: Float64Array.from(modes), mean: f.mean, sem: f.sem };
  }
  return out;
}

const PART_KEYS = ['signal', 'noise', 'temperature', 'init'] as const;

/** Runs seeds sequentially; calls onProgress after each; throws CancelledError between seeds. */
export function simulate(p: Params, opts: SimulateOptions): SimResult {
  const t0 = performance.now();
  validateParams({ ...p, seeds: opts.seeds }, { keys: ['seeds'] });
  const runs: SeedErrors[] = [];
  const seedOpts = { parts: opts.parts, modes: opts.modes };
  for (let i = 0; i < opts.seeds; i++) {
    if (opts.shouldCancel?.()) throw new CancelledError();
    runs.push(simulateSeed(p, opts.t, opts.seed, i, seedOpts));
    opts.onProgress?.(i + 1, opts.seeds);
  }
  return aggregateSeeds(runs, opts.t, performance.now() - t0, opts.modes);
}
