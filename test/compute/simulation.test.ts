import { describe, expect, it, vi } from 'vitest';
import { createSimulationRunner } from '../../src/compute/simulation.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { simulationModes } from '../../src/model/simulation/simulationModes.ts';
import type { SimResult } from '../../src/model/types.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush } from './fakeClient.ts';

function setup() {
  const fake = fakeClient();
  const store = createAppStore({ params: { ...DEFAULT_PARAMS, seeds: 3 } });
  const requestTheory = vi.fn();
  const runner = createSimulationRunner({ sim: fake.client.sim }, store, requestTheory);
  const sim = () => store.getState().results.sim;
  return { fake, store, requestTheory, runner, sim };
}

const partial = { tag: 'partial' } as unknown as SimResult;
const final = { tag: 'final' } as unknown as SimResult;

describe('createSimulationRunner', () => {
  it('runs at the simulation’s M, files progress, then the result', async () => {
    const { fake, store, requestTheory, runner, sim } = setup();
    const done = runner.start();
    const M = simulationModes(store.getState().params);
    expect(sim()).toMatchObject({ status: 'running', progress: { done: 0, total: 3 } });
    expect(sim()?.params.M).toBe(M);
    expect(requestTheory).toHaveBeenCalledWith(expect.objectContaining({ M }));
    expect(store.getState().results.status.sim).toBe('pending');

    const [call] = fake.pending({ worker: 'sim', method: 'run' });
    const onProgress = call.args[1] as (d: number, t: number, r: SimResult) => void;
    onProgress(1, 3, partial);
    expect(sim()).toMatchObject({ progress: { done: 1, total: 3 }, result: partial });

    call.answer(final);
    await done;
    expect(sim()).toMatchObject({ status: 'done', result: final, progress: { done: 3 } });
    expect(store.getState().results.status.sim).toBe('ok');
  });

  it('cancels by stopping the worker; a late progress report is ignored', async () => {
    const { fake, store, runner, sim } = setup();
    const done = runner.start();
    const [call] = fake.pending({ method: 'run' });
    runner.cancel();
    await done;
    expect(fake.stops.at(-1)).toEqual({ worker: 'sim', reason: 'cancelled' });
    expect(sim()?.status).toBe('cancelled');
    expect(store.getState().results.status.sim).toBe('idle');
    (call.args[1] as (d: number, t: number, r: SimResult) => void)(2, 3, partial);
    expect(sim()?.progress.done).toBe(0);
  });

  it('a new run supersedes the running one', async () => {
    const { fake, runner, sim } = setup();
    const first = runner.start();
    const second = runner.start();
    await first;
    expect(fake.stops.map((s) => s.reason)).toEqual(['superseded', 'superseded']);
    expect(sim()?.status).toBe('running');
    fake.pending({ method: 'run' })[0].answer(final);
    await second;
    expect(sim()?.status).toBe('done');
  });

  it('files an engine error', async () => {
    const { fake, store, runner, sim } = setup();
    const done = runner.start();
    fake.pending({ method: 'run' })[0].fail({ kind: 'param', param: 'P', message: 'too large' });
    await done;
    expect(sim()?.status).toBe('error');
    expect(store.getState().results.errors.sim).toMatchObject({ param: 'P' });
  });

  it('does nothing on cancel when no run is going', async () => {
    const { fake, runner } = setup();
    runner.cancel();
    await flush();
    expect(fake.stops).toEqual([]);
  });
});
