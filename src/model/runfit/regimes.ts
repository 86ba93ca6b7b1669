// The training regimes a user's runs can be fitted in (docs/theory.md §10): one record each. The
// fit reads from the record which run columns act, which parameters the regime needs, and (when
// the regime has its own dynamics) how a learning curve is tabulated.
//
// Extension point: stochastic gradient descent, once the engine has it, is one more record here:
// `columns: ['batch', 'eta']` (each run's batch size and learning rate then enter its
// configuration, like P and N) and `sampler` for the steps axis (its learning curve in time).
import type { Params, Regime } from '../params.ts';
import type { SamplerFactory } from './sampler.ts';
import type { RunColumn } from './runs.ts';

export interface FitRegimeSpec {
  regime: Regime;
  /** The run columns that act in this regime (beside P and N). */
  columns: readonly RunColumn[];
  /** What is wrong with the other parameters for this regime, or null. */
  check(p: Params): string | null;
  /** Its own tabulation of the steps axis, when the engine's TimeEvaluator is not it. */
  sampler?: SamplerFactory;
}

export const FIT_REGIMES: Partial<Record<Regime, FitRegimeSpec>> = {
  gf: { regime: 'gf', columns: [], check: () => null },
  wd: {
    regime: 'wd',
    columns: [],
    check: (p) =>
      p.gamma > 0 ? null : 'weight decay needs gamma > 0 (in the theory’s units, 1/time)',
  },
};

/** The regimes a fit can use, in the table's order. */
export const FIT_REGIME_KEYS = Object.keys(FIT_REGIMES) as Regime[];
