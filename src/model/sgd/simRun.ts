// Real one-pass SGD for a configuration of the parameter table (docs/theory.md §9.6): one seed
// (the simulation workers) and every seed (the CLI's --simulate), at the same steps, so that a
// link and a command give the same points; and on the pool of a data source (the real-run
// worker and the CLI), every seed in turn with the running mean after each.
import type { Params } from '../params.ts';
import type { RealSetup } from '../real/realRun.ts';
import type { SeedErrors } from '../simulation/evaluate.ts';
import type { SimResult } from '../types.ts';
import { sgdSimModes } from './limits.ts';
import { poolSimN, poolSimSteps, sgdSimSteps } from './simSteps.ts';
import { simulatePool } from './simulatePool.ts';
import { simulateSgd, simulateSgdSeed } from './simulate.ts';
import { namingParams, sgdParamsOf, sgdRunParams } from './theory.ts';

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

export interface PoolSgdOptions {
  /** After each seed: seeds done, in all, the mean ± s.e.m. so far. */
  onSeed?: (done: number, total: number, partial: SimResult) => void;
  shouldCancel?: () => boolean;
}

/**
 * Every seed of real SGD on the pool of `setup` (streams 0…seeds−1 of p.seed) at its steps
 * (poolSimSteps), at the N it runs (poolSimN: the kernel limit above the cap). The kernel matrix
 * of a kernel-limit run is computed on the first seed and kept with the setup.
 */
export function poolSgdRun(s: RealSetup, p: Params, opts: PoolSgdOptions = {}): SimResult {
  return namingParams(() =>
    simulatePool(
      s,
      { ...sgdRunParams(p), N: poolSimN(p) },
      {
        steps: poolSimSteps(p, s.n),
        seeds: p.seeds,
        seed: p.seed,
        onProgress: opts.onSeed,
        shouldCancel: opts.shouldCancel,
      },
    ),
  );
}
