// The steps real one-pass SGD samples for a configuration (docs/theory.md §9.6), in a module
// without the simulator so that the app's main thread can ask for them.
import type { Params } from '../params.ts';
import { logSteps } from './curve.ts';
import { sgdSimModes } from './limits.ts';
import { runKind } from '../data/sources.ts';
import { inSteps } from '../regimes.ts';

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
 * What a run of the simulation box does in a configuration: the exact simulator (real SGD under
 * one-pass SGD), a real run on a pool of images, or nothing. Real SGD on a pool's minibatches
 * (§9.6) runs in `npm run bench` and the tests, not yet in the app's real-data worker, whose runs
 * are full-batch training: under one-pass SGD a pool source has no run here.
 */
export function simulationKind(p: Pick<Params, 'data' | 'regime'>): 'simulate' | 'real' | null {
  const kind = runKind(p);
  return inSteps(p.regime) && kind === 'real' ? null : kind;
}
