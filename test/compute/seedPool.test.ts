// The seed pool: how many workers, the order results are kept in, and that a run on several
// workers gives the same numbers as on one (the real simulation worker, run in-process with
// comlink stubbed, answering seeds in a shuffled order).
import type * as Comlink from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { doneInOrder, runSeeds, simWorkerCount } from '../../src/compute/seedPool.ts';
import { createSimulationRunner } from '../../src/compute/simulation.ts';
import type { WorkerPort } from '../../src/compute/workerHandle.ts';
import type { SimulateApi } from '../../src/protocol/api.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { createAppStore } from '../../src/state/store.ts';

const exposed = vi.hoisted(() => ({ api: null as unknown }));
vi.mock('comlink', () => ({
  expose: (api: unknown) => {
    exposed.api = api;
  },
  transfer: <T>(value: T) => value,
  proxy: <T>(value: T) => value,
}));

describe('simWorkerCount', () => {
  it('is min(cores − 1, seeds), at least one', () => {
    expect(simWorkerCount(2, 16)).toBe(1);
    expect(simWorkerCount(3, 16)).toBe(2);
    expect(simWorkerCount(8, 16)).toBe(7);
    expect(simWorkerCount(8, 3)).toBe(3);
    expect(simWorkerCount(1, 16)).toBe(1);
    expect(simWorkerCount(undefined, 16)).toBe(1);
    expect(simWorkerCount(Number.NaN, 16)).toBe(1);
  });
});

describe('runSeeds', () => {
  it('keeps results by seed index whatever order they finish in', async () => {
    const delays = [30, 0, 10, 0, 20];
    const seen: number[] = [];
    const out = await runSeeds(
      ['a', 'b'],
      5,
      (w, i) => new Promise<string>((r) => setTimeout(() => r(`${w}${i}`), delays[i])),
      (done, results) => seen.push(done, doneInOrder(results).length),
    );
    expect(out.map((s) => s.slice(1))).toEqual(['0', '1', '2', '3', '4']);
    expect(seen).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('rejects with the first failure and starts no further seed', async () => {
    const started: number[] = [];
    await expect(
      runSeeds([0], 4, async (_, i) => {
        started.push(i);
        if (i === 1) throw new Error('seed 1 failed');
        return i;
      }),
    ).rejects.toThrow('seed 1 failed');
    expect(started).toEqual([0, 1]);
  });
});

describe('a run on several workers', () => {
  it('gives exactly the numbers of one worker', async () => {
    await import('../../workers/simulate.worker.ts');
    const api = exposed.api as Comlink.Remote<SimulateApi>;
    // Each call waits a pseudo-random while, so seeds finish out of order on several workers.
    let k = 0;
    const port = (): WorkerPort<SimulateApi> => ({
      call: (f) => new Promise((r) => setTimeout(r, (k++ * 7) % 5)).then(() => f(api)),
      stop() {},
      warm() {},
    });
    const link = '?v=1&regime=langevin&P=24&N=20&M=64&gamma=0.01&T=0.001&sigma02=0.1&nt=12&seeds=6';
    const run = async (cores: number, workers: number) => {
      const store = createAppStore(parseUrlState(link).state);
      const sims = Array.from({ length: workers }, port);
      await createSimulationRunner({ sims }, store, () => {}, cores).start();
      const r = store.getState().results.sim!.result!;
      expect(store.getState().results.sim?.status).toBe('done');
      return { ...r, ms: 0 };
    };
    const one = await run(2, 1);
    const three = await run(4, 3);
    expect(one.seeds).toBe(6);
    expect(three).toEqual(one);
    expect(Array.from(three.EgSem).some((v) => v > 0)).toBe(true);
  });
});
