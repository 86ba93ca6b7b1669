// The theory engine's public surface: pure functions of the parameters (no DOM, React or store).
export * from './params.ts';
export type * from './types.ts';
export { computeCurve, type CurveOptions } from './curve.ts';
export { computeModes } from './modes.ts';
export { computeSweep, errorAt, type SweepOptions } from './sweep.ts';
export { computeLimit } from './limits.ts';
export { makeEngine } from './engine.ts';
export { predictedExponents, fitTimeExponent } from './exponents.ts';
export { fitPowerLaw, localSlopes } from './fit.ts';
