import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './formula.ts';

describe('evaluateFormula (the truth suite’s reader of displayed formulas)', () => {
  const v = { α: 1.5, β: 2 };
  it('reads the laws as displayed', () => {
    expect(evaluateFormula('−(β−1)/α', v)).toBeCloseTo(-2 / 3, 15);
    expect(evaluateFormula('−min(β−1, 2α)', v)).toBe(-1);
    expect(evaluateFormula('−min(β−1, 2α)', { α: 1.2, β: 4 })).toBeCloseTo(-2.4, 15);
    expect(evaluateFormula('−(β−1)/β', v)).toBe(-0.5);
    expect(evaluateFormula('0', v)).toBe(0);
  });
  it('rejects what it cannot read', () => {
    expect(() => evaluateFormula('−(β−1', v)).toThrow();
    expect(() => evaluateFormula('κ + 1', v)).toThrow();
  });
});
