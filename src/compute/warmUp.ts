// Warming the curve's worker. A fresh worker runs the engine's inner loops in V8's baseline tiers
// until they are hot: measured in Chromium here, the first ~20 curves of a page's first drag took
// about twice as long to compute as the ones after (9–13 ms against 5 ms). So once the page has
// settled (the drag gate paused and nothing waiting on the worker) the worker computes a few
// curves at the state's parameters whose answers nobody reads, one call at a time: a request that
// arrives meanwhile waits at most one of them. It stops for good after `curves` of them, or at the
// first failure (a crash is the next real call's to report; that call starts a fresh worker).
import type { Params } from '../model/params.ts';
import type { TheoryApi } from '../protocol/api.ts';
import type { Envelope } from '../protocol/messages.ts';
import { cancelIdle, requestIdle } from './idle.ts';
import { noteWarmUp } from './perf.ts';
import type { WorkerPort } from './workerHandle.ts';

/** Curves computed to warm a worker: past the JIT's warm-up measured in Chromium (~20). */
export const WARM_CURVES = 24;
/** Longest wait for an idle page before a warm-up curve is asked for anyway. */
const IDLE_WAIT_MS = 1000;

export interface WarmUp {
  /** Compute the next warm-up curve once the page is idle, if the worker is idle too. */
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
  let waiting: number | undefined;
  const over = () => failed || done >= curves;

  function run(): void {
    waiting = undefined;
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

  // The page's own work (the first render, the panels' catch-up) goes first.
  function poke(): void {
    if (running || waiting !== undefined || over() || !idle()) return;
    waiting = requestIdle(run, { timeout: IDLE_WAIT_MS });
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
      if (waiting !== undefined) cancelIdle(waiting);
      waiting = undefined;
      failed = true;
    },
  };
}
