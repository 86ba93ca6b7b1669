// The static limit at P ≫ M and its floor (docs/theory.md §5.8): with more samples than modes
// (κ = 0) every mode with λ > 0 is learned and E_g(∞) is exactly the never-learned power, 0 for
// these spectra; the difference S_w − U(0) of the compressed sums gave 1.1·10⁻⁸ (MNIST) and
// 3.6·10⁻¹³ (a spectrum file), drawn as an E_g(∞) line the curve falls through. The engine's
// floor of E_g(∞) is its round-off, far below every limit that is a result; a value below the
// floor is neither drawn nor quoted, and the claim that says so is checked.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { makeEngine } from '../../../src/model/theory/engine.ts';
import { computeLimit, limitBelowFloor } from '../../../src/model/theory/limits.ts';
import { registerSpectrum } from '../../../src/model/theory/dataSpectra.ts';
import { quotesLimit } from '../../../src/claims/checks.ts';
import { limitPhrase, outcomeSentence } from '../../../src/claims/earlyStop.ts';
import type { Oracle } from '../../../src/claims/oracle.ts';
import { referenceSpecs } from '../../../src/charts/learningCurveRefs.ts';
import { registerMnist } from '../../helpers/mnistSpectra.ts';
import { customSpectrum } from '../../audit/states.ts';
import { makeCurve, makeLimit } from '../../charts/fixtures.ts';

const gf = (q: Partial<Params>): Params => ({
  ...DEFAULT_PARAMS,
  regime: 'gf',
  N: Infinity,
  sigma2: 0,
  ...q,
});

describe('E_g(∞) at P ≫ M: every mode learned', () => {
  it('is 0 on MNIST (P = 10⁶, 10⁵, N = ∞ and 10⁵) and on a spectrum file', () => {
    registerMnist('relu', 'parity');
    registerSpectrum('custom', customSpectrum());
    const mnist = { data: 'mnist', kernel: 'relu', task: 'parity' } as const;
    const states = [
      gf({ ...mnist, P: 1e6 }),
      gf({ ...mnist, P: 1e5, N: 1e5 }),
      gf({ data: 'custom', P: 1e6 }),
      gf({ data: 'custom', P: 1e6, N: 1e5 }),
    ];
    let n = 0;
    for (const p of states) {
      const l = computeLimit(makeEngine(p));
      expect(l.kappa, p.data).toBe(0);
      expect(l.Eg, p.data).toBe(0);
      expect(l.floor, p.data).toBeLessThan(1e-15);
      expect(limitBelowFloor(l)).toBe(false);
      n++;
    }
    expect(n).toBe(4);
  });

  it('a resolved limit lies far above its floor (power law, noise, weight decay, finite N)', () => {
    const states = [
      gf({ P: 400 }),
      gf({ P: 400, sigma2: 0.1 }),
      gf({ regime: 'wd', gamma: 1e-3, P: 1e4, N: 1000 }),
      gf({ P: 1e4, N: 3000, M: 20000, sigma2: 0.05 }),
    ];
    for (const p of states) {
      const l = computeLimit(makeEngine(p));
      expect(l.Eg).toBeGreaterThan(0);
      expect(l.floor, JSON.stringify(p)).toBeLessThan(1e-9 * l.Eg);
    }
  });
});

describe('a limit below its floor is not drawn, and its sentence is checked', () => {
  const below = makeLimit({ Eg: 3.6e-13, Emean: 3.6e-13, floor: 1e-11 });
  const p = gf({});
  const oracle = (l: ReturnType<typeof makeLimit>): Oracle =>
    ({ limit: () => l }) as unknown as Oracle;

  it('no E_g(∞) line, and "0 up to round-off" in the sentence', () => {
    const c = makeCurve({ Eg: () => 0.1, Etr: () => 0.1, limit: below });
    expect(limitBelowFloor(c.limit)).toBe(true);
    expect(referenceSpecs(c).map((r) => r.testId)).not.toContain('limit-line');
    expect(limitPhrase(c)).toMatch(/^E_g\(∞\) = 0 up to round-off \(below the engine’s resolution/);
    // Above its floor the line and the number are back.
    const above = makeCurve({
      Eg: () => 0.1,
      Etr: () => 0.1,
      limit: makeLimit({ Eg: 3.6e-13, floor: 1e-15 }),
    });
    expect(referenceSpecs(above).map((r) => r.testId)).toContain('limit-line');
    expect(limitPhrase(above)).toBe('E_g(∞) = 3.60·10⁻¹³');
  });

  it('the checker passes where the recomputed limit is below its floor, and fails where it is not', () => {
    const check = quotesLimit(p, below.Eg);
    expect(check(oracle(below), null as never)).toEqual([]);
    expect(check(oracle(makeLimit({ Eg: 0, floor: 1e-11 })), null as never)).toEqual([]);
    expect(check(oracle(makeLimit({ Eg: 2e-11, floor: 1e-11 })), null as never)).toHaveLength(1);
    // A quoted value is checked against the recomputed one, within the floor.
    expect(quotesLimit(p, 0.0634)(oracle(makeLimit()), null as never)).toEqual([]);
    expect(quotesLimit(p, 0.07)(oracle(makeLimit()), null as never)).toHaveLength(1);
  });
});

describe('the early-stopping sentence at a limit of 0', () => {
  it('says "decreases monotonically to E_g(∞) = 0" without a tolerance relative to 0', () => {
    const c = makeCurve({ Eg: (t) => 1 / (1 + t), Etr: (t) => 1 / (1 + t), limit: { Eg: 0 } });
    const s = outcomeSentence(c);
    expect(s).toContain('decreases monotonically to E_g(∞) = 0');
    expect(s).not.toContain('within 0.5 %');
    const d = makeCurve({ Eg: (t) => 0.1 + 1 / (1 + t), Etr: () => 0.1, limit: { Eg: 0.1 } });
    expect(outcomeSentence(d)).toContain('(within 0.5 %)');
  });
});
