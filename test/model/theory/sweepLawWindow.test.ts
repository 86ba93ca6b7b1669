// The law a size sweep's fitted slope is set against is judged where the fit was read. Under
// weight decay γ = 0.01 with label noise (P = 10⁶, N = 10⁵) the P sweep's stable slope, −0.55 over
// P ≈ 10…240, was set against the state's own law, "0 model-limited when P ≥ 10 N (here
// P/N = 10)", which holds only far beyond the window; at the window's top weight decay acts
// before E_g is lowest (the early-stopping law needs γ·t* ≪ 1), so no size law holds over the fit.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { computeSweep } from '../../../src/model/theory/sweep.ts';
import { exponentLaws } from '../../../src/model/theory/laws.ts';
import { gapReason } from '../../../src/claims/laws.ts';

const wd: Params = { ...DEFAULT_PARAMS, regime: 'wd', gamma: 0.01, sigma2: 0.5 };

describe('sweepLaw: judged over the fit window', () => {
  it('a fit whose window holds no size law is set against none (gap fit-window)', () => {
    const s = computeSweep(wd, 'P', 'tstar');
    expect(s.fit).not.toBeNull();
    const law = s.law!;
    // The state's own verdict is the flat model-limited law (P/N = 10) …
    const here = exponentLaws(wd, { at: 'tstar', tAt: NaN }, Infinity).P;
    expect(here.law).toBe('flat-model');
    // … which must not be the fit's: the window ends far below P = 10 N.
    expect(s.fit!.xmax).toBeLessThan(wd.N);
    expect(law.law).toBeNull();
    expect(law.gap).toBe('fit-window');
    expect(law.facts.atFitTop?.gap).toBe('ridge-before-stop');
    const why = gapReason('fit-window', law, wd);
    expect(why).toMatch(/^over the fit \(P ≤ [\d.·⁰¹²³⁴⁵⁶⁷⁸⁹]+\) no size law holds: at its top/);
    expect(why).toContain(
      'weight decay γ = 0.01 acts before E_g is lowest, which is only as t → ∞',
    );
    expect(why).not.toContain('P/N = 10');
  });

  it('a fit inside a size law keeps that law (the landing state)', () => {
    const s = computeSweep(DEFAULT_PARAMS, 'P', 'tstar');
    expect(s.law!.law).toBe('data');
    expect(s.law!.facts.fitTop).toBe(s.fit!.xmax);
  });
});
