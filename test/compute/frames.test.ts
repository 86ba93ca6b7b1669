import { describe, expect, it } from 'vitest';
import { createFrameCache, prefetchCurves } from '../../src/compute/frames.ts';
import type { CurveRequest } from '../../src/compute/plan.ts';
import { createSchedulers } from '../../src/compute/schedulers.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush } from './fakeClient.ts';

const req = (P: number): CurveRequest => ({ p: { ...DEFAULT_PARAMS, P }, window: 'manual' });
const curveOf = (P: number) => ({ tag: `curve ${P}` }) as unknown as CurveResult;

describe('frames of a parameter sweep', () => {
  it('are computed in both theory workers, counted, and then served without a worker call', async () => {
    const fake = fakeClient();
    const cache = createFrameCache();
    const progress: number[] = [];
    const reqs = [100, 200, 300].map(req);
    const pf = prefetchCurves(fake.client, cache, reqs, (d) => progress.push(d));
    // One frame in flight per worker.
    expect(
      fake
        .pending()
        .map((c) => c.worker)
        .sort(),
    ).toEqual(['main', 'sweep']);
    while (fake.pending().length) {
      for (const c of fake.pending()) c.answer(curveOf((c.args[0] as { P: number }).P));
      await flush();
    }
    await pf.done;
    expect(progress).toEqual([1, 2, 3]);
    expect(cache.get(req(200))).toEqual(curveOf(200));

    const store = createAppStore();
    const scheds = createSchedulers(fake.client, store, () => {}, cache);
    const before = fake.calls.length;
    scheds.curve.submit(req(300));
    await flush();
    expect(fake.calls.length).toBe(before);
    expect(store.getState().results.curve).toEqual(curveOf(300));
    // A request not among the frames still goes to the main worker.
    scheds.curve.submit(req(301));
    expect(fake.pending({ worker: 'main', method: 'curve' })).toHaveLength(1);
  });

  it('stop when cancelled and report an engine error', async () => {
    const fake = fakeClient();
    const cache = createFrameCache();
    const pf = prefetchCurves(fake.client, cache, [1, 2, 3, 4].map(req), () => {});
    pf.cancel();
    for (const c of fake.pending()) c.answer(curveOf(1));
    await pf.done;
    expect(fake.calls).toHaveLength(2);
    expect(cache.get(req(1))).toBeUndefined();

    const failing = prefetchCurves(fake.client, cache, [5].map(req), () => {});
    fake.pending()[0].fail({ kind: 'param', message: 'P out of range', param: 'P' });
    await expect(failing.done).rejects.toThrow('P out of range');
  });

  it('keep at most the newest frames', () => {
    const cache = createFrameCache(2);
    for (const P of [1, 2, 3]) cache.set(req(P), curveOf(P));
    expect(cache.get(req(1))).toBeUndefined();
    expect(cache.get(req(3))).toEqual(curveOf(3));
  });
});
