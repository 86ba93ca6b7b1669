// The predicted phase map is the law functions, point by point, and its boundary lines are where
// those functions switch from one term to the other (docs/theory.md §6.1).
import { describe, expect, it } from 'vitest';
import { lawTerm, lawValue, lawBranches } from '../../../src/model/theory/laws.ts';
import {
  PHASE_BOUNDARIES,
  PHASE_EXPONENTS,
  PHASE_SPEC,
  boundaryBeta,
  phaseAxes,
  predictedMap,
} from '../../../src/model/theory/phase.ts';
import { LAW_FORMULA, LAW_TERM_FORMULA } from '../../../src/claims/laws.ts';
import { evaluateFormula } from '../../claims/formula.ts';

const axes = phaseAxes(48, 60);

describe('predicted map', () => {
  for (const e of PHASE_EXPONENTS) {
    it(`${e}: every grid point equals the law function and its term`, () => {
      const map = predictedMap(e, axes);
      const law = PHASE_SPEC[e].law;
      for (let j = 0; j < axes.betas.length; j++)
        for (let i = 0; i < axes.alphas.length; i++) {
          const ab = { alpha: axes.alphas[i], beta: axes.betas[j] };
          const k = i + j * axes.alphas.length;
          expect(map.values[k]).toBe(lawValue(law, ab));
          expect(map.branches[k]).toBe(lawTerm(law, ab).branch);
        }
      expect(map.min).toBe(Math.min(...map.values));
      expect(map.max).toBe(Math.max(...map.values));
    });
  }

  it('the displayed formula of each term gives its value, and the law is the shallower term', () => {
    for (const e of PHASE_EXPONENTS) {
      const law = PHASE_SPEC[e].law;
      for (const [alpha, beta] of [
        [1.5, 2],
        [1.2, 5],
        [3, 2.5],
        [2, 5.9],
      ]) {
        const vars = { α: alpha, β: beta };
        const values = lawBranches(law).map((b) =>
          // The reader knows no superscripts: α² is α·α.
          evaluateFormula(LAW_TERM_FORMULA[law][b]!.replace('α²', 'α*α'), vars),
        );
        expect(lawValue(law, { alpha, beta })).toBeCloseTo(Math.max(...values), 12);
        if (!LAW_FORMULA[law].includes('m'))
          expect(evaluateFormula(LAW_FORMULA[law], vars)).toBeCloseTo(Math.max(...values), 12);
      }
    }
  });
});

describe('boundaries', () => {
  for (const e of PHASE_EXPONENTS) {
    const lines = PHASE_BOUNDARIES[e];
    it(`${e}: the term switches between neighbouring grid points exactly where ${lines.length} line(s) cross`, () => {
      const map = predictedMap(e, axes);
      const { alphas, betas } = axes;
      const nA = alphas.length;
      const side = (a: number, b: number) =>
        lines.map((l) => (b > boundaryBeta(l, a) ? l.above : l.below)).join();
      let switches = 0;
      for (let j = 0; j < betas.length; j++)
        for (let i = 0; i < nA; i++) {
          const here = map.branches[i + j * nA];
          // The line's side names the term (to grid resolution: both neighbours are checked).
          if (lines.length) expect(here).toBe(side(alphas[i], betas[j]));
          if (j + 1 < betas.length) {
            const up = map.branches[i + (j + 1) * nA];
            const crossed = lines.some(
              (l) =>
                betas[j] <= boundaryBeta(l, alphas[i]) && boundaryBeta(l, alphas[i]) < betas[j + 1],
            );
            expect(up !== here, `α=${alphas[i]} β=${betas[j]}`).toBe(crossed);
            if (crossed) switches++;
          }
        }
      if (lines.length === 0) expect(new Set(map.branches).size).toBe(1);
      else expect(switches).toBeGreaterThan(5);
    });
  }
});
