import { describe, expect, it } from 'vitest';
import { inspectedMode, planRequests, type Request } from '../../src/compute/plan.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { paramsKey } from '../../src/state/pins.ts';
import { createAppStore, type AppData } from '../../src/state/store.ts';
import type { PanelId } from '../../src/state/view.ts';

const idle = { busy: false, lastKey: undefined };
const kinds = (rs: Request[]) => rs.map((r) => r.kind);
const curve = {} as CurveResult;

function state(over: Partial<AppData> = {}, panels?: PanelId[]): AppData {
  const s = createAppStore(over).getState();
  return panels ? { ...s, view: { ...s.view, panels } } : s;
}

describe('planRequests', () => {
  it('asks for the curve, the visible sweeps, then the modes', () => {
    const plan = planRequests(state({}, ['scalingP', 'scalingN', 'modes']), idle);
    expect(plan.curve).toEqual({
      kind: 'curve',
      key: `${paramsKey(DEFAULT_PARAMS)}&window=auto`,
      req: { p: DEFAULT_PARAMS, window: 'auto' },
    });
    expect(kinds(plan.sweeps)).toEqual(['sweepP', 'sweepN']);
    expect(plan.sweeps[0].req).toMatchObject({ axis: 'P', at: 'tstar' });
    expect(kinds(plan.afterCurve)).toEqual(['modes']);
  });

  it('asks for nothing a hidden panel shows', () => {
    const plan = planRequests(state({}, ['formulas']), idle);
    expect(plan.sweeps).toEqual([]);
    expect(plan.afterCurve).toEqual([]);
  });

  it('keys the frontier by the parameters and the sweeps also by where they are taken', () => {
    const base = state({}, ['scalingP', 'frontier']);
    const atT = { ...base, view: { ...base.view, at: 't' as const, tAt: 100 } };
    const atT2 = { ...atT, view: { ...atT.view, tAt: 1000 } };
    const [f1, p1] = planRequests(atT, idle).sweeps;
    const [f2, p2] = planRequests(atT2, idle).sweeps;
    expect(f1.kind).toBe('frontier');
    expect(f1.key).toBe(f2.key);
    expect(p1.key).not.toBe(p2.key);
    // The fixed time does not matter at t*: same key.
    const star = { ...base, view: { ...base.view, tAt: 1000 } };
    expect(planRequests(base, idle).sweeps[1].key).toBe(planRequests(star, idle).sweeps[1].key);
  });

  it("asks for the sweeps again when what they read moves, not when the curve's n_t or the seeds do", () => {
    const base = state({}, ['scalingP', 'scalingN', 'frontier']);
    const keys = (over: Partial<typeof DEFAULT_PARAMS>) =>
      planRequests({ ...base, params: { ...base.params, ...over } }, idle).sweeps.map((r) => r.key);
    const before = keys({});
    expect(keys({ nt: 300, seed: 7, seeds: 4 })).toEqual(before);
    // What they read: the model, the window's ends (t*, t_max).
    for (const over of [{ P: 2000 }, { beta: 2.5 }, { sigma2: 0.1 }, { tmax: 1e4 }, { tmin: 1 }])
      for (const [i, k] of keys(over).entries()) expect(k).not.toBe(before[i]);
  });

  it('asks for the first pin without a curve, one at a time', () => {
    const a = { ...DEFAULT_PARAMS, P: 100 };
    const b = { ...DEFAULT_PARAMS, P: 200 };
    const s = state({ pins: [a, b] }, []);
    expect(planRequests(s, idle).afterCurve).toEqual([{ kind: 'pins', key: paramsKey(a), req: a }]);
    const withA = { ...s, results: { ...s.results, pinCurves: { [paramsKey(a)]: curve } } };
    expect(planRequests(withA, idle).afterCurve.map((r) => r.req)).toEqual([b]);
    expect(planRequests(s, { busy: true, lastKey: undefined }).afterCurve).toEqual([]);
  });

  it('does not ask again for a pin whose request failed', () => {
    const a = { ...DEFAULT_PARAMS, P: 100 };
    const b = { ...DEFAULT_PARAMS, P: 200 };
    const s = state({ pins: [a, b] }, []);
    const failed = {
      ...s,
      results: { ...s.results, errors: { pins: { kind: 'internal' as const, message: 'x' } } },
    };
    expect(planRequests(failed, { busy: false, lastKey: paramsKey(a) }).afterCurve[0].req).toBe(b);
  });
});

describe('the mean field panels', () => {
  it('ask for the parts, the order parameters and the inspected mode on the curve’s window', () => {
    const s = state({}, ['decomposition', 'order', 'inspector']);
    const window = { tmin: 0.1, tmax: 1e4, auto: true };
    const withCurve = { ...s, results: { ...s.results, curve: { ...curve, window } } };
    const after = planRequests(withCurve, idle).afterCurve;
    expect(kinds(after)).toEqual(['parts', 'order', 'mode']);
    const shown = { ...DEFAULT_PARAMS, tmin: 0.1, tmax: 1e4 };
    expect(after[0].req).toEqual(shown);
    expect(after[1].req).toEqual(shown);
    expect(after[2].req).toEqual({ p: shown, k: 10 });
    // Another mode is another request; the parts and order keep their key.
    const k30 = { ...withCurve, view: { ...withCurve.view, mode: 30 } };
    const after30 = planRequests(k30, idle).afterCurve;
    expect(after30[2].key).not.toBe(after[2].key);
    expect(after30[0].key).toBe(after[0].key);
  });

  it('inspect at most mode M of a truncated power law', () => {
    const s = state({ params: { ...DEFAULT_PARAMS, M: 50 } }, ['inspector']);
    const far = { ...s, view: { ...s.view, mode: 400 } };
    expect(inspectedMode(far)).toBe(50);
    expect(planRequests(far, idle).afterCurve[0].req).toMatchObject({ k: 50 });
    expect(inspectedMode({ ...far, params: DEFAULT_PARAMS })).toBe(400);
  });
});
