// The steps real one-pass SGD samples for a configuration (docs/theory.md §9.6), in a module
// without the simulator so that the app's main thread can ask for them.
import type { Params } from '../params.ts';
import { logSteps } from './curve.ts';
import { sgdSimModes } from './limits.ts';

/** Most sampled steps (each point is one read-out of E_g; the steps between cost the work). */
export const SGD_SIM_POINTS = 16;
/**
 * Work of one seed, in normal draws (B·min(N, M) a step): the sampled steps stop where it runs
 * out (or at the horizon), about a second per seed in a browser worker.
 */
export const SGD_SIM_WORK = 4e7;

/** The last step real SGD reaches within its work per seed (at most the horizon). */
export function sgdSimLastStep(p: Pick<Params, 'M' | 'N' | 'batch' | 'horizon'>): number {
  const width = p.batch * Math.min(p.N, sgdSimModes(p));
  return Math.max(10, Math.min(p.horizon, Math.floor(SGD_SIM_WORK / width)));
}

/** The steps real SGD samples: log-spaced integers from 1 to its last step. */
export function sgdSimSteps(p: Pick<Params, 'M' | 'N' | 'batch' | 'horizon' | 'nt'>): Float64Array {
  return logSteps(1, sgdSimLastStep(p), Math.min(SGD_SIM_POINTS, p.nt));
}

/**
 * Largest number of random features of real SGD on a pool in the app and the CLI: each seed
 * draws the n × N feature matrix of the pool, n·N·dim multiply-adds (3·10⁸ at N = 128 on 3000
 * digits, ≈ 0.15 s; 16 seeds at N = 256 took 6 s under load). A larger N runs the kernel limit
 * N = ∞ instead, and says so.
 */
export const POOL_SIM_MAX_N = 128;
/**
 * Work of one seed of real SGD on a pool, in multiply-adds of its updates (B·n a step in the
 * kernel limit: a row of the kernel matrix per sample; 2·B·N with N features): the sampled
 * steps stop where it runs out (or at the horizon), a few tenths of a second per seed.
 */
export const POOL_SIM_WORK = 3e7;

/** The N real SGD on a pool runs at: N itself up to POOL_SIM_MAX_N, else the kernel limit. */
export function poolSimN(p: Pick<Params, 'N'>): number {
  return p.N <= POOL_SIM_MAX_N ? p.N : Infinity;
}

/** The last step real SGD on a pool of n images reaches within its work per seed. */
export function poolSimLastStep(p: Pick<Params, 'N' | 'batch' | 'horizon'>, n: number): number {
  const N = poolSimN(p);
  const width = p.batch * (Number.isFinite(N) ? 2 * N : n);
  return Math.max(10, Math.min(p.horizon, Math.floor(POOL_SIM_WORK / width)));
}

/** The steps real SGD on a pool of n images samples: log-spaced integers from 1. */
export function poolSimSteps(
  p: Pick<Params, 'N' | 'batch' | 'horizon' | 'nt'>,
  n: number,
): Float64Array {
  return logSteps(1, poolSimLastStep(p, n), Math.min(SGD_SIM_POINTS, p.nt));
}
