// The number of modes the exact simulator uses and the largest problem it takes, in a module of its
// own so the UI can ask for them without loading the simulator (they decide the M of the theory
// curve drawn under the points, and whether the box can run at all).
import { validateParams, type Params } from '../params.ts';
import { inSteps } from '../regimes.ts';
import { sgdSimModes } from '../sgd/limits.ts';

/** Cap of the default number of modes when M = ∞. */
const MAX_SIM_MODES = 8192;

/**
 * The finite number of modes the simulator uses: p.M if finite, else max(2048, 4·max(P, N))
 * (N only if finite) capped at 8192. The UI computes the matching theory curve at this M.
 */
export function simulationModes(p: Params): number {
  validateParams(p, { keys: ['M'] });
  // One-pass SGD has no training set: its modes follow N alone (docs/theory.md §9.6).
  if (inSteps(p.regime)) return sgdSimModes(p);
  if (Number.isFinite(p.M)) return p.M;
  const sizes = Number.isFinite(p.N) ? Math.max(p.P, p.N) : p.P;
  const M = Math.max(2048, 4 * (Number.isFinite(sizes) ? sizes : 0));
  return Math.min(MAX_SIM_MODES, Math.round(M));
}

/** Largest matrix the simulator diagonalises (min(P, N, M)); beyond it a seed takes minutes. */
export const MAX_SIM_DIM = 4096;

/** The side of the matrix a draw of the fixed-dataset simulation diagonalises: min(P, N, M). */
export function simulationSide(p: Params): number {
  return Math.min(p.P, p.N, simulationModes(p));
}
