// What a fit of the user's runs is asked to do (docs/theory.md §10): the axis, the regime, the
// other parameters, the warm-up cut, the bootstrap, the hold-out, the extrapolation, fixed linear
// parameters and probed hypotheses. Apart from fitRuns.ts, which the hold-out check's module
// (holdout.ts, reading these options) is imported by.
import type { Params, Regime } from '../params.ts';
import type { FitAxis } from './runs.ts';

export interface RunFitOptions {
  axis: FitAxis;
  /** The regime the runs were trained in (a key of FIT_REGIMES); default gradient flow. */
  regime?: Regime;
  /**
   * The other parameters of the theory, in its units (P, N, M, γ, σ₀²); α, β and σ² are fitted.
   * Not given: P = 10⁷ and N = ∞ (no other bottleneck), M = ∞. A run's own P or N overrides.
   */
  params?: Partial<Params>;
  /** Points with x below this are left out of the fit (warm-up); default 0. */
  xMin?: number;
  /** Bootstrap resamples of the runs; 0 for none. Default 50. */
  bootstrap?: number;
  /** Hold out this fraction of the decades of x (the last ones) and predict them; null: no hold-out. */
  holdout?: number | null;
  /** The curves reach this multiple of the largest x; default 10. */
  extrapolate?: number;
  /** Seed of the bootstrap's resampling; default 1. */
  seed?: number;
  /** Points of each fitted curve; default 48. */
  curvePoints?: number;
  /** The floor L₀ when known (e.g. 0 for an error without a noise floor); default fitted. */
  floor?: number;
  /** The theory's σ² (relative to c) when known (e.g. 0 for clean labels); default fitted. */
  sigma2?: number;
  /** (α, β) whose deviance the result reports (a hypothesis: the app's state, a measured spectrum). */
  probes?: readonly { alpha: number; beta: number }[];
}
