// The phase diagram's note on the current state: the map's law is said to hold only where it
// governs the state. At the landing sizes (P = 10⁶, N = 10⁵: P/N = 10) E_g(∞) is flat in P (the
// N features are the bottleneck), so the data-limited law of the map does not hold there.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { phaseVerdict, PHASE_EXPONENTS } from '../../src/model/theory/phase.ts';
import { phaseStateNote } from '../../src/claims/phase.ts';
import { phaseNoteClaim } from '../../src/claims/phaseClaims.ts';
import { engineOracle } from '../../src/claims/verify.ts';

const oracle = engineOracle();
const note = (exponent: (typeof PHASE_EXPONENTS)[number], p: Params) => {
  const v = phaseVerdict(exponent, p, Infinity);
  return phaseNoteClaim(phaseStateNote(exponent, p, v, false), p, exponent, v);
};

describe('phase note', () => {
  it('at P/N = 10 does not say that the data-limited law holds', () => {
    const p = { ...DEFAULT_PARAMS, P: 1e6, N: 1e5, sigma2: 0 };
    expect(phaseVerdict('data-inf', p, Infinity).law).toBe('flat-model');
    const c = note('data-inf', p);
    expect(c.plain).not.toContain('it holds when');
    expect(c.plain).toContain('but not in this state: the slope here is 0.00');
    expect(c.plain).toContain('the N features are the bottleneck');
    expect(c.check(oracle, c)).toEqual([]);
  });

  it('says it holds where the law governs the state (N ≫ P)', () => {
    const p = { ...DEFAULT_PARAMS, P: 1e3, N: Infinity, sigma2: 0 };
    const c = note('data-inf', p);
    expect(c.plain).toContain('it holds when');
    expect(c.check(oracle, c)).toEqual([]);
  });

  it('its check fails on a note that says the map’s law holds under another law', () => {
    const p = { ...DEFAULT_PARAMS, P: 1e6, N: 1e5, sigma2: 0 };
    const v = phaseVerdict('data-inf', p, Infinity);
    const text =
      'At α = 1.5, β = 2 the data-limited law predicts −1.00 for E_g(∞) against P; it holds when ' +
      'P ≥ 10 N (here P/N = 10): the N features are the bottleneck.';
    const c = phaseNoteClaim(text, p, 'data-inf', v);
    expect(c.check(oracle, c).length).toBeGreaterThan(0);
  });

  it('every exponent’s note at the landing state passes its check', () => {
    for (const e of PHASE_EXPONENTS) {
      const c = note(e, DEFAULT_PARAMS);
      expect(c.check(oracle, c), `${e}: ${c.plain}`).toEqual([]);
    }
  });
});
