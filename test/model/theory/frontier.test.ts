// Compute-optimal frontier: docs/theory.md §6 derives L* ~ C^{-(β−1)m_N/(β−1+α m_N)} and
// N* ~ C^{(β−1)/(β−1+α m_N)} without checking them; here they are checked from the engine.
import { describe, expect, it } from 'vitest';
import { computeFrontier } from '../../../src/model/theory/frontier.ts';
import { DEFAULT_PARAMS } from '../../../src/model/params.ts';

describe('compute-optimal frontier (P = 10⁷, σ² = 0, C = N·t from 10⁴ to 10¹⁰)', () => {
  for (const [alpha, beta] of [
    [1.5, 2],
    [2, 2.5],
    [1.2, 1.8],
  ]) {
    it(`α = ${alpha}, β = ${beta} (β − 1 < α): fitted exponents within 0.01 of the derived ones`, () => {
      const f = computeFrontier(
        { ...DEFAULT_PARAMS, alpha, beta, P: 1e7, sigma2: 0 },
        { Cmin: 1e4, Cmax: 1e10, n: 5 },
      );
      expect(Math.abs(f.fitL!.slope - f.predicted.L)).toBeLessThan(0.01);
      expect(Math.abs(f.fitN!.slope - f.predicted.N)).toBeLessThan(0.01);
      for (let i = 0; i < f.C.length; i++) expect(f.Nstar[i] * f.tstar[i]).toBeCloseTo(f.C[i], 6);
    });
  }
});
