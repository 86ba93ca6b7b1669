// What bounds the error (docs/theory.md §8 "What bounds the error") where E_g is tiny: the
// diagnosis reads no change below the engine's resolution, says "time" while E_g still falls by
// more than it, and quotes the curve's own value at t_max.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { computeCurve } from '../../../src/model/theory/curve.ts';

/** The state of lesson 1 after its "Try it" (α = 1.5, β = 3, P = 10⁷ ≫ M = 20000, N = ∞, σ² = 0). */
const lesson1 = (tmax: number): Params => ({
  ...DEFAULT_PARAMS,
  regime: 'gf',
  alpha: 1.5,
  beta: 3,
  P: 1e7,
  N: Infinity,
  M: 20000,
  sigma2: 0,
  tmin: 1e-2,
  tmax,
});

describe('the diagnosis where E_g is tiny', () => {
  it('t_max = 10⁶: E_g still falls with slope ≈ −1.33, so time is the bottleneck and training longer helps', () => {
    const c = computeCurve(lesson1(1e6));
    const n = c.t.length;
    const slope = Math.log(c.Eg[n - 1] / c.Eg[n - 2]) / Math.log(c.t[n - 1] / c.t[n - 2]);
    expect(slope).toBeLessThan(-1);
    const d = c.diagnosis;
    expect(d.kind).toBe('time');
    const longer = d.effects.find((e) => e.what === 'longer')!;
    expect(longer.helps).toBe(true);
    // E_g(∞) = 0 here (P > M, no noise): the closed form, read exactly.
    expect(longer.value).toBe(Infinity);
    expect(longer.after).toBe(0);
  });

  it('t_max = 10⁸: E_g there is below its floor, so no change is read (kind "resolution")', () => {
    const c = computeCurve(lesson1(1e8));
    const d = c.diagnosis;
    const last = c.t.length - 1;
    expect(c.resolution.below[last]).toBe(1);
    expect(d.kind).toBe('resolution');
    expect(d.Eop).toBeLessThan(d.floor);
    for (const e of d.effects) expect(e.helps, e.what).toBe(false);
  });

  it('at t_max the advice quotes the curve’s own value (one number in the caption and the box)', () => {
    for (const p of [lesson1(1e6), { ...DEFAULT_PARAMS, sigma2: 0, N: Infinity, tmax: 1e3 }]) {
      const c = computeCurve(p);
      expect(c.diagnosis.tOp).toBe(c.window.tmax);
      expect(c.diagnosis.Eop).toBe(c.Eg[c.t.length - 1]);
      expect(c.diagnosis.floor).toBe(c.resolution.floor[c.t.length - 1]);
    }
  });
});
