// The exact simulation: one run at a time on the simulation worker, its progress and partial
// aggregate filed in the store after each seed, the theory at the simulation's M requested beside
// it. Starting again supersedes a run; cancelling terminates the worker (a seed cannot be
// interrupted), which the next run restarts.
import * as Comlink from 'comlink';
import type { Params } from '../model/params.ts';
import { simulationModes } from '../model/simulation/simulationModes.ts';
import type { RealApi, SimulateApi } from '../protocol/api.ts';
import { WorkerCrash } from '../protocol/errors.ts';
import { paramsKey } from '../state/pins.ts';
import { windowedParams, type AppStore, type SimRun } from '../state/store.ts';
import { callError, unwrap } from './client.ts';
import type { WorkerPort } from './workerHandle.ts';

/** Merge into the current simulation run, if there is one. */
export function patchSim(store: AppStore, patch: Partial<SimRun>): void {
  const sim = store.getState().results.sim;
  if (sim) store.getState().patchResults({ sim: { ...sim, ...patch } });
}

export interface SimulationRunner {
  start(): Promise<void>;
  cancel(): void;
}

/**
 * `requestTheory` asks for the theory curve of the configuration simulated. With MNIST data the
 * run is real learning on digits, in the `real` worker; otherwise the exact simulator.
 */
export function createSimulationRunner(
  { sim, real }: { sim: WorkerPort<SimulateApi>; real?: WorkerPort<RealApi> },
  store: AppStore,
  requestTheory: (p: Params) => void,
): SimulationRunner {
  const st = () => store.getState();
  let run = 0;

  return {
    async start() {
      sim.stop(new WorkerCrash('superseded'));
      real?.stop(new WorkerCrash('superseded'));
      const mine = ++run;
      const s = st();
      const digits = real && s.params.data === 'mnist' ? real : null;
      // The simulation samples the times of the curve on screen (automatic window included).
      const shown = windowedParams(s);
      const p: Params = digits ? { ...shown } : { ...shown, M: simulationModes(s.params) };
      s.patchResults({
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
      requestTheory(p);
      const onProgress = Comlink.proxy((done: number, total: number, partial: SimRun['result']) => {
        if (mine === run) patchSim(store, { progress: { done, total }, result: partial });
      });
      try {
        const result = digits
          ? await digits.call((api) => unwrap(api.run(p, onProgress)))
          : await sim.call((api) => unwrap(api.run(p, onProgress)));
        if (mine !== run) return;
        patchSim(store, { status: 'done', result, progress: { done: p.seeds, total: p.seeds } });
        st().setStatus('sim', 'ok');
      } catch (err) {
        if (mine !== run) return;
        patchSim(store, { status: 'error' });
        st().setStatus('sim', 'error', callError(err));
      }
    },

    cancel() {
      if (st().results.sim?.status !== 'running') return;
      run++;
      sim.stop(new WorkerCrash('cancelled'));
      real?.stop(new WorkerCrash('cancelled'));
      patchSim(store, { status: 'cancelled' });
      st().setStatus('sim', 'idle');
    },
  };
}
