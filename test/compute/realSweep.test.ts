// Real points of the P scaling panel: one P after another, each point filed as it arrives, with
// progress over all draws; cancel stops the worker and keeps the points so far. And the custom
// spectrum reaches each theory worker instance once per file.
import { describe, expect, it } from 'vitest';
import { createRealSweepRunner, realSweepKey } from '../../src/compute/realSweep.ts';
import { customAware } from '../../src/compute/customSpectrum.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { realSweepPlan, realSweepPoint } from '../../src/model/real/realSweep.ts';
import type { SimResult, SweepResult } from '../../src/model/types.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush } from './fakeClient.ts';

const result = (mean: number[], t: number[]): SimResult =>
  ({
    t: Float64Array.from(t),
    EgMean: Float64Array.from(mean),
    EgSem: Float64Array.from(mean, (m) => m / 10),
  }) as SimResult;

function setup() {
  const fake = fakeClient();
  const sweepP = { x: Float64Array.of(10, 30, 100, 300) } as SweepResult;
  const store = createAppStore({
    params: { ...DEFAULT_PARAMS, data: 'mnist', seeds: 3, N: Infinity },
  });
  store.getState().patchResults({ sweepP });
  const runner = createRealSweepRunner(fake.client.realSweep, store);
  return { fake, store, runner, run: () => store.getState().results.realSweep };
}

describe('real points on the scaling panel', () => {
  it('plan: the sizes inside the sweep; times by where the sweep is evaluated', () => {
    expect(realSweepPlan([10, 1000], 'inf', 0)).toEqual({
      P: [50, 100, 200, 400, 800],
      times: Float64Array.of(Infinity),
    });
    expect(realSweepPlan([60, 500], 't', 30).P).toEqual([100, 200, 400]);
    expect(Array.from(realSweepPlan([60, 500], 't', 30).times)).toEqual([30]);
    const grid = realSweepPlan([60, 500], 'tstar', 0).times;
    expect(grid[0]).toBeCloseTo(1e-2, 12);
    expect(grid[grid.length - 1]).toBe(Infinity);
  });

  it('point: at t* the lowest mean on the grid, with its s.e.m.', () => {
    const p = realSweepPoint(result([0.5, 0.2, 0.3], [1, 10, 100]));
    expect([p.t, p.mean]).toEqual([10, 0.2]);
    expect(p.sem).toBeCloseTo(0.02, 15);
  });

  it('runs P by P, files each point and the progress over all draws', async () => {
    const { fake, store, runner, run } = setup();
    const done = runner.start();
    expect(run()).toMatchObject({ status: 'running', progress: { done: 0, total: 9 } });
    expect(run()?.key).toBe(realSweepKey(store.getState()));
    for (const P of [50, 100, 200]) {
      await flush();
      const [call] = fake.pending({ worker: 'realSweep', method: 'run' });
      expect(call.args[0]).toMatchObject({ P, seeds: 3 });
      (call.args[1] as (d: number) => void)(1);
      call.answer(result([0.4, 0.3], [1, 2]));
    }
    await done;
    expect(run()).toMatchObject({ status: 'done', progress: { done: 9, total: 9 } });
    expect(run()?.points.map((p) => [p.x, p.mean, p.t])).toEqual([
      [50, 0.3, 2],
      [100, 0.3, 2],
      [200, 0.3, 2],
    ]);
  });

  it('cancel stops the worker and keeps the points so far', async () => {
    const { fake, runner, run } = setup();
    const done = runner.start();
    await flush();
    fake.pending({ method: 'run' })[0].answer(result([0.4], [1]));
    await flush();
    runner.cancel();
    await done;
    expect(fake.stops.at(-1)).toEqual({ worker: 'realSweep', reason: 'cancelled' });
    expect(run()).toMatchObject({ status: 'cancelled' });
    expect(run()?.points).toHaveLength(1);
  });
});

describe('customAware', () => {
  it('sends the file to a worker before its first call, and again only for a new file', async () => {
    const fake = fakeClient();
    let custom = {
      name: 'f',
      modes: { lam: Float64Array.of(1, 0.5), power: Float64Array.of(1, 1) },
      version: 1,
    };
    const port = customAware(fake.client.main, () => custom);
    const call = () => port.call((api) => api.curve(DEFAULT_PARAMS) as Promise<unknown>);
    void call();
    await flush();
    fake.pending({ method: 'setCustom' })[0].answer(null);
    await flush();
    void call();
    await flush();
    expect(fake.calls.map((c) => c.method)).toEqual(['setCustom', 'curve', 'curve']);
    custom = { ...custom, version: 2 };
    void call();
    await flush();
    expect(fake.calls.map((c) => c.method).slice(3)).toEqual(['setCustom']);
  });
});
