// The bridge put together, against fake workers: what is requested when, and where answers go.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installCompute, type ComputeControls } from '../../src/compute/bridge.ts';
import { LIVE_PAUSE_MS } from '../../src/compute/dragGate.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { createAppStore, type AppStore } from '../../src/state/store.ts';
import { fakeClient, flush, type FakeClient } from './fakeClient.ts';

let fake: FakeClient;
let store: AppStore;
let controls: ComputeControls;
const curve = { tag: 'curve' } as unknown as CurveResult;
const methods = () => fake.pending().map((c) => `${c.worker}.${c.method}`);

/** Answer every request, including those the answers set off, until none is waiting. */
async function settle(): Promise<void> {
  while (fake.pending().length) {
    fake.pending().forEach((c) => c.answer(curve));
    await flush();
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeClient();
  store = createAppStore();
  store.getState().setView({ panels: ['scalingP', 'modes'] });
  controls = installCompute(store, fake.client);
});
afterEach(() => {
  controls.dispose();
  vi.useRealTimers();
});

describe('installCompute', () => {
  it('warms both theory workers and asks for the curve and the sweep at once', () => {
    expect(fake.warmed).toEqual(['main', 'sweep']);
    expect(methods()).toEqual(['main.curve', 'sweep.sweep']);
  });

  it('asks for the modes once the curve is answered', async () => {
    fake.pending({ method: 'curve' })[0].answer(curve);
    await flush();
    expect(store.getState().results.curve).toBe(curve);
    expect(methods()).toEqual(['sweep.sweep', 'main.modes']);
  });

  it('follows a drag with the curve only; the rest when it pauses', async () => {
    await settle();
    store.getState().setParam('P', 500, { live: true });
    expect(methods()).toEqual(['main.curve']);
    fake.pending({ method: 'curve' })[0].answer(curve);
    await flush();
    expect(methods()).toEqual([]);
    vi.advanceTimersByTime(LIVE_PAUSE_MS);
    expect(methods()).toEqual(['sweep.sweep', 'main.modes']);
  });

  it('does not ask twice for the same inputs; retry does', async () => {
    await settle();
    store.getState().setView({ showEtr: false }); // a view change that no request depends on
    expect(methods()).toEqual([]);
    controls.retry();
    expect(methods()).toEqual(['main.curve', 'sweep.sweep']);
  });

  it('requests a pin’s curve and drops it when the pin goes', async () => {
    await settle();
    const pin = { ...DEFAULT_PARAMS, P: 50 };
    store.setState({ pins: [pin] });
    const [call] = fake.pending({ method: 'curve' });
    expect(call.args).toEqual([pin]);
    call.answer(curve);
    await flush();
    expect(Object.keys(store.getState().results.pinCurves)).toHaveLength(1);
    store.getState().unpinAll();
    expect(store.getState().results.pinCurves).toEqual({});
  });

  it('starts the simulation with its theory curve, and stops every worker on dispose', async () => {
    await settle();
    controls.startSimulation();
    expect(methods()).toContain('sim.seed');
    expect(store.getState().results.status.simTheory).toBe('pending');
    controls.dispose();
    expect(fake.stops.map((s) => s.worker)).toEqual(
      expect.arrayContaining(['main', 'sweep', 'sim']),
    );
    controls = installCompute(createAppStore(), fakeClient().client);
  });

  it('has no crash hook outside the end-to-end build', () => {
    expect(controls.crash).toBeUndefined();
  });
});
