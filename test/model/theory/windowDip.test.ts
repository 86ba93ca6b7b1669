// The automatic window of a curve that starts within SETTLE_TOL of E_g(∞), dips and comes back
// (Langevin at high temperature, the Bayes regime's curve): the scan counts it settled only once
// it has left E_g(0), so the window holds the dip and t* (it was [10⁻³, 0.1], missing t* ≈ 2
// and saying "no early-stopping gain" beside a 4 % gain).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { computeCurve } from '../../../src/model/theory/curve.ts';

const DIP: Params = {
  ...DEFAULT_PARAMS,
  regime: 'bayes',
  alpha: 3.6,
  beta: 1.1,
  P: 16000,
  N: 2,
  M: 480,
  sigma2: 1.3e-5,
  gamma: 1e-4,
  T: 0.65,
};

describe('the automatic window of a curve that starts near its limit', () => {
  it('holds the dip: early stopping pays inside it, as in the typed window', () => {
    const auto = computeCurve(DIP, { window: 'auto' });
    const typed = computeCurve(DIP);
    expect(Math.abs(auto.Eg[0] - auto.limit.Eg)).toBeLessThan(0.01 * auto.limit.Eg);
    expect(typed.earlyStop.case).toBe('inside');
    expect(auto.earlyStop.case).toBe('inside');
    expect(auto.earlyStop.t).toBeCloseTo(typed.earlyStop.t, 6);
    expect(auto.window.tmin).toBeLessThan(auto.earlyStop.t / 10);
    expect(auto.window.tmax).toBeGreaterThan(auto.earlyStop.t * 10);
  });
});
