// The typed contract between the workers and the main thread. Workers never throw across the
// boundary: every call resolves to an envelope, so an engine error reaches the user as a message
// naming the parameter (never a silent NaN).
import type { Params } from '../model/params.ts';

export type ComputeError =
  | { kind: 'param'; param: keyof Params; message: string }
  | { kind: 'internal'; message: string }
  /** The worker died (uncaught error, out of memory, failed load) or hung; Retry starts a new one. */
  | { kind: 'crash'; message: string };

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ComputeError };

export interface SimProgress {
  done: number;
  total: number;
}
