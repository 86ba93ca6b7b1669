// The app and the CLI simulate the same time grid for the same link: the simulation worker (run
// here with comlink stubbed) and `--simulate --url` sample at the same times.
import { describe, expect, it, vi } from 'vitest';
import { simulationModes } from '../../src/model/simulation/simulationModes.ts';
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

/** What the app's simulation worker samples for a link (the bridge sets M as simulationModes). */
async function appTimes(link: string): Promise<number[]> {
  await import('../../workers/simulate.worker.ts');
  const { params } = parseUrlState(link).state;
  const env = (exposed.api as SimulateApi).run({ ...params, M: simulationModes(params) }, () => {});
  if (!env.ok) throw new Error(env.error.message);
  return Array.from(env.value.t);
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
