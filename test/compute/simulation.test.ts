import { describe, expect, it, vi } from 'vitest';
import { createSimulationRunner, simulationExtras } from '../../src/compute/simulation.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { SeedErrors } from '../../src/model/simulation/evaluate.ts';
import { simulationTimes } from '../../src/model/simulation/sampleTimes.ts';
import { simulationModes } from '../../src/model/simulation/simulationModes.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush } from './fakeClient.ts';

/** A runner on `cores` cores with a client that has `simWorkers` simulation workers. */
function setup({ cores = 2, simWorkers = 1, seeds = 3 } = {}) {
  const fake = fakeClient({ simWorkers });
  const store = createAppStore({ params: { ...DEFAULT_PARAMS, seeds } });
  const requestTheory = vi.fn();
  const runner = createSimulationRunner({ sims: fake.client.sims }, store, requestTheory, cores);
  const sim = () => store.getState().results.sim;
  const nt = () => simulationTimes(sim()!.params).length;
  /** A seed whose E_g is `v` at every time. */
  const seedOf = (v: number): SeedErrors => ({
    Eg: new Float64Array(nt()).fill(v),
    Etr: new Float64Array(nt()).fill(v / 2),
  });
  const seedCalls = () => fake.pending({ worker: 'sim', method: 'seed' });
  return { fake, store, requestTheory, runner, sim, seedOf, seedCalls };
}

describe('createSimulationRunner', () => {
  it('runs seed by seed at the simulation’s M, filing progress and the aggregate so far', async () => {
    const { store, requestTheory, runner, sim, seedOf, seedCalls } = setup();
    const done = runner.start();
    const M = simulationModes(store.getState().params);
    expect(sim()).toMatchObject({ status: 'running', progress: { done: 0, total: 3 } });
    expect(sim()?.params.M).toBe(M);
    expect(requestTheory).toHaveBeenCalledWith(expect.objectContaining({ M }));
    expect(store.getState().results.status.sim).toBe('pending');

    // One worker on two cores: one seed at a time, in order.
    for (const [i, v] of [1, 2, 6].entries()) {
      await flush();
      const calls = seedCalls();
      expect(calls).toHaveLength(1);
      expect(calls[0].args[1]).toBe(i);
      expect((calls[0].args[0] as { M: number }).M).toBe(M);
      calls[0].answer(seedOf(v));
      await flush();
      expect(sim()?.progress.done).toBe(i + 1);
    }
    await done;
    expect(sim()).toMatchObject({ status: 'done', progress: { done: 3, total: 3 } });
    expect(sim()?.result?.seeds).toBe(3);
    expect(sim()?.result?.EgMean[0]).toBe(3);
    expect(store.getState().results.status.sim).toBe('ok');
  });

  it('spreads the seeds over min(cores − 1, seeds) workers; progress counts seeds done', async () => {
    const { runner, sim, seedOf, seedCalls } = setup({ cores: 3, simWorkers: 7, seeds: 5 });
    const done = runner.start();
    await flush();
    expect(seedCalls().map((c) => c.args[1])).toEqual([0, 1]);
    // Seed 1 finishes first: the partial aggregate holds it alone; that worker takes seed 2.
    seedCalls()[1].answer(seedOf(4));
    await flush();
    expect(sim()?.progress.done).toBe(1);
    expect(sim()?.result?.EgMean[0]).toBe(4);
    expect(seedCalls().map((c) => c.args[1])).toEqual([0, 2]);
    for (const v of [1, 2, 3, 5]) {
      seedCalls()[0].answer(seedOf(v));
      await flush();
    }
    await done;
    expect(sim()?.progress.done).toBe(5);
    expect(sim()?.result?.EgMean[0]).toBe(3);

    const few = setup({ cores: 8, simWorkers: 7, seeds: 2 });
    void few.runner.start();
    await flush();
    expect(few.seedCalls()).toHaveLength(2); // never more workers than seeds
    const one = setup({ cores: 1, simWorkers: 1, seeds: 4 });
    void one.runner.start();
    await flush();
    expect(one.seedCalls()).toHaveLength(1); // at least one
  });

  it('cancels by stopping every worker; a late answer is ignored', async () => {
    const { fake, store, runner, sim, seedOf, seedCalls } = setup({ cores: 3, simWorkers: 2 });
    const done = runner.start();
    await flush();
    const calls = seedCalls();
    expect(calls).toHaveLength(2);
    runner.cancel();
    await done;
    expect(fake.stops.slice(-2)).toEqual([
      { worker: 'sim', reason: 'cancelled' },
      { worker: 'sim', reason: 'cancelled' },
    ]);
    expect(sim()?.status).toBe('cancelled');
    expect(store.getState().results.status.sim).toBe('idle');
    calls[0].answer(seedOf(1));
    await flush();
    expect(sim()?.progress.done).toBe(0);
  });

  it('a new run supersedes the running one', async () => {
    const { fake, runner, sim, seedOf, seedCalls } = setup({ seeds: 1 });
    const first = runner.start();
    // Nothing was running: the idle workers are kept (with what they loaded).
    expect(fake.stops).toEqual([]);
    const second = runner.start();
    await first;
    expect(fake.stops.map((s) => s.reason)).toEqual(['superseded']);
    expect(sim()?.status).toBe('running');
    await flush();
    seedCalls()[0].answer(seedOf(1));
    await second;
    expect(sim()?.status).toBe('done');
  });

  it('files an engine error and stops the seeds still running elsewhere', async () => {
    const { fake, store, runner, sim, seedCalls } = setup({ cores: 3, simWorkers: 2 });
    const done = runner.start();
    await flush();
    const [a, b] = seedCalls();
    a.fail({ kind: 'param', param: 'P', message: 'too large' });
    await done;
    expect(sim()?.status).toBe('error');
    expect(store.getState().results.errors.sim).toMatchObject({ param: 'P' });
    expect(b.settled).toBe(true);
    expect(fake.stops.at(-1)).toEqual({ worker: 'sim', reason: 'failed' });
  });

  it('does nothing on cancel when no run is going', async () => {
    const { fake, runner } = setup();
    runner.cancel();
    await flush();
    expect(fake.stops).toEqual([]);
  });
});

describe('simulationExtras', () => {
  it('asks for nothing more without the mean field panels', async () => {
    const { fake, runner } = setup();
    void runner.start();
    await flush();
    expect(fake.pending({ method: 'seed' })[0].args[2]).toEqual({});
  });

  it('with the inspector open, every seed reads out the modes and the run aggregates them', async () => {
    const { store, runner, sim, seedOf, seedCalls } = setup({ seeds: 2 });
    store.getState().setView({ panels: ['inspector'], mode: 5 });
    const done = runner.start();
    await flush();
    const modes = [1, 3, 5, 10, 30, 100, 300, 1000];
    const nt = simulationTimes(sim()!.params).length;
    for (let i = 0; i < 2; i++) {
      await flush();
      const [call] = seedCalls();
      expect(call.args[2]).toEqual({ modes });
      call.answer({
        ...seedOf(1),
        modeFrac: new Float64Array(modes.length * nt).fill(0.25 * (i + 1)),
      });
    }
    await done;
    const m = sim()!.result!.modes!;
    expect(Array.from(m.k)).toEqual(modes);
    expect(m.mean[0]).toBeCloseTo(0.375, 12);
  });

  it('reads out the inspected mode and a fixed set within M, and the parts with the decomposition', () => {
    const s = createAppStore().getState();
    const view = { ...s.view, panels: ['decomposition', 'inspector'] as const, mode: 42 };
    const extras = simulationExtras({ ...s, view: { ...view, panels: [...view.panels] } }, 300);
    expect(extras.parts).toBe(true);
    expect(extras.modes).toEqual([1, 3, 10, 30, 42, 100, 300]);
    const few = simulationExtras({ ...s, view: { ...s.view, panels: ['inspector'] } }, 20);
    expect(few).toEqual({ modes: [1, 3, 10] });
  });
});
