// The additive split of E_g(t) (docs/theory.md §2–§4): signal + noise + temperature + init = E_g at
// every t in every regime; each part scales with its own parameter; at t → ∞ each part has its
// closed form (ridge bias and variance, posterior variance), computed here by exact mode sums.
import { describe, expect, it } from 'vitest';
import { computeCurve } from '../../../src/model/theory/curve.ts';
import { makeEngine } from '../../../src/model/theory/engine.ts';
import { computeLimit } from '../../../src/model/theory/limits.ts';
import { TimeEvaluator } from '../../../src/model/theory/timeEval.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { exactDiagonal, exactKappa, bisect, exactSums } from '../../helpers/exactSums.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** |a − b| ≤ tol·max(|a|, |b|), true for a = b = 0 (a part that is exactly off). */
const close = (a: number, b: number, tol = 1e-9) =>
  Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
const base: Params = {
  ...DEFAULT_PARAMS,
  M: 500,
  P: 200,
  sigma2: 0.1,
  tmin: 1e-2,
  tmax: 1e6,
  nt: 30,
};

const configs: [string, Partial<Params>][] = [
  ['gradient flow, kernel limit', { regime: 'gf', N: Infinity }],
  ['gradient flow, N = P (interpolation)', { regime: 'gf', N: 200 }],
  ['gradient flow, random init, N > P', { regime: 'gf', N: 600, sigma02: 0.3 }],
  ['weight decay, N < P', { regime: 'wd', N: 100, gamma: 1e-3 }],
  ['Langevin with init', { regime: 'langevin', N: 400, gamma: 1e-2, T: 1e-4, sigma02: 0.2 }],
  ['Langevin, γ = 0, N < P', { regime: 'langevin', N: 100, gamma: 0, T: 1e-4 }],
  ['Bayesian posterior', { regime: 'bayes', N: Infinity, gamma: 1e-2, T: 1e-4 }],
  ['M = ∞ tail', { regime: 'wd', N: 1000, M: Infinity, gamma: 1e-4, sigma2: 0.5 }],
];

describe('the parts of E_g(t)', () => {
  for (const [name, over] of configs) {
    it(`${name}: the parts sum to E_g to 1e-9 and leave the plain curve unchanged`, () => {
      const p: Params = { ...base, ...over };
      const plain = computeCurve(p);
      const c = computeCurve(p, { parts: true });
      const parts = c.parts!;
      expect(parts).toBeDefined();
      expect(plain.parts).toBeUndefined();
      for (let i = 0; i < c.t.length; i++) {
        const sum = parts.signal[i] + parts.noise[i] + parts.temperature[i] + parts.init[i];
        expect(rel(sum, c.Eg[i]), `t = ${c.t[i]}`).toBeLessThan(1e-9);
        expect(c.Eg[i], `t = ${c.t[i]}`).toBe(plain.Eg[i]);
        for (const k of ['signal', 'noise', 'temperature', 'init'] as const)
          expect(parts[k][i]).toBeGreaterThanOrEqual(0);
      }
      // A part whose parameter is off is exactly zero.
      const q = plain.params;
      if (q.T === 0) expect(Math.max(...parts.temperature)).toBe(0);
      if (q.sigma02 === 0) expect(Math.max(...parts.init)).toBe(0);
    });
  }

  it('the noise part is linear in σ² and the signal part does not depend on it', () => {
    const p: Params = { ...base, regime: 'gf', N: 300 };
    const a = computeCurve({ ...p, sigma2: 0.1 }, { parts: true }).parts!;
    const b = computeCurve({ ...p, sigma2: 0.4 }, { parts: true }).parts!;
    for (let i = 0; i < a.noise.length; i++) {
      expect(close(b.noise[i], 4 * a.noise[i])).toBe(true);
      expect(close(b.signal[i], a.signal[i])).toBe(true);
    }
    // Early stopping: the signal part falls and the noise part rises through t*.
    const c = computeCurve({ ...p, N: Infinity, sigma2: 0.4 }, { parts: true });
    const iStar = c.t.findIndex((t) => t >= c.earlyStop.t);
    expect(c.parts!.signal[0]).toBeGreaterThan(c.parts!.signal[iStar]);
    expect(c.parts!.noise[c.t.length - 1]).toBeGreaterThan(c.parts!.noise[iStar]);
  });

  it('the temperature part is linear in T, the init part in σ0² (raw parts, before clamping)', () => {
    const p: Params = { ...base, regime: 'langevin', N: 400, gamma: 1e-2 };
    const ev = (q: Params) => new TimeEvaluator(makeEngine(q));
    const a = ev({ ...p, T: 1e-4, sigma02: 0.1 });
    const b = ev({ ...p, T: 3e-4, sigma02: 0.5 });
    for (const t of [0.01, 1, 100, 1e4]) {
      const x = a.at(t, { parts: true }).parts!;
      const y = b.at(t, { parts: true }).parts!;
      expect(close(y.temperature, 3 * x.temperature)).toBe(true);
      expect(close(y.init, 5 * x.init)).toBe(true);
      expect(close(y.signal, x.signal)).toBe(true);
    }
  });
});

describe('the parts at t → ∞ (closed forms by exact sums, 1e-6)', () => {
  for (const [N, gamma] of [
    [Infinity, 1e-3],
    [100, 1e-3],
    [400, 1e-2],
  ]) {
    it(`ridge bias and variance, N = ${N}, γ = ${gamma}`, () => {
      const p: Params = { ...base, N, gamma, regime: 'wd' };
      const kappa = exactKappa(p, gamma);
      const d = exactDiagonal(p, kappa);
      const lim = computeLimit(makeEngine(p));
      expect(rel(lim.parts.signal, d.BR / (1 - d.Gamma))).toBeLessThan(1e-6);
      expect(rel(lim.parts.noise, (p.sigma2 * d.Gamma) / (1 - d.Gamma))).toBeLessThan(1e-6);
      if (N === Infinity) {
        // Canatar–Bordelon–Pehlevan: bias κ² Σ k^{-β}/(λ_k + κ)² /(1 − Γ), Γ = Σ λ_k²/(λ_k+κ)²/P.
        const s = exactSums(p, kappa);
        expect(rel(lim.parts.signal, (kappa ** 2 * s.bias2) / (1 - s.G2 / p.P))).toBeLessThan(1e-6);
      }
      expect(lim.parts.temperature).toBe(0);
      expect(lim.parts.init).toBe(0);
      const c = computeCurve({ ...p, tmin: 1e5, tmax: 1e6, nt: 2 }, { parts: true });
      expect(rel(c.parts!.signal[1], lim.parts.signal)).toBeLessThan(1e-6);
      expect(rel(c.parts!.noise[1], lim.parts.noise)).toBeLessThan(1e-6);
    });
  }

  it('the posterior: mean error split into bias and variance, plus T·df/(1 − df/P)', () => {
    const p: Params = { ...base, N: 300, gamma: 1e-2, T: 1e-4, regime: 'bayes' };
    const kappa = exactKappa(p, p.gamma);
    const d = exactDiagonal(p, kappa);
    const lim = computeLimit(makeEngine(p));
    expect(rel(lim.parts.temperature, (p.T * d.df) / (1 - d.df / p.P))).toBeLessThan(1e-6);
    expect(rel(lim.parts.signal + lim.parts.noise, lim.Emean)).toBeLessThan(1e-12);
    expect(
      rel(lim.parts.signal + lim.parts.noise + lim.parts.temperature, lim.Egibbs),
    ).toBeLessThan(1e-12);
    // Langevin at long times reaches the same split.
    const c = computeCurve(
      { ...p, regime: 'langevin', tmin: 1e5, tmax: 1e6, nt: 2 },
      { parts: true },
    );
    expect(rel(c.parts!.temperature[1], lim.parts.temperature)).toBeLessThan(1e-6);
    expect(rel(c.parts!.signal[1], lim.parts.signal)).toBeLessThan(1e-6);
  });

  it('ridgeless with init: the null-space init part σ0² df·a at κ_*', () => {
    const p: Params = { ...base, N: 600, P: 200, sigma02: 0.3, regime: 'gf', gamma: 0 };
    const kstar = bisect((k) => p.P - exactSums(p, k).df, 1e-12, 1e3);
    const d = exactDiagonal(p, kstar);
    const lim = computeLimit(makeEngine(p));
    expect(rel(lim.parts.init, p.sigma02 * d.df * d.a)).toBeLessThan(1e-6);
  });

  it('at the interpolation peak the noise part diverges, never NaN', () => {
    const lim = computeLimit(makeEngine({ ...base, N: 200, P: 200, regime: 'gf' }));
    expect(lim.parts.noise).toBe(Infinity);
    expect(lim.parts.temperature).toBe(0);
    const clean = computeLimit(makeEngine({ ...base, N: 200, P: 200, regime: 'gf', sigma2: 0 }));
    expect(clean.parts.noise).toBe(0);
  });
});
