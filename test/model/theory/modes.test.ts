// Per-mode learning (docs/theory.md §3): closed-form limits of ℓ_k(t).
import { describe, expect, it } from 'vitest';
import { computeModeDetail, computeModes, modeIndices } from '../../../src/model/theory/modes.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';

describe('mode panel', () => {
  it('P = 10⁷, N = ∞: gradient flow on the population loss, ℓ_k(t) = 1 − e^{−λ_k t}', () => {
    const p: Params = { ...DEFAULT_PARAMS, P: 1e7, N: Infinity, tmin: 0.1, tmax: 1e3, nt: 12 };
    const m = computeModes(p);
    for (let ik = 0; ik < m.k.length; ik++) {
      const lam = m.k[ik] ** -p.alpha;
      for (let it = 0; it < m.t.length; it++) {
        const want = 1 - Math.exp(-lam * m.t[it]);
        expect(Math.abs(m.frac[ik * m.t.length + it] - want)).toBeLessThan(2e-4);
      }
    }
  });

  it('long times approach λ_k/(λ_k + κ(γ)); learned modes are ordered (spectral bias)', () => {
    const p: Params = { ...DEFAULT_PARAMS, regime: 'wd', gamma: 1e-3, tmin: 1, tmax: 1e8, nt: 20 };
    const m = computeModes(p);
    const nt = m.t.length;
    for (let ik = 0; ik < m.k.length; ik++) {
      expect(Math.abs(m.frac[ik * nt + nt - 1] - m.fracInf[ik])).toBeLessThan(1e-6);
      if (ik > 0) expect(m.fracInf[ik]).toBeLessThan(m.fracInf[ik - 1]);
    }
    // k*(t) grows with t as a power law, saturating at κ(γ)^{-1/α}
    for (let it = 1; it < nt; it++)
      expect(m.boundary[it]).toBeGreaterThanOrEqual(m.boundary[it - 1]);
  });

  it('mode indices are distinct, log-spaced integers from 1', () => {
    const k = modeIndices(1000, 40);
    expect(k[0]).toBe(1);
    expect(k[k.length - 1]).toBe(1000);
    for (let i = 1; i < k.length; i++) expect(k[i]).toBeGreaterThan(k[i - 1]);
  });
});

describe('one mode in detail', () => {
  it('agrees with the mode panel at the same k and t', () => {
    const p: Params = {
      ...DEFAULT_PARAMS,
      regime: 'wd',
      gamma: 1e-3,
      tmin: 0.1,
      tmax: 1e5,
      nt: 15,
    };
    const m = computeModes(p);
    for (const ik of [0, 5, 12]) {
      const d = computeModeDetail(p, m.k[ik]);
      for (let it = 0; it < m.t.length; it++)
        expect(Math.abs(d.ell[it] - m.frac[ik * m.t.length + it])).toBeLessThan(1e-9);
      expect(Math.abs(d.ellInf - m.fracInf[ik])).toBeLessThan(1e-12);
    }
  });

  it('without coupling (P = 10⁷, N = ∞) it is the free dynamics, learned at ln 2/λ_k', () => {
    const p: Params = { ...DEFAULT_PARAMS, P: 1e7, N: Infinity, tmin: 0.1, tmax: 1e3, nt: 12 };
    for (const k of [1, 3, 10]) {
      const d = computeModeDetail(p, k);
      expect(d.lambda).toBe(k ** -p.alpha);
      expect(d.target).toBe(k ** -p.beta);
      for (let it = 0; it < d.t.length; it++) {
        expect(d.free[it]).toBeCloseTo(1 - Math.exp(-d.lambda * d.t[it]), 14);
        expect(Math.abs(d.ell[it] - d.free[it])).toBeLessThan(2e-4);
      }
      expect(d.freeLearnedTime).toBeCloseTo(Math.LN2 / d.lambda, 10);
      expect(Math.abs(d.learnedTime / d.freeLearnedTime - 1)).toBeLessThan(1e-3);
    }
  });

  it('the collective response delays learning; modes with λ_k < κ(γ) are never learned', () => {
    const p: Params = { ...DEFAULT_PARAMS, regime: 'wd', gamma: 1e-3, P: 400, N: 1000 };
    const early = computeModeDetail(p, 10);
    expect(early.everLearned).toBe(true);
    expect(early.learnedTime).toBeGreaterThan(early.freeLearnedTime);
    // ℓ_k(t_learned) = ½ (checked on a one-point grid at that time).
    const at = computeModeDetail(
      { ...p, tmin: early.learnedTime / 2, tmax: early.learnedTime, nt: 2 },
      10,
    );
    expect(Math.abs(at.ell[1] - 0.5)).toBeLessThan(1e-7);
    const late = computeModeDetail(p, 3000);
    expect(late.lambda).toBeLessThan(late.kappaInf);
    expect(late.everLearned).toBe(false);
    expect(late.ellInf).toBeLessThan(0.5);
    expect(late.learnedTime).toBe(Infinity);
  });

  it('rejects a mode index that is not an integer in [1, M]', () => {
    expect(() => computeModeDetail(DEFAULT_PARAMS, 0)).toThrow(/integer ≥ 1/);
    expect(() => computeModeDetail({ ...DEFAULT_PARAMS, M: 100 }, 200)).toThrow(/exceeds/);
  });
});
