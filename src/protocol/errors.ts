// Turn anything thrown by the engine into a typed, transferable error message.
import { ParamError } from '../model/params.ts';
import type { ComputeError, Envelope } from './messages.ts';

function toComputeError(err: unknown): ComputeError {
  if (err instanceof ParamError) return { kind: 'param', param: err.param, message: err.message };
  if (err instanceof Error) return { kind: 'internal', message: err.message || err.name };
  return { kind: 'internal', message: String(err) };
}

/** Run an engine call, capturing errors in the envelope. */
export function attempt<T>(f: () => T): Envelope<T> {
  try {
    return { ok: true, value: f() };
  } catch (err) {
    return { ok: false, error: toComputeError(err) };
  }
}

/** A worker died while answering. */
export class WorkerCrash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrash';
  }
}

/** The message shown to the user for an error of any origin. */
export function describeError(e: ComputeError): string {
  switch (e.kind) {
    case 'param':
      return `${e.param}: ${e.message}`;
    case 'crash':
      return `The computation stopped unexpectedly (${e.message}). Retry starts it again.`;
    default:
      return e.message;
  }
}
