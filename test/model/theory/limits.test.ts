// t → ∞ limits against closed forms of docs/theory.md §4, computed here independently with exact mode
// sums (M ≤ 600, where the engine also sums exactly), to 1e-6 relative; and the dynamics at very
// long times against the limits (Langevin → Bayesian posterior).
import { describe, expect, it } from 'vitest';
import { computeCurve } from '../../../src/model/theory/curve.ts';
import { makeEngine } from '../../../src/model/theory/engine.ts';
import { computeLimit } from '../../../src/model/theory/limits.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { bisect, exactSums as sums } from '../../helpers/exactSums.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

const base: Params = { ...DEFAULT_PARAMS, M: 500, P: 200, sigma2: 0.1 };

describe('kernel ridge regression (N = ∞): Canatar–Bordelon–Pehlevan', () => {
  for (const [alpha, beta, gamma] of [
    [1.5, 2, 1e-3],
    [1.2, 1.5, 1e-2],
    [2.5, 3, 1e-5],
  ]) {
    it(`α = ${alpha}, β = ${beta}, γ = ${gamma}`, () => {
      const p: Params = { ...base, alpha, beta, gamma, N: Infinity, regime: 'wd' };
      // κ = γ + κ df(κ)/P
      const kappa = bisect((k) => k - gamma - (k * sums(p, k).df) / p.P, gamma, 1e3);
      const s = sums(p, kappa);
      const Gamma = s.G2 / p.P;
      const E = (kappa ** 2 * s.bias2 + p.sigma2 * Gamma) / (1 - Gamma);
      const lim = computeLimit(makeEngine(p));
      expect(rel(lim.kappa, kappa)).toBeLessThan(1e-9);
      expect(rel(lim.Emean, E)).toBeLessThan(1e-6);
      // GCV identity: E_tr(∞) = (1 − df/P)² (E + σ²)
      expect(rel(lim.EtrMean, (1 - s.df / p.P) ** 2 * (E + p.sigma2))).toBeLessThan(1e-6);
    });
  }
});

describe('random features (finite N): the diagonal two-point formulas', () => {
  for (const [N, gamma] of [
    [100, 1e-3],
    [400, 1e-2],
    [150, 0],
  ]) {
    it(`N = ${N}, γ = ${gamma}`, () => {
      const p: Params = { ...base, N, gamma, regime: gamma > 0 ? 'wd' : 'gf' };
      const n = Math.min(N, p.P);
      const kstar = gamma > 0 ? 0 : bisect((k) => n - sums(p, k).df, 1e-12, 1e3);
      const kappa =
        gamma > 0
          ? bisect(
              (k) => {
                const d = sums(p, k).df;
                return k * (1 - d / N) * (1 - d / p.P) - gamma;
              },
              1e-12,
              1e3,
            )
          : kstar;
      const s = sums(p, kappa);
      const a = kappa * (1 - s.df / N);
      const ap = 1 - s.df / N - (kappa * s.dfd) / N;
      const Gamma = (s.df + (a * s.dfd) / ap) / p.P;
      const BR = s.Sw - s.U + (a * s.Ud) / ap;
      const E = (BR + p.sigma2 * Gamma) / (1 - Gamma);
      const lim = computeLimit(makeEngine(p));
      expect(rel(lim.kappa, kappa)).toBeLessThan(1e-8);
      expect(rel(lim.Emean, E)).toBeLessThan(1e-6);
      expect(rel(lim.postVarPerT, s.df / (1 - s.df / p.P))).toBeLessThan(1e-6);
    });
  }
});

describe('long-time dynamics reach the limits', () => {
  it('Langevin at t → ∞ equals the Bayesian posterior (Gibbs error)', () => {
    for (const N of [Infinity, 300, 1000]) {
      const p: Params = {
        ...base,
        M: 2000,
        N,
        regime: 'langevin',
        gamma: 1e-2,
        T: 1e-4,
        tmin: 1e5,
        tmax: 1e8,
        nt: 4,
      };
      const c = computeCurve(p);
      const lim = computeLimit(makeEngine({ ...p, regime: 'bayes' }));
      expect(lim.Egibbs).toBeGreaterThan(lim.Emean);
      expect(rel(c.Eg[c.Eg.length - 1], lim.Egibbs), `N = ${N}`).toBeLessThan(1e-6);
    }
  });

  it('weight decay at t → ∞ equals the ridge error, and E_tr the GCV identity', () => {
    const p: Params = {
      ...base,
      M: 3000,
      N: 800,
      regime: 'wd',
      gamma: 3e-3,
      tmin: 1e5,
      tmax: 1e8,
      nt: 4,
    };
    const c = computeCurve(p);
    expect(rel(c.Eg[3], c.limit.Emean)).toBeLessThan(1e-6);
    expect(rel(c.Etr[3], c.limit.EtrMean)).toBeLessThan(1e-6);
  });

  it('ridgeless gradient flow with random init keeps the null-space part σ0² df·a', () => {
    const p: Params = {
      ...base,
      M: 3000,
      N: 600,
      P: 200,
      sigma02: 0.3,
      tmin: 1e6,
      tmax: 1e9,
      nt: 4,
    };
    const c = computeCurve(p);
    expect(rel(c.Eg[3], c.limit.Eg)).toBeLessThan(1e-5);
    expect(c.limit.Eg).toBeGreaterThan(c.limit.Emean * 1.01);
  });

  it('Langevin with γ = 0 and N > P grows linearly (divergent limit); with N < P it saturates', () => {
    const grow = computeCurve({
      ...base,
      M: 2000,
      N: 600,
      regime: 'langevin',
      gamma: 0,
      T: 1e-4,
      tmin: 1e6,
      tmax: 1e7,
      nt: 2,
    });
    expect(grow.limit.divergent).toBe(true);
    const ratio = (grow.Eg[1] - grow.limit.Emean) / (grow.Eg[0] - grow.limit.Emean);
    expect(ratio).toBeGreaterThan(9.5);
    expect(ratio).toBeLessThan(10.5);
    const sat = computeCurve({
      ...base,
      M: 2000,
      N: 100,
      regime: 'langevin',
      gamma: 0,
      T: 1e-4,
      tmin: 1e7,
      tmax: 1e8,
      nt: 2,
    });
    expect(sat.limit.divergent).toBe(false);
    // E_g^T(∞) = T·N/(1 − N/P)
    expect(rel(sat.limit.Eg - sat.limit.Emean, 1e-4 * (100 / (1 - 100 / 200)))).toBeLessThan(1e-6);
    expect(rel(sat.Eg[1], sat.limit.Eg)).toBeLessThan(1e-5);
  });

  it('the interpolation peak N = P with noise is reported as divergent, never NaN', () => {
    const c = computeCurve({ ...base, N: 200, P: 200 });
    expect(c.limit.divergent).toBe(true);
    expect(c.limit.Eg).toBe(Infinity);
    expect(c.Eg.length).toBe(base.nt);
    for (const v of c.Eg) expect(Number.isFinite(v)).toBe(true);
  });
});
