// Simulation worker: runs the exact finite-size simulator seed by seed (src/model/simulate.ts),
// reporting progress and the running aggregate after each seed. Cancelling terminates the worker
// (the client starts a fresh one), which is robust however long a seed takes.
import * as Comlink from 'comlink';
import { aggregateSeeds, simulateSeed } from '../src/model/simulation/simulate.ts';
import type { Params } from '../src/model/params.ts';
import { simulationTimes } from '../src/model/simulation/sampleTimes.ts';
import type { SimulateApi } from '../src/protocol/api.ts';
import { attempt } from '../src/protocol/errors.ts';
import { collectBuffers } from '../src/protocol/transfer.ts';

const api: SimulateApi = {
  run(p: Params, onProgress, extras = {}) {
    const env = attempt(() => {
      const t0 = performance.now();
      const t = simulationTimes(p);
      const runs: ReturnType<typeof simulateSeed>[] = [];
      const modes = extras.modes ?? [];
      for (let i = 0; i < p.seeds; i++) {
        runs.push(simulateSeed(p, t, p.seed, i, extras));
        // Fire and forget: the callback's promise is not awaited, seeds keep running.
        void onProgress(i + 1, p.seeds, aggregateSeeds(runs, t, performance.now() - t0, modes));
      }
      return aggregateSeeds(runs, t, performance.now() - t0, modes);
    });
    return Comlink.transfer(env, collectBuffers(env));
  },
};

Comlink.expose(api);
