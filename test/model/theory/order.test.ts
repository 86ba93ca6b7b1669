// The order parameters on a real timescale τ (docs/theory.md §1–§2) against their definitions
// evaluated directly: by exact mode sums at finite M, and from the engine's spectral sums at M = ∞.
import { describe, expect, it } from 'vitest';
import { computeOrder } from '../../../src/model/theory/order.ts';
import { makeEngine } from '../../../src/model/theory/engine.ts';
import { allSumsReal } from '../../../src/model/theory/sums.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { exactDiagonal, exactKappa } from '../../helpers/exactSums.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
const tau = Float64Array.from([0.1, 3, 100, 1e4, 1e6]);

describe('order parameters against exact sums (M = 500)', () => {
  for (const [N, gamma] of [
    [Infinity, 0],
    [150, 0],
    [800, 1e-3],
  ]) {
    it(`N = ${N}, γ = ${gamma}`, () => {
      const p: Params = {
        ...DEFAULT_PARAMS,
        M: 500,
        P: 200,
        N,
        gamma,
        regime: gamma > 0 ? 'wd' : 'gf',
      };
      const o = computeOrder(p, tau);
      for (let i = 0; i < tau.length; i++) {
        const lam = 1 / tau[i] + gamma;
        const kappa = exactKappa(p, lam);
        const d = exactDiagonal(p, kappa);
        expect(rel(o.kappa[i], kappa)).toBeLessThan(1e-8);
        expect(rel(o.R[i], d.R)).toBeLessThan(1e-7);
        expect(rel(o.amplification[i], 1 / (1 - d.Gamma))).toBeLessThan(1e-7);
        // R is the ratio λ/κ by the self-consistency of §1.
        expect(rel(o.R[i], lam / o.kappa[i])).toBeLessThan(1e-9);
      }
      // The collective response falls as τ grows (data and features run out).
      for (let i = 1; i < tau.length; i++) expect(o.R[i]).toBeLessThan(o.R[i - 1]);
    });
  }
});

describe('order parameters at M = ∞ from the engine’s spectral sums', () => {
  it('R = (1 − df/N)(1 − df/P) and Γ = (df + a df′/(da/dκ))/P at the solved κ', () => {
    const p: Params = { ...DEFAULT_PARAMS, M: Infinity, P: 400, N: 1000, regime: 'gf' };
    const o = computeOrder(p, tau);
    const e = makeEngine(p, 1e6);
    const buf = new Float64Array(4);
    for (let i = 0; i < tau.length; i++) {
      allSumsReal(e.sp, o.kappa[i], buf);
      const [df, dfd] = buf;
      const R = (1 - df / p.N) * (1 - df / p.P);
      const a = o.kappa[i] * (1 - df / p.N);
      const ap = 1 - df / p.N - (o.kappa[i] * dfd) / p.N;
      const Gamma = (df + (a * dfd) / ap) / p.P;
      expect(rel(o.R[i], R)).toBeLessThan(1e-12);
      expect(rel(o.amplification[i], 1 / (1 - Gamma))).toBeLessThan(1e-12);
      expect(rel(o.kappa[i] * R, 1 / tau[i])).toBeLessThan(1e-9);
    }
  });
});

describe('the shared-noise amplification at interpolation', () => {
  const long = Float64Array.from([1e4, 1e6, 1e8, 1e10, Infinity]);
  it('diverges at N = P as τ → ∞ (γ = 0)', () => {
    const o = computeOrder({ ...DEFAULT_PARAMS, M: 2000, P: 200, N: 200, regime: 'gf' }, long);
    for (let i = 1; i < long.length - 1; i++)
      expect(o.amplification[i]).toBeGreaterThan(5 * o.amplification[i - 1]);
    expect(o.amplification[long.length - 1]).toBe(Infinity);
  });
  for (const N of [100, 190, 400, Infinity]) {
    it(`stays finite at N = ${N} ≠ P`, () => {
      const o = computeOrder({ ...DEFAULT_PARAMS, M: 2000, P: 200, N, regime: 'gf' }, long);
      expect(o.amplification).toHaveLength(long.length);
      for (const v of o.amplification) expect(Number.isFinite(v)).toBe(true);
      // N < P: at κ_* (df = N) Γ → N/P, so the amplification tends to 1/(1 − N/P).
      if (N < 200)
        expect(rel(o.amplification[long.length - 1], 1 / (1 - N / 200))).toBeLessThan(1e-6);
    });
  }
  it('weight decay regularises the peak: finite at N = P with γ > 0', () => {
    const o = computeOrder(
      { ...DEFAULT_PARAMS, M: 2000, P: 200, N: 200, regime: 'wd', gamma: 1e-3 },
      long,
    );
    expect(o.amplification).toHaveLength(long.length);
    for (const v of o.amplification) expect(Number.isFinite(v)).toBe(true);
  });
  it('rejects a non-positive timescale with a clear message', () => {
    expect(() => computeOrder(DEFAULT_PARAMS, Float64Array.from([0]))).toThrow(/τ must be > 0/);
  });
});
