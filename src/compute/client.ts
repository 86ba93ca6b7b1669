// The workers: two theory workers (one for the main curve, modes and pins, so the curve stays
// instant; one for the sweeps, which take ~16 curves each), the simulation workers (one per core
// but one, started only when a simulation runs) and the real-run worker.
import type { RealApi, RunFitApi, SimulateApi, TheoryApi } from '../protocol/api.ts';
import { WorkerCrash } from '../protocol/errors.ts';
import type { WorkerName } from '../protocol/kinds.ts';
import type { ComputeError, Envelope } from '../protocol/messages.ts';
import { simWorkerCount } from './seedPool.ts';
import { WorkerHandle, type WorkerPort } from './workerHandle.ts';

export type { WorkerName };

/**
 * The theory workers' watchdog: the longest a call may take before the worker is taken for hung.
 * The slowest theory calls (a sweep or the frontier on a file of a million modes, a phase
 * column) take seconds; a minute is far beyond them on a slow machine. The test build shortens it.
 */
export const watchdog = { theoryMs: 60_000 };

export interface ComputeClient {
  main: WorkerPort<TheoryApi>;
  sweep: WorkerPort<TheoryApi>;
  /** The phase diagram's fitted grid (started when its panel is first shown). */
  phase: WorkerPort<TheoryApi>;
  /** The simulation workers; a run uses the first simWorkerCount(cores, seeds) of them. */
  sims: readonly WorkerPort<SimulateApi>[];
  /** Real runs on a pool of images (started only when the user runs them). */
  real: WorkerPort<RealApi>;
  /** Real points of the scaling panel (a worker of its own: it runs beside a real run). */
  realSweep: WorkerPort<RealApi>;
  /** Fitting a user's runs (started when the user first fits). */
  fit: WorkerPort<RunFitApi>;
}

export function createComputeClient(
  onCrash: (which: WorkerName, message: string) => void,
  cores: number | undefined = globalThis.navigator?.hardwareConcurrency,
): ComputeClient {
  // The `new Worker(new URL(…), { type: 'module' })` form is what Vite bundles as a worker.
  return {
    main: new WorkerHandle<TheoryApi>(
      () =>
        new Worker(new URL('../../workers/theory.worker.ts', import.meta.url), {
          type: 'module',
          name: 'theory-main',
        }),
      { onCrash: (m) => onCrash('main', m), answerWithinMs: () => watchdog.theoryMs },
    ),
    sweep: new WorkerHandle<TheoryApi>(
      () =>
        new Worker(new URL('../../workers/theory.worker.ts', import.meta.url), {
          type: 'module',
          name: 'theory-sweep',
        }),
      { onCrash: (m) => onCrash('sweep', m), answerWithinMs: () => watchdog.theoryMs },
    ),
    phase: new WorkerHandle<TheoryApi>(
      () =>
        new Worker(new URL('../../workers/theory.worker.ts', import.meta.url), {
          type: 'module',
          name: 'theory-phase',
        }),
      { onCrash: (m) => onCrash('phase', m), answerWithinMs: () => watchdog.theoryMs },
    ),
    // Handles are lazy: a worker starts at its first call, so unused ones cost nothing.
    sims: Array.from(
      { length: simWorkerCount(cores, Infinity) },
      (_, i) =>
        new WorkerHandle<SimulateApi>(
          () =>
            new Worker(new URL('../../workers/simulate.worker.ts', import.meta.url), {
              type: 'module',
              name: `simulate-${i}`,
            }),
          { onCrash: (m) => onCrash('sim', m) },
        ),
    ),
    real: new WorkerHandle<RealApi>(
      () =>
        new Worker(new URL('../../workers/real.worker.ts', import.meta.url), {
          type: 'module',
          name: 'real',
        }),
      { onCrash: (m) => onCrash('real', m) },
    ),
    realSweep: new WorkerHandle<RealApi>(
      () =>
        new Worker(new URL('../../workers/real.worker.ts', import.meta.url), {
          type: 'module',
          name: 'real-sweep',
        }),
      { onCrash: (m) => onCrash('realSweep', m) },
    ),
    fit: new WorkerHandle<RunFitApi>(
      () =>
        new Worker(new URL('../../workers/runfit.worker.ts', import.meta.url), {
          type: 'module',
          name: 'runfit',
        }),
      // No watchdog: a fit takes seconds by design; Cancel stops it.
      { onCrash: (m) => onCrash('fit', m) },
    ),
  };
}

/** An engine error carried out of an envelope. */
export class ComputeFailure extends Error {
  constructor(readonly error: ComputeError) {
    super(error.message);
    this.name = 'ComputeFailure';
  }
}

export async function unwrap<T>(p: Promise<Envelope<T>>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new ComputeFailure(env.error);
  return env.value;
}

/** The error of a failed worker call, as the store keeps it. */
export function callError(err: unknown): ComputeError {
  if (err instanceof ComputeFailure) return err.error;
  if (err instanceof WorkerCrash) return { kind: 'crash', message: err.message };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
