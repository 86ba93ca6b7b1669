// Per-mode learning (docs/theory.md §3): closed-form limits of ℓ_k(t).
import { describe, expect, it } from 'vitest';
import { computeModes, modeIndices } from '../../../src/model/theory/modes.ts';
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
