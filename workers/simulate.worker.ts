// Simulation worker: runs one seed of the exact finite-size simulator at a time
// (src/model/simulation/simulate.ts). The client spreads the seeds of a run over several such
// workers and aggregates them; cancelling terminates the workers (a seed cannot be interrupted),
// which is robust however long a seed takes.
import * as Comlink from 'comlink';
import { simulateSeed } from '../src/model/simulation/simulate.ts';
import type { Params } from '../src/model/params.ts';
import { simulationTimes } from '../src/model/simulation/sampleTimes.ts';
import { inSteps } from '../src/model/regimes.ts';
import { sgdSimSeed } from '../src/model/sgd/simRun.ts';
import type { SimulateApi } from '../src/protocol/api.ts';
import { attempt } from '../src/protocol/errors.ts';
import { collectBuffers } from '../src/protocol/transfer.ts';

const api: SimulateApi = {
  seed(p: Params, index: number, extras = {}) {
    // One-pass SGD: real SGD with sampled A at its own steps (docs/theory.md §9.6).
    const env = attempt(() =>
      inSteps(p.regime)
        ? sgdSimSeed(p, index)
        : simulateSeed(p, simulationTimes(p), p.seed, index, extras),
    );
    return Comlink.transfer(env, collectBuffers(env));
  },
};

Comlink.expose(api);
