// Real-run worker: real kernel regression / random ReLU features on the pool of a data source
// (src/model/real/realRun.ts), draw by draw, reporting progress and the running mean ± s.e.m.;
// under one-pass SGD real SGD on minibatches of the pool (src/model/sgd/simRun.ts), seed by seed.
// The pool is fetched on the first run (the app loads a pool only when the user runs on it) and
// prepared once per (source, kernel, task); the kernel matrix of real SGD is kept with it.
// Cancelling terminates the worker, as for the simulator.
import * as Comlink from 'comlink';
import { prepareReal, runReal, type RealSetup } from '../src/model/real/realRun.ts';
import { ParamError, timeGrid, type Params } from '../src/model/params.ts';
import { inSteps } from '../src/model/regimes.ts';
import { poolSgdRun } from '../src/model/sgd/simRun.ts';
import { POOL_SOURCES, poolSourceOf } from '../src/model/data/sources.ts';
import type { ImagePool } from '../src/model/data/pool.ts';
import type { RealApi } from '../src/protocol/api.ts';
import type { SimResult } from '../src/model/types.ts';
import { attempt } from '../src/protocol/errors.ts';
import { collectBuffers } from '../src/protocol/transfer.ts';
import { loadPool } from './sourceData.ts';

/** Times of the real points: log-spaced over the window, at most this many. */
export const REAL_POINTS = 16;

let setup: RealSetup | null = null;

const api: RealApi = {
  async run(p: Params, onProgress, times) {
    const source = poolSourceOf(p);
    let pool: ImagePool | null = null;
    let failure: unknown = null;
    if (source)
      await loadPool(source)
        .then((x) => (pool = x))
        .catch((e) => (failure = e));
    const env = attempt(() => {
      if (!source)
        throw new ParamError(
          'data',
          `real runs need data = ${POOL_SOURCES.map((s) => s.id).join(' or ')}`,
        );
      if (!pool) throw failure;
      if (!setup || setup.data !== p.data || setup.kernel !== p.kernel || setup.task !== p.task)
        setup = prepareReal(pool, p);
      // Fire and forget: the callback's promise is not awaited, draws keep running.
      const report = (done: number, total: number, partial: SimResult) =>
        void onProgress(done, total, partial);
      // One-pass SGD samples its own steps (poolSimSteps), not times of the window.
      if (inSteps(p.regime)) return poolSgdRun(setup, p, { onSeed: report });
      const t = times ?? timeGrid(p.tmin, p.tmax, Math.min(REAL_POINTS, p.nt));
      return runReal(setup, p, t, { onDraw: report });
    });
    return Comlink.transfer(env, collectBuffers(env));
  },
};

Comlink.expose(api);
