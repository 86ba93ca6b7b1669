// The app and the CLI simulate the same time grid for the same link: the app's simulation runner
// with its worker (run here in-process, comlink stubbed) and `--simulate --url` sample at the
// same times.
import { describe, expect, it, vi } from 'vitest';
import type * as Comlink from 'comlink';
import { createSimulationRunner } from '../../src/compute/simulation.ts';
import type { WorkerPort } from '../../src/compute/workerHandle.ts';
import { createAppStore } from '../../src/state/store.ts';
import { SIM_POINTS, simulationTimes } from '../../src/model/simulation/sampleTimes.ts';
import type { SimulateApi } from '../../src/protocol/api.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { cli } from './run.ts';

const exposed = vi.hoisted(() => ({ api: null as unknown }));
vi.mock('comlink', () => ({
  expose: (api: unknown) => {
    exposed.api = api;
  },
  transfer: <T>(value: T) => value,
}));

/** What the app's simulation samples for a link (a manual window: the link's tmin, tmax). */
async function appTimes(link: string): Promise<number[]> {
  await import('../../workers/simulate.worker.ts');
  const api = exposed.api as Comlink.Remote<SimulateApi>;
  const worker: WorkerPort<SimulateApi> = { call: (f) => f(api), stop() {}, warm() {} };
  const store = createAppStore(parseUrlState(link).state);
  await createSimulationRunner({ sims: [worker] }, store, () => {}).start();
  const r = store.getState().results.sim?.result;
  if (!r) throw new Error('no simulation result');
  expect(r.EgMean).toHaveLength(r.t.length);
  return Array.from(r.t);
}

function cliTimes(link: string): number[] {
  const r = cli('--simulate', '--format', 'json', '--url', link);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out).t;
}

describe('simulation time grid', () => {
  it.each([
    [
      'more times than SIM_POINTS',
      '?v=1&regime=gf&P=16&N=16&M=64&tmin=0.1&tmax=1000&nt=60&seeds=1',
    ],
    ['fewer', '?v=1&regime=wd&gamma=0.01&P=16&N=16&M=64&tmin=0.5&tmax=50&nt=5&seeds=1'],
  ])('%s: the worker and --simulate --url sample the same times', async (_, link) => {
    const app = await appTimes(link);
    expect(cliTimes(link)).toEqual(app);
    const { params } = parseUrlState(link).state;
    expect(app).toHaveLength(Math.min(SIM_POINTS, params.nt));
    expect(app).toEqual(Array.from(simulationTimes(params)));
  });
});
