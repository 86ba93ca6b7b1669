// Fitting a user's runs with the theory (docs/theory.md §10): the public surface for the app's
// worker and the CLI. One pure function, fitRuns, with progress and cancellation; its result is
// plain data (numbers, strings, Float64Arrays) that a worker transfers.
export {
  fitRuns,
  FitCancelled,
  FitError,
  type BootstrapSummary,
  type Estimate,
  type FitHooks,
  type FitProgress,
  type FitStage,
  type FittedRun,
  type HoldoutResult,
  type Probe,
  type RunFitOptions,
  type RunFitResult,
} from './fitRuns.ts';
// Reading a user's runs file (CSV or the app's JSON) and writing the JSON.
export * from './runs.ts';
export { FIT_AXIS_SPECS } from './basis.ts';
export { FIT_REGIMES, FIT_REGIME_KEYS } from './regimes.ts';
export type { FitCurve } from './predict.ts';
export { HOLDOUT_FRACTION, powerLawValue, type HoldoutError, type PowerLawFit } from './holdout.ts';
export type { Calibration, DevianceLevel, RegionPolygon, RidgeWarning } from './region.ts';
// The fit as one job (the worker's): parse, fit, the outcome.
export { runFitJob, thinProgress, PROGRESS_STEP, type RunFitOutcome } from './job.ts';
