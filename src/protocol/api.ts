// The methods each worker exposes through comlink. The workers implement these interfaces and the
// compute clients call them, so neither side imports the other.
import type { Params } from '../model/params.ts';
import type {
  CurveResult,
  ModeResult,
  SimResult,
  SizeAxis,
  SweepAt,
  SweepResult,
} from '../model/types.ts';
import type { Envelope } from './messages.ts';
import type { SpectrumView } from '../model/theory/dataSpectra.ts';

// Theory calls are asynchronous: with MNIST data the worker first fetches the measured spectrum.
export interface TheoryApi {
  curve(p: Params): Promise<Envelope<CurveResult>>;
  /** Measured data: the curve of the fitted power laws (dashed overlay). */
  fittedCurve(p: Params): Promise<Envelope<CurveResult>>;
  /** Measured data: eigenvalues, target powers and fitted laws for the spectrum plot. */
  spectrum(p: Params): Promise<Envelope<SpectrumView | null>>;
  modes(p: Params): Promise<Envelope<ModeResult>>;
  sweep(p: Params, axis: SizeAxis, at: SweepAt, tFixed: number): Promise<Envelope<SweepResult>>;
  /** The compute-optimal frontier as a sweep over C = N·t. */
  frontier(p: Params): Promise<Envelope<SweepResult>>;
}

/** Test builds only: the theory worker also answers this, with an uncaught error outside any
 * call, as a real crash would be. */
export interface CrashHook {
  crash(): void;
}

/** Progress of a simulation: seeds done, seeds in all, and the aggregate so far. */
export type SimProgressCallback = (done: number, total: number, partial: SimResult) => void;

export interface SimulateApi {
  run(p: Params, onProgress: SimProgressCallback): Envelope<SimResult>;
}

/** Real runs on the digit pool (the worker fetches the pool on its first run). */
export interface RealApi {
  run(p: Params, onProgress: SimProgressCallback): Promise<Envelope<SimResult>>;
}
