import { describe, expect, it } from 'vitest';
import { planRequests, type Request } from '../../src/compute/plan.ts';
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
