// Warming the curve's worker. A fresh worker runs the engine's inner loops in V8's baseline tiers
// until they are hot: measured in Chromium here, the first ~20 curves of a page's first drag took
// about twice as long to compute as the ones after (9–13 ms against 5 ms). So as soon as the
// worker has answered the page's first requests (the curve and the panels' on the same worker;
// no drag going on) it computes a few curves at the state's parameters whose answers nobody
// reads, one call at a time: a request that arrives meanwhile waits at most one of them (at load,
// 20–50 ms for the first few, then 3–10 ms). It stops for good after `curves` of them, or at the
// first failure (a crash is the next real call's to report; that call starts a fresh worker).
// The warm-up curves do not use the worker's κ cache (theoryApi.ts): they run the solver.
import type { Params } from '../model/params.ts';
import type { TheoryApi } from '../protocol/api.ts';
import type { Envelope } from '../protocol/messages.ts';
import { noteWarmUp } from './perf.ts';
import type { WorkerPort } from './workerHandle.ts';

/** Curves computed to warm a worker: past the JIT's warm-up measured in Chromium (~20). */
export const WARM_CURVES = 24;

export interface WarmUp {
  /** Ask for the next warm-up curve if the worker is idle (and warm-up not over). */
  poke(): void;
  /** Curves computed so far. */
  readonly done: number;
  /** Warm-up is over (done, or stopped by a failure): it never calls again. */
  readonly over: boolean;
  dispose(): void;
}

export function createWarmUp(
  port: WorkerPort<TheoryApi>,
  {
    curves = WARM_CURVES,
    idle,
    params,
  }: {
    curves?: number;
    /** Nothing is waiting on the worker and no drag goes on. */
    idle: () => boolean;
    /** The parameters to warm with (the state's: its regime's code paths get hot). */
    params: () => Params;
  },
): WarmUp {
  let done = 0;
  let failed = false;
  /** A warm-up curve is asked for or being computed. */
  let running = false;
  const over = () => failed || done >= curves;

  function poke(): void {
    if (running || over() || !idle()) return;
    running = true;
    port
      .call<Envelope<number>>((api) => api.warmUp(params()))
      .then(
        (env) => {
          if (!env.ok) failed = true;
          else {
            done++;
            noteWarmUp(env.value);
          }
        },
        () => {
          failed = true;
        },
      )
      .finally(() => {
        running = false;
        poke();
      });
  }

  return {
    poke,
    get done() {
      return done;
    },
    get over() {
      return over();
    },
    dispose() {
      failed = true;
    },
  };
}
