// The engine's resolution (docs/theory.md §5.6, §7): long-time tails against closed forms, the
// floor that every value carries, and the plateaus at t → ∞ that the inversion used to blur.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { makeEngine, type Engine } from '../../../src/model/theory/engine.ts';
import { KappaSolver } from '../../../src/model/theory/kappa.ts';
import { computeLimit } from '../../../src/model/theory/limits.ts';
import { TimeEvaluator } from '../../../src/model/theory/timeEval.ts';
import { computeCurve } from '../../../src/model/theory/curve.ts';

/** The state of lesson 1 after its "Try it" (docs/lessons.md #1), t_max as given. */
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

/** Σ_k c_k e^{−2λ_k t} over k = 1..M: E_g of gradient flow at P = N = ∞ (§6, time law). */
function freeDecay(p: Params, t: number): number {
  let s = 0;
  for (let k = 1; k <= p.M; k++) s += k ** -p.beta * Math.exp(-2 * k ** -p.alpha * t);
  return s;
}

/**
 * The engine of a state with P = ∞ as well (κ = λ): outside the parameter box, so built by hand;
 * its E_g(t) is exactly Σ_i c_i e^{−2λ_i t} over the compressed modes.
 */
function freeEngine(p: Params): Engine {
  const e = makeEngine(p, 1e12);
  return {
    ...e,
    p: { ...e.p, P: Infinity },
    iP: 0,
    solver: new KappaSolver(e.sp, Infinity, Infinity),
  };
}

describe('tails against closed forms', () => {
  it('P = N = ∞: E_g(t) is Σ c_k e^{−2λ_k t} within its floor, 1e-7 of it early, and resolved far below 1e-12', () => {
    let resolved = 0;
    let unresolved = 0;
    let deep = 0;
    for (const [alpha, beta] of [
      [1.5, 3],
      [1.2, 2],
      [2.5, 4],
    ]) {
      const p = { ...lesson1(1e8), alpha, beta, M: 2000 };
      const e = freeEngine(p);
      const sp = e.sp;
      const ev = new TimeEvaluator(e);
      for (let k = 0; k <= 112; k++) {
        const t = 1e-2 * 10 ** (k / 8);
        // The compressed spectrum's own sum: the inversion is the only error left.
        let exact = 0;
        for (let i = 0; i < sp.lam.length; i++) exact += sp.wc[i] * Math.exp(-2 * sp.lam[i] * t);
        const v = ev.at(t);
        const tag = `α = ${alpha}, β = ${beta}, t = ${t.toExponential(2)}`;
        expect(Math.abs(v.Eg - exact), tag).toBeLessThanOrEqual(v.floor);
        // Early on the floor is the rule's discretization: a few 1e-7 of the value.
        if (t <= 0.1) expect(v.floor / exact, tag).toBeLessThan(1e-6);
        if (exact > 10 * v.floor) {
          resolved++;
          if (exact < 1e-12 * sp.Sw) deep++;
        } else unresolved++;
      }
    }
    // Resolved tails far below the old round-off (~1e-12 of E_g(0)), and times where the value
    // is below the floor: both regimes are exercised.
    expect(resolved).toBeGreaterThan(120);
    expect(deep).toBeGreaterThanOrEqual(3);
    expect(unresolved).toBeGreaterThan(40);
  });

  it('lesson 1 (P = 10⁷ ≫ M): E_g(10⁷) is within 10 % of Σ c_k e^{−2λ_k t} (it was 3.3 times it)', () => {
    const p = lesson1(1e8);
    const ev = new TimeEvaluator(makeEngine(p, 1e12));
    const v = ev.at(1e7, { train: false });
    const closed = freeDecay(p, 1e7);
    expect(closed).toBeGreaterThan(2e-13);
    expect(closed).toBeLessThan(2.2e-13);
    // Finite P slows the slowest modes a little: a few per cent above the P = ∞ form.
    expect(v.Eg / closed).toBeGreaterThan(1);
    expect(v.Eg / closed).toBeLessThan(1.1);
    expect(v.floor).toBeLessThan(0.01 * v.Eg);
  });

  it('lesson 1 at t_max = 10⁸: the curve ends where E_g falls below its floor, and says so', () => {
    const c = computeCurve(lesson1(1e8));
    const r = c.resolution;
    expect(r.floor.length).toBe(c.t.length);
    // Σ c_k e^{−2λ_k t} is 1.5e-20 at t = 10^7.5 and 4.6e-42 at 10⁸: far below any floor.
    expect(r.end).toBeLessThan(c.t.length);
    expect(c.t[r.end]).toBeGreaterThan(1e7);
    expect(c.t[r.end]).toBeLessThan(10 ** 7.5);
    for (let i = r.end; i < c.t.length; i++) expect(r.below[i]).toBe(1);
    for (let i = 0; i < r.end; i++) {
      expect(r.below[i]).toBe(0);
      expect(c.Eg[i]).toBeGreaterThanOrEqual(r.floor[i]);
    }
    // Relative to E_g at the first time, the floor is small but stated.
    expect(r.relative).toBeGreaterThan(0);
    expect(r.relative).toBeLessThan(1e-5);
  });
});

describe('plateaus: E_g(t) at long times equals the closed-form E_g(∞)', () => {
  // P = 400, N = 1000, σ² = 0.05: a state that has settled by t = 10⁶ (the landing state's
  // P = 10⁶ is still learning there).
  const SETTLED: Params = { ...DEFAULT_PARAMS, P: 400, N: 1000, sigma2: 0.05 };
  for (const extra of [
    { regime: 'wd', gamma: 0.01 },
    { regime: 'wd', gamma: 0.3, N: Infinity, sigma2: 0 },
    { regime: 'gf' },
    { regime: 'gf', N: Infinity, sigma2: 0 },
  ] as Partial<Params>[])
    it(`${JSON.stringify(extra)}: within 1e-7 relative over t = 10⁶…10¹² (it wobbled by up to 1e-3)`, () => {
      const e = makeEngine({ ...SETTLED, ...extra }, 1e12);
      const limit = computeLimit(e).Eg;
      const ev = new TimeEvaluator(e);
      for (let k = 0; k <= 24; k++) {
        const t = 1e6 * 10 ** (k / 4);
        const v = ev.at(t, { train: false });
        expect(Math.abs(v.Eg / limit - 1), `t = ${t}`).toBeLessThan(1e-7);
        expect(Math.abs(v.Eg - limit), `t = ${t}`).toBeLessThanOrEqual(v.floor);
      }
    });
});
