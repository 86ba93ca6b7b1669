// One-pass SGD (docs/theory.md §9): the public surface the regime table, the app, the workers
// and the CLI call. Pure functions of SgdParams.
export {
  DEFAULT_SGD,
  MAX_SGD_N,
  SgdParamError,
  checkSgdParams,
  finiteMeasure,
  scheduleOf,
  sgdDataFrom,
  sgdSystem,
  type SgdData,
  type SgdParams,
} from './system.ts';
export {
  DEFAULT_SCHEDULE,
  SCHEDULE_KINDS,
  etaSeries,
  intrinsicTimes,
  peakEta,
  type Schedule,
  type ScheduleKind,
} from './schedule.ts';
export { flowLimit, logSteps, sgdCurve, type SgdCurve } from './curve.ts';
export {
  kernelNorm,
  noiseFloor,
  stabilityEdge,
  type EdgeKind,
  type StabilityEdge,
} from './stability.ts';
export {
  fitSgdSlope,
  sgdBranch,
  sgdLaws,
  sgdLawValue,
  type SgdLawGap,
  type SgdLawRow,
  type SgdLawVerdict,
} from './exponents.ts';
export {
  CRITICAL_COST,
  batchSweep,
  compareSchedules,
  criticalBatch,
  errorAfter,
  etaSweep,
  type BatchSweep,
  type CriticalBatch,
  type EtaSweep,
  type ScheduleResult,
} from './batch.ts';
export { sgdComputeLaw, sgdFrontier, type SgdFrontier } from './frontier.ts';
export {
  MAX_SGD_SIM_DIM,
  sampledTheory,
  simulateSgd,
  simulateSgdSeed,
  type SgdSimOptions,
} from './simulate.ts';
export { MAX_POOL_N, poolKernel, simulatePool, simulatePoolSeed } from './simulatePool.ts';
export type { FiniteNMeasure } from './finiteN.ts';
