import { describe, expect, it, vi } from 'vitest';
import { callError, ComputeFailure } from '../../src/compute/client.ts';
import { createSchedulers } from '../../src/compute/schedulers.ts';
import type { LatestOnly } from '../../src/compute/scheduler.ts';
import {
  COMPUTE_KINDS,
  COMPUTE_KIND_IDS,
  THEORY_KINDS,
  THEORY_KIND_IDS,
} from '../../src/protocol/kinds.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult, SweepResult } from '../../src/model/types.ts';
import { WorkerCrash } from '../../src/protocol/errors.ts';
import { paramsKey } from '../../src/state/pins.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush } from './fakeClient.ts';

function setup() {
  const fake = fakeClient();
  const store = createAppStore();
  const onIdle = vi.fn();
  return { fake, store, onIdle, scheds: createSchedulers(fake.client, store, onIdle) };
}

const curve = { tag: 'curve' } as unknown as CurveResult;

describe('createSchedulers', () => {
  it('files the curve under the request’s parameters and marks it ok', async () => {
    const { fake, store, onIdle, scheds } = setup();
    const p = { ...DEFAULT_PARAMS, P: 123 };
    const id = scheds.curve.submit({ p, window: 'auto' });
    const [call] = fake.pending({ worker: 'main', method: 'curve' });
    expect(call.args).toEqual([p, 'auto']);
    // The engine may hand back normalised parameters: the key is the request's.
    call.answer({ ...curve, params: DEFAULT_PARAMS });
    await flush();
    const r = store.getState().results;
    expect(r.curve).toMatchObject({ tag: 'curve' });
    expect(r.curveId).toBe(id);
    expect(r.curveKey).toBe(paramsKey(p));
    expect(r.status.curve).toBe('ok');
    expect(onIdle).toHaveBeenCalled();
  });

  it('runs the sweeps and the frontier on the sweep worker', async () => {
    const { fake, store, scheds } = setup();
    const sweep = { tag: 'sweep' } as unknown as SweepResult;
    scheds.sweepN.submit({ p: DEFAULT_PARAMS, axis: 'N', at: 't', tAt: 50 });
    scheds.frontier.submit(DEFAULT_PARAMS);
    const [s, f] = fake.pending({ worker: 'sweep' });
    expect(s.method).toBe('sweep');
    expect(s.args).toEqual([DEFAULT_PARAMS, 'N', 't', 50]);
    expect(f.method).toBe('frontier');
    s.answer(sweep);
    f.answer(sweep);
    await flush();
    expect(store.getState().results.sweepN).toBe(sweep);
    expect(store.getState().results.frontier).toBe(sweep);
  });

  it('files an engine error, naming the parameter, and a crash', async () => {
    const { fake, store, scheds } = setup();
    scheds.modes.submit(DEFAULT_PARAMS);
    fake
      .pending({ method: 'modes' })[0]
      .fail({ kind: 'param', param: 'alpha', message: 'too small' });
    await flush();
    expect(store.getState().results.status.modes).toBe('error');
    expect(store.getState().results.errors.modes).toEqual({
      kind: 'param',
      param: 'alpha',
      message: 'too small',
    });
    scheds.curve.submit({ p: DEFAULT_PARAMS, window: 'manual' });
    fake.pending({ method: 'curve' })[0].crash('out of memory');
    await flush();
    expect(store.getState().results.errors.curve).toEqual({
      kind: 'crash',
      message: 'out of memory',
    });
  });

  it('adds pin curves by key, and the simulation’s theory only to its own run', async () => {
    const { fake, store, scheds } = setup();
    const pin = { ...DEFAULT_PARAMS, P: 50 };
    scheds.pins.submit(pin);
    fake.pending({ method: 'curve' })[0].answer(curve);
    await flush();
    expect(store.getState().results.pinCurves).toEqual({ [paramsKey(pin)]: curve });

    const run = { ...DEFAULT_PARAMS, M: 8192 };
    store.getState().patchResults({
      sim: {
        params: run,
        key: paramsKey(DEFAULT_PARAMS),
        status: 'running',
        progress: { done: 0, total: 1 },
        result: null,
        theory: null,
      },
    });
    scheds.simTheory.submit({ ...run, M: 100 });
    fake.pending({ method: 'curve' })[0].answer(curve);
    await flush();
    expect(store.getState().results.sim?.theory).toBeNull();
    scheds.simTheory.submit(run);
    fake.pending({ method: 'curve' })[0].answer(curve);
    await flush();
    expect(store.getState().results.sim?.theory).toBe(curve);
  });
});

describe('the table of compute kinds', () => {
  it('every theory kind calls its worker and, unless filed its own way, fills its field', async () => {
    const { fake, store, scheds } = setup();
    const special = new Set(['curve', 'pins', 'fitted', 'simTheory']);
    const plain = THEORY_KIND_IDS.filter((k) => !special.has(k));
    expect(plain).toHaveLength(10);
    for (const kind of plain) {
      const spec = THEORY_KINDS[kind];
      const answer = { tag: kind };
      (scheds[kind] as LatestOnly<unknown, unknown>).submit({ p: DEFAULT_PARAMS, k: 3 });
      const calls = fake.pending({ worker: spec.worker });
      expect(calls, kind).toHaveLength(1);
      calls[0].answer(answer);
      await flush();
      const results = store.getState().results as unknown as Record<string, unknown>;
      expect(results[spec.result], kind).toBe(answer);
      expect(store.getState().results.status[kind], kind).toBe('ok');
    }
  });

  it('every kind starts idle with an empty field and has a banner label', () => {
    const r = createAppStore().getState().results;
    expect(COMPUTE_KIND_IDS).toHaveLength(18);
    for (const kind of COMPUTE_KIND_IDS) {
      expect(r.status[kind]).toBe('idle');
      const field = (r as unknown as Record<string, unknown>)[COMPUTE_KINDS[kind].result];
      expect(field === null || Object.keys(field as object).length === 0, kind).toBe(true);
      expect(COMPUTE_KINDS[kind].label.length, kind).toBeGreaterThan(3);
    }
  });
});

describe('callError', () => {
  it('keeps engine errors, names crashes and wraps anything else', () => {
    const e = { kind: 'param' as const, param: 'P' as const, message: 'm' };
    expect(callError(new ComputeFailure(e))).toBe(e);
    expect(callError(new WorkerCrash('gone'))).toEqual({ kind: 'crash', message: 'gone' });
    expect(callError(new Error('boom'))).toEqual({ kind: 'internal', message: 'boom' });
    expect(callError('text')).toEqual({ kind: 'internal', message: 'text' });
  });
});
