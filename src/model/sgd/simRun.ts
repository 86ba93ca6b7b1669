// Real one-pass SGD for a configuration of the parameter table (docs/theory.md §9.6): one seed
// (the simulation workers) and every seed (the CLI's --simulate), at the same steps, so that a
// link and a command give the same points.
import type { Params } from '../params.ts';
import type { SeedErrors } from '../simulation/evaluate.ts';
import type { SimResult } from '../types.ts';
import { sgdSimModes } from './limits.ts';
import { sgdSimSteps } from './simSteps.ts';
import { simulateSgd, simulateSgdSeed } from './simulate.ts';
import { namingParams, sgdParamsOf } from './theory.ts';

/** One seed of real SGD on the power law with sampled A (E_tr: the fresh batch's loss, E_g + σ²). */
export function sgdSimSeed(p: Params, index: number): SeedErrors {
  return namingParams(() => {
    const M = sgdSimModes(p);
    const sp = sgdParamsOf({ ...p, M });
    const Eg = simulateSgdSeed(sp, M, sgdSimSteps(p), p.seed, index);
    return { Eg, Etr: Float64Array.from(Eg, (e) => e + p.sigma2) };
  });
}

/** Every seed of real SGD on the power law (the CLI's --simulate). */
export function sgdSimulate(p: Params): SimResult {
  return namingParams(() => {
    const M = sgdSimModes(p);
    return simulateSgd(sgdParamsOf({ ...p, M }), {
      M,
      steps: sgdSimSteps(p),
      seeds: p.seeds,
      seed: p.seed,
    });
  });
}
