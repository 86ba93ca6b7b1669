// The compute bridge: a store subscription (outside React) that turns state into worker requests
// and worker answers into store results.
//
// Scheduling: one LatestOnly scheduler per kind (scheduler.ts). The main theory worker serves the
// curve first: modes, pin curves and the simulation's theory curve are only submitted while the
// curve scheduler is idle, so a dragged slider never waits behind them. The sweeps (P and N, ~16
// curves each) and the compute-optimal frontier (~100–300 ms) run on their own worker. A kind is re-requested only when its inputs (a key built
// from the parameters and the view) change, and only while its panel is visible.
import * as Comlink from 'comlink';
import type { Params } from '../model/params.ts';
import type { CurveResult, ModeResult, SizeAxis, SweepAt, SweepResult } from '../model/types.ts';
import { simulationModes } from '../model/simulation/simulationModes.ts';
import { paramsKey } from '../state/pins.ts';
import type { AppStore, SimRun } from '../state/store.ts';
import type { ViewState } from '../state/view.ts';
import { ComputeFailure, createComputeClient, unwrap, type ComputeClient } from './client.ts';
import type { CrashHook } from '../protocol/api.ts';
import { WorkerCrash } from '../protocol/errors.ts';
import { TEST_HOOKS } from '../protocol/testHooks.ts';
import type { ComputeError, ComputeKind } from '../protocol/messages.ts';
import { noteRequest } from './perf.ts';
import { LatestOnly } from './scheduler.ts';

/** Pause in a drag after which the secondary panels (sweeps, modes, pins) are recomputed. */
export const LIVE_PAUSE_MS = 200;

interface SweepReq {
  p: Params;
  axis: SizeAxis;
  at: SweepAt;
  tAt: number;
}

export interface ComputeControls {
  startSimulation(): void;
  cancelSimulation(): void;
  /** Forget what has been computed and request everything again (after a crash). */
  retry(): void;
  /** Test builds only: crash a theory worker. */
  crash?(which: 'main' | 'sweep'): void;
  dispose(): void;
}

function toError(err: unknown): ComputeError {
  if (err instanceof ComputeFailure) return err.error;
  if (err instanceof WorkerCrash) return { kind: 'crash', message: err.message };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

function sweepKey(key: string, view: ViewState): string {
  return `${key}|${view.at}|${view.at === 't' ? view.tAt : ''}`;
}

export function installCompute(store: AppStore, client?: ComputeClient): ComputeControls {
  const c =
    client ??
    createComputeClient((which, message) => {
      // A crash with a call in flight is reported by that call; this covers an idle worker.
      if (which === 'sim') return;
      console.warn(`The ${which} theory worker stopped (${message}); it will be restarted.`);
    });
  const st = () => store.getState();

  // Results are filed under the request's parameters (the engine may normalise the ones it
  // returns, e.g. γ = 0 under gradient flow).
  const handlers = <Req, Res>(
    kind: ComputeKind,
    onResult: (res: Res, id: number, req: Req) => void,
  ) => ({
    onResult(res: Res, id: number, req: Req, latest: boolean) {
      onResult(res, id, req);
      if (latest) st().setStatus(kind, 'ok');
    },
    onError(err: unknown) {
      st().setStatus(kind, 'error', toError(err));
    },
    // A kind fell idle: secondary requests that waited for it may go now.
    onIdle: () => sync(),
  });

  const scheds = {
    curve: new LatestOnly<Params, CurveResult>(
      (p) => c.main.call((api) => unwrap(api.curve(p))),
      handlers<Params, CurveResult>('curve', (curve, id, p) =>
        st().patchResults({ curve, curveId: id, curveKey: paramsKey(p) }),
      ),
    ),
    modes: new LatestOnly<Params, ModeResult>(
      (p) => c.main.call((api) => unwrap(api.modes(p))),
      handlers<Params, ModeResult>('modes', (modes) => st().patchResults({ modes })),
    ),
    sweepP: new LatestOnly<SweepReq, SweepResult>(
      (r) => c.sweep.call((api) => unwrap(api.sweep(r.p, r.axis, r.at, r.tAt))),
      handlers<SweepReq, SweepResult>('sweepP', (sweepP) => st().patchResults({ sweepP })),
    ),
    sweepN: new LatestOnly<SweepReq, SweepResult>(
      (r) => c.sweep.call((api) => unwrap(api.sweep(r.p, r.axis, r.at, r.tAt))),
      handlers<SweepReq, SweepResult>('sweepN', (sweepN) => st().patchResults({ sweepN })),
    ),
    frontier: new LatestOnly<Params, SweepResult>(
      (p) => c.sweep.call((api) => unwrap(api.frontier(p))),
      handlers<Params, SweepResult>('frontier', (frontier) => st().patchResults({ frontier })),
    ),
    // One pin at a time; the next missing pin is requested when this one is answered.
    pins: new LatestOnly<Params, CurveResult>(
      (p) => c.main.call((api) => unwrap(api.curve(p))),
      handlers<Params, CurveResult>('pins', (curve, _id, p) =>
        st().patchResults({
          pinCurves: { ...st().results.pinCurves, [paramsKey(p)]: curve },
        }),
      ),
    ),
    simTheory: new LatestOnly<Params, CurveResult>(
      (p) => c.main.call((api) => unwrap(api.curve(p))),
      handlers<Params, CurveResult>('simTheory', (theory, _id, p) => {
        const sim = st().results.sim;
        if (sim && paramsKey(sim.params) === paramsKey(p)) patchSim({ theory });
      }),
    ),
  };

  // Last key submitted per kind: a kind is requested again only when its key changes.
  const submitted: Partial<Record<keyof typeof scheds, string>> = {};
  const request = <K extends keyof typeof scheds>(
    kind: K,
    key: string,
    req: Parameters<(typeof scheds)[K]['submit']>[0],
  ) => {
    if (submitted[kind] === key) return;
    submitted[kind] = key;
    st().setStatus(kind, 'pending');
    const id = (scheds[kind] as LatestOnly<typeof req, unknown>).submit(req);
    if (kind === 'curve') noteRequest(id);
  };

  // While a slider is dragged only the curve follows live; the other panels catch up when the
  // drag pauses for LIVE_PAUSE_MS or ends. On two cores a sweep worker busy during the drag
  // would take CPU from the main thread and from the curve's worker.
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  let paused = true;

  function sync(): void {
    const s = st();
    const key = paramsKey(s.params);
    request('curve', key, s.params);
    if (!paused) return;
    const panels = s.view.panels;
    // The frontier depends on the parameters only (not on the view's at / tAt).
    if (panels.includes('frontier')) request('frontier', key, s.params);
    for (const axis of ['P', 'N'] as const) {
      if (panels.includes(axis === 'P' ? 'scalingP' : 'scalingN')) {
        const req: SweepReq = { p: s.params, axis, at: s.view.at, tAt: s.view.tAt };
        request(axis === 'P' ? 'sweepP' : 'sweepN', sweepKey(key, s.view), req);
      }
    }
    // Secondary requests on the main worker wait until the curve is answered.
    if (scheds.curve.busy) return;
    if (panels.includes('modes')) request('modes', key, s.params);
    if (!scheds.pins.busy) {
      const missing = s.pins.find((p) => {
        const k = paramsKey(p);
        return !(k in s.results.pinCurves) && !(k === submitted.pins && s.results.errors.pins);
      });
      if (missing) request('pins', paramsKey(missing), missing);
    }
  }

  // Prune pin curves that no pin uses any more.
  function prunePins(): void {
    const s = st();
    const keep = new Set(s.pins.map(paramsKey));
    const cur = s.results.pinCurves;
    if (Object.keys(cur).every((k) => keep.has(k))) return;
    const pinCurves = Object.fromEntries(Object.entries(cur).filter(([k]) => keep.has(k)));
    s.patchResults({ pinCurves });
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.pins !== prev.pins) prunePins();
    if (s.urlIntent.seq !== prev.urlIntent.seq) {
      clearTimeout(liveTimer);
      paused = s.urlIntent.mode !== 'replace';
      if (!paused) {
        liveTimer = setTimeout(() => {
          paused = true;
          sync();
        }, LIVE_PAUSE_MS);
      }
    }
    if (s.params !== prev.params || s.view !== prev.view || s.pins !== prev.pins) sync();
    else if (paused && s.urlIntent.seq !== prev.urlIntent.seq) sync();
  });

  // --- simulation -------------------------------------------------------------------------------
  let simRun = 0;
  function patchSim(patch: Partial<SimRun>): void {
    const sim = st().results.sim;
    if (sim) st().patchResults({ sim: { ...sim, ...patch } });
  }

  async function startSimulation(): Promise<void> {
    c.sim.stop(new WorkerCrash('superseded'));
    const run = ++simRun;
    const s = st();
    const p: Params = { ...s.params, M: simulationModes(s.params) };
    st().patchResults({
      sim: {
        params: p,
        key: paramsKey(s.params),
        status: 'running',
        progress: { done: 0, total: p.seeds },
        result: null,
        theory: null,
      },
    });
    st().setStatus('sim', 'pending');
    submitted.simTheory = undefined;
    request('simTheory', paramsKey(p), p);
    const onProgress = Comlink.proxy((done: number, total: number, partial: SimRun['result']) => {
      if (run === simRun) patchSim({ progress: { done, total }, result: partial });
    });
    try {
      const result = await c.sim.call((api) => unwrap(api.run(p, onProgress)));
      if (run !== simRun) return;
      patchSim({ status: 'done', result, progress: { done: p.seeds, total: p.seeds } });
      st().setStatus('sim', 'ok');
    } catch (err) {
      if (run !== simRun) return;
      patchSim({ status: 'error' });
      st().setStatus('sim', 'error', toError(err));
    }
  }

  function cancelSimulation(): void {
    if (st().results.sim?.status !== 'running') return;
    simRun++;
    c.sim.stop(new WorkerCrash('cancelled'));
    patchSim({ status: 'cancelled' });
    st().setStatus('sim', 'idle');
  }

  c.main.warm();
  c.sweep.warm();
  sync();

  return {
    startSimulation: () => void startSimulation(),
    cancelSimulation,
    retry() {
      for (const k of Object.keys(submitted)) delete submitted[k as keyof typeof scheds];
      sync();
    },
    ...(TEST_HOOKS && {
      crash(which: 'main' | 'sweep') {
        void c[which].call((api) => (api as unknown as Comlink.Remote<CrashHook>).crash());
      },
    }),
    dispose() {
      clearTimeout(liveTimer);
      unsubscribe();
      c.main.stop();
      c.sweep.stop();
      c.sim.stop();
    },
  };
}
