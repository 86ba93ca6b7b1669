// The exact simulation: one run at a time, its seeds spread over the simulation workers
// (seedPool.ts), its progress (seeds done) and partial aggregate filed in the store after each
// seed, the theory at the simulation's M requested beside it. Starting again supersedes a run;
// cancelling terminates the workers (a seed cannot be interrupted), which the next run restarts.
import * as Comlink from 'comlink';
import type { Params } from '../model/params.ts';
import { runKind } from '../model/data/sources.ts';
import { inSteps } from '../model/regimes.ts';
import { poolSimN } from '../model/sgd/simSteps.ts';
import { aggregateSeeds } from '../model/simulation/simulate.ts';
import { simulationModes } from '../model/simulation/simulationModes.ts';
import { sampleTimesOf } from '../model/simulation/sampleTimes.ts';
import type { SeedErrors } from '../model/simulation/evaluate.ts';
import type { RealApi, SimulateApi, SimulateExtras } from '../protocol/api.ts';
import type { SimResult } from '../model/types.ts';
import { WorkerCrash } from '../protocol/errors.ts';
import { paramsKey } from '../state/pins.ts';
import { windowedParams, type AppData, type AppStore, type SimRun } from '../state/store.ts';
import { inspectedMode } from './plan.ts';
import { callError, unwrap } from './client.ts';
import { doneInOrder, runSeeds, simWorkerCount } from './seedPool.ts';
import type { WorkerPort } from './workerHandle.ts';

/** Merge into the current simulation run, if there is one. */
export function patchSim(store: AppStore, patch: Partial<SimRun>): void {
  const sim = store.getState().results.sim;
  if (sim) store.getState().patchResults({ sim: { ...sim, ...patch } });
}

/** Modes every simulation with the mode inspector open reads out (besides the inspected one). */
export const SIM_READOUT_MODES: readonly number[] = [1, 3, 10, 30, 100, 300, 1000];

/**
 * What the run reports beyond E_g: per-mode means for the mode inspector (the inspected mode and
 * a fixed log-spaced set, within the simulation's M), the parts of E_g for the decomposition.
 */
export function simulationExtras(s: AppData, M: number): SimulateExtras {
  const panels = s.view.panels;
  const extras: SimulateExtras = {};
  if (panels.includes('decomposition')) extras.parts = true;
  if (panels.includes('inspector')) {
    const ks = new Set([...SIM_READOUT_MODES, inspectedMode(s)]);
    extras.modes = [...ks].filter((k) => k <= M).sort((a, b) => a - b);
  }
  return extras;
}

/**
 * The configuration a run on a pool trains: under one-pass SGD at the N real SGD on the pool
 * runs (poolSimN: the kernel limit above its cap), so that its theory is the one it is compared
 * with; otherwise the configuration shown.
 */
export function poolRunParams(shown: Params): Params {
  return inSteps(shown.regime) ? { ...shown, N: poolSimN(shown) } : { ...shown };
}

export interface SimulationRunner {
  start(): Promise<void>;
  cancel(): void;
}

/** The exact simulator's seeds on `sims` (as many as the machine's cores allow), in seed order. */
async function simulateOnWorkers(
  sims: readonly WorkerPort<SimulateApi>[],
  cores: number | undefined,
  p: Params,
  extras: SimulateExtras,
  onProgress: (done: number, total: number, partial: SimResult) => void,
): Promise<SimResult> {
  const t = sampleTimesOf(p);
  const t0 = performance.now();
  const workers = sims.slice(0, simWorkerCount(cores, p.seeds));
  const aggregate = (runs: SeedErrors[]) =>
    aggregateSeeds(runs, t, performance.now() - t0, extras.modes);
  const runs = await runSeeds(
    workers,
    p.seeds,
    (w, i) => w.call((api) => unwrap(api.seed(p, i, extras))),
    (done, results) => onProgress(done, p.seeds, aggregate(doneInOrder(results))),
  );
  return aggregate(runs);
}

/**
 * `requestTheory` asks for the theory curve of the configuration simulated. On a source with a
 * pool of images (src/model/data/sources.ts) the run is real learning on it, in the `real` worker; otherwise the exact simulator, its seeds
 * on min(cores − 1, seeds) of `sims` (at least one).
 */
export function createSimulationRunner(
  { sims, real }: { sims: readonly WorkerPort<SimulateApi>[]; real?: WorkerPort<RealApi> },
  store: AppStore,
  requestTheory: (p: Params) => void,
  cores: number | undefined = globalThis.navigator?.hardwareConcurrency,
): SimulationRunner {
  const st = () => store.getState();
  let run = 0;
  const stopAll = (reason: string) => {
    sims.forEach((w) => w.stop(new WorkerCrash(reason)));
    real?.stop(new WorkerCrash(reason));
  };

  return {
    async start() {
      // A spectrum file has no data to draw samples from (the box says so; `r` does nothing).
      const kind = runKind(st().params);
      if (kind === null) return;
      // Only a run in progress is superseded: idle workers keep what they loaded (the real-run
      // worker its pool and kernel matrix, docs/theory.md §9.6).
      if (st().results.sim?.status === 'running') stopAll('superseded');
      const mine = ++run;
      const s = st();
      const pool = real && kind === 'real' ? real : null;
      // The simulation samples the times of the curve on screen (automatic window included).
      const shown = windowedParams(s);
      const p: Params = pool ? poolRunParams(shown) : { ...shown, M: simulationModes(s.params) };
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
      const onProgress = (done: number, total: number, partial: SimResult) => {
        if (mine === run) patchSim(store, { progress: { done, total }, result: partial });
      };
      try {
        const result = pool
          ? await pool.call((api) => unwrap(api.run(p, Comlink.proxy(onProgress))))
          : await simulateOnWorkers(sims, cores, p, simulationExtras(s, p.M), onProgress);
        if (mine !== run) return;
        patchSim(store, { status: 'done', result, progress: { done: p.seeds, total: p.seeds } });
        st().setStatus('sim', 'ok');
      } catch (err) {
        if (mine !== run) return;
        // Seeds still running on other workers are of no use any more.
        stopAll('failed');
        patchSim(store, { status: 'error' });
        st().setStatus('sim', 'error', callError(err));
      }
    },

    cancel() {
      if (st().results.sim?.status !== 'running') return;
      run++;
      stopAll('cancelled');
      patchSim(store, { status: 'cancelled' });
      st().setStatus('sim', 'idle');
    },
  };
}
