// Warming the curve's worker (src/compute/warmUp.ts): one curve at a time, only while the worker
// is idle, never past its count, never again after a failure; and in the bridge,
// never during a drag nor before the first curve.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installCompute, type ComputeControls } from '../../src/compute/bridge.ts';
import { createWarmUp } from '../../src/compute/warmUp.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush, type FakeClient } from './fakeClient.ts';

let fake: FakeClient;
beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeClient();
});
afterEach(() => vi.useRealTimers());

const warmCalls = () => fake.calls.filter((c) => c.method === 'warmUp');
/** Let answers deliver and the calls they set off go out (and any timer fire). */
const idleTurn = async () => {
  await flush();
  vi.advanceTimersByTime(1000);
  await flush();
};

describe('createWarmUp', () => {
  it('computes its curves one at a time while idle, then stops', async () => {
    let idle = true;
    const w = createWarmUp(fake.client.main, {
      curves: 3,
      idle: () => idle,
      params: () => DEFAULT_PARAMS,
    });
    w.poke();
    w.poke(); // a second poke while one waits asks for nothing more
    await idleTurn();
    expect(warmCalls()).toHaveLength(1);
    expect(warmCalls()[0].args).toEqual([DEFAULT_PARAMS]);
    // Busy meanwhile: the answer does not set off the next one.
    idle = false;
    warmCalls()[0].answer(4.2);
    await idleTurn();
    expect(warmCalls()).toHaveLength(1);
    expect(w.done).toBe(1);
    idle = true;
    for (let i = 1; i < 10 && !w.over; i++) {
      w.poke();
      await idleTurn();
      expect(fake.pending({ method: 'warmUp' })).toHaveLength(1);
      fake.pending({ method: 'warmUp' })[0].answer(3);
      await flush();
    }
    expect(w.done).toBe(3);
    expect(w.over).toBe(true);
    w.poke();
    await idleTurn();
    expect(warmCalls()).toHaveLength(3);
  });

  it('stops for good at an engine error or a crash', async () => {
    for (const end of ['fail', 'crash'] as const) {
      fake = fakeClient();
      const w = createWarmUp(fake.client.main, {
        curves: 5,
        idle: () => true,
        params: () => DEFAULT_PARAMS,
      });
      w.poke();
      await idleTurn();
      const call = fake.pending({ method: 'warmUp' })[0];
      if (end === 'fail') call.fail({ kind: 'internal', message: 'x' });
      else call.crash();
      await idleTurn();
      expect(w.over).toBe(true);
      expect(w.done).toBe(0);
      expect(warmCalls()).toHaveLength(1);
    }
  });
});

describe('the bridge warms the curve’s worker', () => {
  let controls: ComputeControls;
  afterEach(() => controls.dispose());
  const curve = { tag: 'curve' } as unknown as CurveResult;

  it('after the first curve and its panels, not during a drag', async () => {
    const store = createAppStore();
    controls = installCompute(store, fake.client, { warmCurves: 2 });
    await idleTurn();
    expect(warmCalls()).toHaveLength(0); // the curve is not answered yet
    fake.pending({ method: 'curve' })[0].answer(curve);
    await flush();
    // The panels' requests on the curve's worker go first.
    for (const c of fake.pending({ worker: 'main' })) c.answer(curve);
    await idleTurn();
    expect(fake.pending({ method: 'warmUp' })).toHaveLength(1);
    // A drag starts: its curve waits behind at most this one; no other follows during the drag.
    store.getState().setParam('P', 500, { live: true });
    fake.pending({ method: 'warmUp' })[0].answer(3);
    await idleTurn();
    expect(warmCalls()).toHaveLength(1);
    fake.pending({ method: 'curve' })[0].answer(curve);
    await idleTurn();
    expect(warmCalls()).toHaveLength(1);
  });

  it('not with a given client unless asked (the audit’s in-process engine)', async () => {
    const store = createAppStore();
    controls = installCompute(store, fake.client);
    for (let i = 0; i < 5; i++) {
      for (const c of fake.pending()) c.answer(curve);
      await idleTurn();
    }
    expect(warmCalls()).toHaveLength(0);
  });
});
