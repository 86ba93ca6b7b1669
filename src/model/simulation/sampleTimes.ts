// The times at which the exact simulation is sampled, chosen in one place so that the app's
// simulation worker and the CLI's --simulate give the same points for the same link.
import { timeGrid, type Params } from '../params.ts';
import { inSteps } from '../regimes.ts';
import { sgdSimSteps } from '../sgd/simSteps.ts';

/**
 * Most sample times: each costs O(n²) per seed after the one O(n³) diagonalisation, and more
 * points than this add nothing visible under the theory curve.
 */
export const SIM_POINTS = 16;

/** Log-spaced times over the configuration's window: min(nt, SIM_POINTS) of them, both ends included. */
export function simulationTimes(p: Pick<Params, 'tmin' | 'tmax' | 'nt'>): Float64Array {
  return timeGrid(p.tmin, p.tmax, Math.min(SIM_POINTS, p.nt));
}

/** The sample times of a run: the steps of real SGD in a regime in steps (§9.6), else the times. */
export function sampleTimesOf(p: Params): Float64Array {
  return inSteps(p.regime) ? sgdSimSteps(p) : simulationTimes(p);
}
