// The phase grid runner: coarse-first batches of one column each on two lanes, each answer filed
// as it arrives; a
// new request supersedes the old one (its late answers are dropped); nothing new is sent while a
// slider is dragged, and the grid resumes afterwards.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { PhasePoint } from '../../src/model/theory/phaseFit.ts';
import { coarseFirstBatches } from '../../src/model/theory/phaseFit.ts';
import { PHASE_K, createPhaseRunner } from '../../src/compute/phaseGrid.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush, type FakeCall } from './fakeClient.ts';

const req = { p: DEFAULT_PARAMS, exponent: 'data-inf' as const, window: 'auto' as const };

/** A fake answer: one point per (α, β) asked for, fitted = predicted + tag. */
function answer(call: FakeCall, tag: number) {
  const ab = call.args[2] as [number, number][];
  call.answer(
    ab.map(([alpha, beta]) => ({ alpha, beta, predicted: -1, fitted: -1 + tag }) as PhasePoint),
  );
}

describe('coarse-first batches', () => {
  it('cover the grid once, coarse levels first, each batch one column', () => {
    const batches = coarseFirstBatches(PHASE_K);
    const all = batches.flat();
    expect(all).toHaveLength(PHASE_K * PHASE_K);
    expect(new Set(all).size).toBe(PHASE_K * PHASE_K);
    for (const b of batches) expect(new Set(b.map((k) => k % PHASE_K)).size).toBe(1);
    // The 3 × 3 map (stride 4) comes first, in 3 batches.
    expect(
      batches
        .slice(0, 3)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual(
      [0, 4, 8].flatMap((j) => [0, 4, 8].map((i) => i + j * PHASE_K)).sort((a, b) => a - b),
    );
  });
});

describe('phase grid runner', () => {
  it('fills the grid in coarse-first batches of one column each on two lanes', async () => {
    const f = fakeClient();
    const store = createAppStore();
    const run = createPhaseRunner([f.client.phase, f.client.sweep], store);
    run.request('k1', req);
    expect(store.getState().results.status.phase).toBe('pending');
    const first = f.pending({ method: 'phasePoints' });
    expect(first.map((c) => c.worker)).toEqual(['phase', 'sweep']);
    // The first batch: the coarsest level (stride 4 on both axes) of the first column.
    const batches = coarseFirstBatches(PHASE_K);
    const ab = first[0].args[2] as [number, number][];
    expect(ab).toHaveLength(batches[0].length);
    expect(new Set(ab.map(([a]) => a)).size).toBe(1);
    answer(first[0], 0);
    await flush();
    const g = store.getState().results.phase!.grid;
    expect(g.done).toBe(batches[0].length);
    for (const k of batches[0]) {
      expect(g.points[k]).not.toBeNull();
      expect([k % PHASE_K, Math.floor(k / PHASE_K)].every((i) => i % 4 === 0)).toBe(true);
    }
    // Answer everything: the grid completes and the status is ok.
    for (let i = 0; i < 100 && f.pending().length; i++) {
      f.pending().forEach((c) => answer(c, 0));
      await flush();
    }
    expect(store.getState().results.phase!.grid.done).toBe(PHASE_K * PHASE_K);
    expect(store.getState().results.status.phase).toBe('ok');
  });

  it('a new request supersedes the old: late answers are dropped, no more old batches', async () => {
    const f = fakeClient();
    const store = createAppStore();
    const run = createPhaseRunner([f.client.phase, f.client.sweep], store);
    run.request('k1', req);
    const old = f.pending();
    run.request('k2', { ...req, exponent: 'model-inf' });
    expect(store.getState().results.phase!.key).toBe('k2');
    old.forEach((c) => answer(c, 9));
    await flush();
    const g = store.getState().results.phase!.grid;
    expect(g.exponent).toBe('model-inf');
    expect(g.points.some((p) => p?.fitted === 8)).toBe(false);
    // The lanes took the new grid's batches.
    expect(f.pending().map((c) => c.args[0])).toEqual(['model-inf', 'model-inf']);
  });

  it('sends nothing while inactive (a drag) and resumes the same grid afterwards', async () => {
    const f = fakeClient();
    const store = createAppStore();
    const run = createPhaseRunner([f.client.phase, f.client.sweep], store);
    run.request('k1', req);
    run.setActive(false);
    f.pending().forEach((c) => answer(c, 0));
    await flush();
    expect(f.pending()).toHaveLength(0);
    const done = store.getState().results.phase!.grid.done;
    const batches = coarseFirstBatches(PHASE_K);
    expect(done).toBe(batches[0].length + batches[1].length);
    run.setActive(true);
    run.request('k1', req);
    expect(f.pending()).toHaveLength(2);
    expect(store.getState().results.phase!.grid.done).toBe(done);
  });
});
