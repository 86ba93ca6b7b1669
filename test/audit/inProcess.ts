// A compute client for the audit: the app's own compute bridge (src/compute/bridge.ts) over
// in-process stand-ins of the workers that run the real engine, the theory API the worker
// exposes (workers/theoryApi.ts) and the exact simulator, synchronously inside a promise. It
// counts the calls in flight, so the audit knows when a state has settled.
import type * as Comlink from 'comlink';
import type { ComputeClient } from '../../src/compute/client.ts';
import type { WorkerPort } from '../../src/compute/workerHandle.ts';
import { runFitJob } from '../../src/model/runfit/job.ts';
import { simulateSeed } from '../../src/model/simulation/simulate.ts';
import { simulationTimes } from '../../src/model/simulation/sampleTimes.ts';
import type { Params } from '../../src/model/params.ts';
import type { RealApi, RunFitApi, SimulateApi, SimulateExtras } from '../../src/protocol/api.ts';
import { attempt } from '../../src/protocol/errors.ts';
import { WorkerCrash } from '../../src/protocol/errors.ts';
import { theoryApi } from '../../workers/theoryApi.ts';
import { registerMeasured } from '../helpers/mnistSpectra.ts';
import { findSource } from '../../src/model/data/sources.ts';
import type { KernelKey } from '../../src/model/data/kernels.ts';
import type { TaskKey } from '../../src/model/data/tasks.ts';
import { hasSpectrum, spectrumKey } from '../../src/model/theory/dataSpectra.ts';
import { prepareReal, type RealSetup } from '../../src/model/real/realRun.ts';
import { inSteps } from '../../src/model/regimes.ts';
import { poolSgdRun } from '../../src/model/sgd/simRun.ts';
import { committedPool } from '../helpers/digitAssets.ts';

let setup: RealSetup | null = null;

/** The committed pool of the parameters' source, prepared once per (source, kernel, task). */
function poolSetup(p: Params): RealSetup {
  if (!setup || setup.data !== p.data || setup.kernel !== p.kernel || setup.task !== p.task)
    setup = prepareReal(committedPool(p.data), p);
  return setup;
}

export interface InProcess {
  client: ComputeClient;
  /** Calls not answered yet. */
  inFlight(): number;
  /** Calls made so far, per method. */
  calls: Map<string, number>;
}

/** Register the committed spectra of a pool source the parameters choose (the worker fetches them). */
async function ensureSpectrum(p: Params): Promise<void> {
  const key = spectrumKey(p);
  if (key === null || hasSpectrum(key) || findSource(p)?.spectrum !== 'assets') return;
  registerMeasured(p.data, p.kernel as KernelKey, p.task as TaskKey);
}

export function inProcessClient(opts: { phase?: (method: string) => boolean } = {}): InProcess {
  let inFlight = 0;
  const calls = new Map<string, number>();
  const theory = theoryApi({ ensureSpectrum, send: (e) => e });
  const sim: SimulateApi = {
    seed: (p: Params, index: number, extras: SimulateExtras = {}) =>
      attempt(() => simulateSeed(p, simulationTimes(p), p.seed, index, extras)),
  };
  // Real runs on the digits need the pool and minutes of CPU: they never answer here, except
  // real SGD on its minibatches (one-pass SGD, seconds), run as the real-run worker runs it.
  const never: RealApi = { run: () => new Promise(() => {}) };
  const real: RealApi = {
    run: (p, onProgress) =>
      inSteps(p.regime)
        ? Promise.resolve(attempt(() => poolSgdRun(poolSetup(p), p, { onSeed: onProgress })))
        : never.run(p, onProgress),
  };
  // A user's file of runs (states.ts auditRunsCsv) fitted as the fit worker does.
  const fit: RunFitApi = {
    fit: (source, options, onProgress) =>
      Promise.resolve(
        attempt(() => runFitJob(typeof source === 'string' ? source : '', options, { onProgress })),
      ),
  };

  function port<Api extends object>(api: Api, name: string): WorkerPort<Api> {
    let stopped: ((e: Error) => void)[] = [];
    return {
      call<T>(f: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
        inFlight++;
        const counted = new Proxy(api, {
          get(target, method) {
            const k = `${name}.${String(method)}`;
            calls.set(k, (calls.get(k) ?? 0) + 1);
            return Reflect.get(target, method);
          },
        });
        return new Promise<T>((resolve, reject) => {
          stopped.push(reject);
          Promise.resolve()
            .then(() => f(counted as unknown as Comlink.Remote<Api>))
            .then(resolve, reject);
        }).finally(() => inFlight--);
      },
      stop(reason = new WorkerCrash('stopped')) {
        const s = stopped;
        stopped = [];
        s.forEach((r) => r(reason));
      },
      warm() {},
    };
  }
  void opts;
  return {
    client: {
      main: port(theory, 'main'),
      sweep: port(theory, 'sweep'),
      phase: port(theory, 'phase'),
      sims: [port(sim, 'sim')],
      real: port(real, 'real'),
      realSweep: port(never, 'realSweep'),
      fit: port(fit, 'fit'),
    },
    inFlight: () => inFlight,
    calls,
  };
}
