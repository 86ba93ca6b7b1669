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

export interface TheoryApi {
  curve(p: Params): Envelope<CurveResult>;
  modes(p: Params): Envelope<ModeResult>;
  sweep(p: Params, axis: SizeAxis, at: SweepAt, tFixed: number): Envelope<SweepResult>;
  /** The compute-optimal frontier as a sweep over C = N·t. */
  frontier(p: Params): Envelope<SweepResult>;
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

/** Real runs on the digit pool: `dataUrl` is the URL of the folder holding the digit assets. */
export interface RealApi {
  run(p: Params, dataUrl: string, onProgress: SimProgressCallback): Promise<Envelope<SimResult>>;
}
