// The engine against the independent theory implementation and the 64-seed exact simulations of
// test/fixtures/reference (tolerances: 1e-3 relative to theory; 5 % or 4 s.e.m. to the simulation).
import { describe, expect, it } from 'vitest';
import { computeCurve } from '../../../src/model/theory/curve.ts';
import { computeLimit } from '../../../src/model/theory/limits.ts';
import { makeEngine } from '../../../src/model/theory/engine.ts';
import { loadReferences } from '../../helpers/reference.ts';

const refs = loadReferences();

describe.each(refs.map((r) => [r.name, r] as const))('%s', (_name, ref) => {
  const curve = computeCurve(ref.params, { t: Float64Array.from(ref.t) });
  const EtrScale = Math.max(...ref.theory.Etr.map(Math.abs));

  it('E_g within 1e-3 relative of the reference theory at every time', () => {
    for (let i = 0; i < ref.t.length; i++) {
      const want = ref.theory.Eg[i];
      expect(Math.abs(curve.Eg[i] - want), `t = ${ref.t[i]}`).toBeLessThanOrEqual(
        1e-3 * Math.abs(want),
      );
    }
  });

  it('E_tr within 1e-3 relative of the reference theory (absolute 1e-9·max where E_tr → 0)', () => {
    for (let i = 0; i < ref.t.length; i++) {
      const want = ref.theory.Etr[i];
      expect(Math.abs(curve.Etr[i] - want), `t = ${ref.t[i]}`).toBeLessThanOrEqual(
        1e-3 * Math.abs(want) + 1e-9 * EtrScale,
      );
    }
  });

  it('E_g within 5 % or 4 s.e.m. of the 64-seed simulation mean', () => {
    for (let i = 0; i < ref.t.length; i++) {
      const m = ref.sim.Eg_mean[i];
      const tol = Math.max(0.05 * Math.abs(m), 4 * ref.sim.Eg_sem[i]);
      expect(Math.abs(curve.Eg[i] - m), `t = ${ref.t[i]}`).toBeLessThanOrEqual(tol);
    }
  });

  // Only some files carry t → ∞ values (those with γ > 0).
  if (ref.limit)
    it('t → ∞ values match the reference limits', () => {
      const lim = computeLimit(makeEngine(ref.params));
      const L = ref.limit!;
      expect(lim.kappa).toBeCloseTo(L.kappa, 10);
      expect(Math.abs(lim.Emean / L.E_mean - 1)).toBeLessThan(1e-6);
      if (L.E_gibbs !== undefined) expect(Math.abs(lim.Egibbs / L.E_gibbs - 1)).toBeLessThan(1e-6);
      if (L.post_var_per_T !== undefined)
        expect(Math.abs(lim.postVarPerT / L.post_var_per_T - 1)).toBeLessThan(1e-6);
      if (L.Etr_mean !== undefined)
        expect(Math.abs(lim.EtrMean / L.Etr_mean - 1)).toBeLessThan(1e-6);
    });
});
