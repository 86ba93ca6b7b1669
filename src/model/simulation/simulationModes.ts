// The number of modes the exact simulator uses, in a module of its own so the UI can ask for it
// without loading the simulator (it decides the M of the theory curve drawn under the points).
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
