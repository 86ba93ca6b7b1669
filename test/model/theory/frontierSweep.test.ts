// frontierSweep: the compute-optimal frontier as a sweep over C for the scaling panel.
import { describe, expect, it } from 'vitest';
import { frontierSweep, type FrontierResult } from '../../../src/model/theory/frontier.ts';

const f: FrontierResult = {
  C: Float64Array.from([1e3, 1e5, 1e7, 1e9]),
  Lstar: Float64Array.from([0.1, 0.03, 0.009, 0.0027]),
  Nstar: Float64Array.from([10, 60, 400, 2500]),
  tstar: Float64Array.from([100, 1e5 / 60, 1e7 / 400, 1e9 / 2500]),
  fitL: { slope: -0.26, intercept: -0.22, r2: 0.999, xmin: 1e3, xmax: 1e9, n: 4 },
  fitN: { slope: 0.4, intercept: -0.2, r2: 0.99, xmin: 1e3, xmax: 1e9, n: 4 },
  predicted: { L: -0.25, N: 0.4 },
};

describe('frontierSweep', () => {
  it('maps C to x, L* to E_g, the L fit and predicted slope; no current value', () => {
    const s = frontierSweep(f, 1e7);
    expect(s.axis).toBe('C');
    expect(s.x).toBe(f.C);
    expect(s.Eg).toBe(f.Lstar);
    expect(s.fit).toBe(f.fitL);
    expect(s.predicted).toBe(-0.25);
    expect(s.current).toBeNaN();
    expect(s.currentEg).toBeNaN();
    expect(s.P).toBe(1e7);
  });

  it('keeps a missing fit as null', () => {
    expect(frontierSweep({ ...f, fitL: null }, 1e7).fit).toBeNull();
  });
});
