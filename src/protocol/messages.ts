// The typed contract between the workers and the main thread. Workers never throw across the
// boundary: every call resolves to an envelope, so an engine error reaches the user as a message
// naming the parameter (never a silent NaN).
import type { Params } from '../model/params.ts';

export type ComputeError =
  | { kind: 'param'; param: keyof Params; message: string }
  | { kind: 'internal'; message: string }
  /** The worker died (uncaught error, out of memory); it has been restarted. */
  | { kind: 'crash'; message: string };

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ComputeError };

/** What the main thread asks for. Each kind is scheduled latest-only on its own. */
export type ComputeKind =
  | 'curve'
  | 'modes'
  | 'sweepP'
  | 'sweepN'
  | 'frontier'
  | 'pins'
  | 'simTheory'
  | 'sim'
  /** Measured data: the spectrum plot's data. */
  | 'spectrum'
  /** Measured data: the curve of the fitted power laws (dashed overlay). */
  | 'fitted'
  /** Real points on the scaling panel (real runs at a few P). */
  | 'realSweep'
  /** The phase diagram's fitted grid. */
  | 'phase'
  | 'parts'
  | 'order'
  | 'mode';

export interface SimProgress {
  done: number;
  total: number;
}
