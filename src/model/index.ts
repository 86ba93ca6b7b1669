// The theory engine's public surface: pure functions of the parameters (no DOM, React or store).
export * from './params.ts';
export type * from './types.ts';
export { computeCurve, type CurveOptions } from './theory/curve.ts';
export { computeModeDetail, computeModes } from './theory/modes.ts';
export { computeOrder } from './theory/order.ts';
export { computeSweep, errorAt, type SweepOptions } from './theory/sweep.ts';
export { computeLimit } from './theory/limits.ts';
export { makeEngine } from './theory/engine.ts';
export { predictedExponents, fitTimeExponent } from './theory/exponents.ts';
export { exponentLaws, lawValue } from './theory/laws.ts';
export { fitPowerLaw, localSlopes } from './theory/fit.ts';
