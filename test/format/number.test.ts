import { describe, expect, it } from 'vitest';
import {
  e3,
  formatAscii,
  formatDecade,
  formatNumber,
  formatParam,
  formatReadout,
  formatRounded,
  formatSlope,
  formatTrimmed,
  powerOfTen,
  superscript,
  t2,
  texExponent,
  texNumber,
  texParam,
} from '../../src/format/number.ts';

describe('superscript', () => {
  it('maps digits and signs', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(3)).toBe('³');
    expect(superscript('−4')).toBe('⁻⁴');
    expect(formatDecade(-2)).toBe('10⁻²');
    expect(formatDecade(0)).toBe('10⁰');
  });
});

describe('formatNumber', () => {
  it('writes plain decimals between 10⁻³ and 100', () => {
    expect(formatNumber(0.02821)).toBe('0.0282');
    expect(formatNumber(0.0634, 3)).toBe('0.0634');
    expect(formatNumber(35.8)).toBe('35.8');
    expect(formatNumber(2.248, 2)).toBe('2.2');
    expect(formatNumber(0.001)).toBe('0.00100');
    expect(formatNumber(1)).toBe('1.00');
  });

  it('writes m·10ᵉ outside, and 10ᵉ for exact powers of ten', () => {
    expect(formatNumber(412.3, 2)).toBe('4.1·10²');
    expect(formatNumber(400, 2)).toBe('4.0·10²');
    expect(formatNumber(1000)).toBe('10³');
    expect(formatNumber(1e6, 4)).toBe('10⁶');
    expect(formatNumber(1e-4)).toBe('10⁻⁴');
    expect(formatNumber(3e-5)).toBe('3.00·10⁻⁵');
    expect(formatNumber(123456, 4)).toBe('1.235·10⁵');
  });

  it('moves values that round up across the boundary', () => {
    expect(formatNumber(99.96, 3)).toBe('1.00·10²');
    expect(formatNumber(0.00099996, 3)).toBe('0.00100');
  });

  it('never writes exponent notation of toPrecision', () => {
    expect(formatNumber(20, 1)).toBe('20');
    expect(formatNumber(35.8, 1)).toBe('40');
  });

  it('handles signs, zero and non-finite values', () => {
    expect(formatNumber(-0.5, 2)).toBe('−0.50');
    expect(formatNumber(-2500, 2)).toBe('−2.5·10³');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(NaN)).toBe('—');
  });

  it('formats read-outs with 4 significant digits', () => {
    expect(formatReadout(0.028213)).toBe('0.02821');
    expect(formatReadout(412.345)).toBe('4.123·10²');
  });
});

describe('formatSlope', () => {
  it('uses a true minus sign and fixed decimals', () => {
    expect(formatSlope(-1.0312)).toBe('−1.03');
    expect(formatSlope(-1)).toBe('−1.00');
    expect(formatSlope(-0.6667, 3)).toBe('−0.667');
    expect(formatSlope(0.25)).toBe('0.25');
    expect(formatSlope(-0.001)).toBe('0.00');
    expect(formatSlope(NaN)).toBe('—');
  });
});

describe('formatParam', () => {
  it('prints parameters exactly and briefly', () => {
    expect(formatParam(400)).toBe('400');
    expect(formatParam(Infinity)).toBe('∞');
    expect(formatParam(0.1)).toBe('0.1');
    expect(formatParam(0.05)).toBe('0.05');
    expect(formatParam(1.5)).toBe('1.5');
    expect(formatParam(1e-3)).toBe('10⁻³');
    expect(formatParam(1e6)).toBe('10⁶');
    expect(formatParam(1000)).toBe('1000');
    expect(formatParam(2.5e-4)).toBe('2.5·10⁻⁴');
    expect(formatParam(123456)).toBe('1.235·10⁵');
    expect(formatParam(0)).toBe('0');
  });
});

describe('TeX numbers', () => {
  it('writes powers of ten in TeX', () => {
    expect(texNumber(412.3, 2)).toBe('4.1 \\cdot 10^{2}');
    expect(texNumber(1e-4)).toBe('10^{-4}');
    expect(texNumber(0.0282)).toBe('0.0282');
    expect(texNumber(Infinity)).toBe('\\infty');
    expect(texNumber(-3e-5)).toBe('-3.00 \\cdot 10^{-5}');
    expect(texParam(1e-3)).toBe('10^{-3}');
    expect(texParam(Infinity)).toBe('\\infty');
    expect(texParam(400)).toBe('400');
  });
});

describe('powerOfTen', () => {
  it('recognises exact powers only', () => {
    expect(powerOfTen(1e-12)).toBe(-12);
    expect(powerOfTen(1000)).toBe(3);
    expect(powerOfTen(999.99)).toBeNull();
    expect(powerOfTen(0)).toBeNull();
    expect(powerOfTen(-10)).toBeNull();
  });
});

describe('formatRounded', () => {
  it('rounds to significant digits and drops trailing zeros', () => {
    expect(formatRounded(0.05, 1)).toBe('0.05');
    expect(formatRounded(20, 1)).toBe('20');
    expect(formatRounded(5000, 1)).toBe('5000');
    expect(formatRounded(2 / 3)).toBe('0.667');
    expect(formatRounded(1.5)).toBe('1.5');
    expect(formatRounded(-1.5)).toBe('−1.5');
    expect(formatRounded(0)).toBe('0');
  });

  it('leaves plain decimals where they get long, and names non-finite values', () => {
    expect(formatRounded(123456, 2)).toBe('1.2·10⁵');
    expect(formatRounded(2e-5, 2)).toBe('2.0·10⁻⁵');
    expect(formatRounded(Infinity)).toBe('∞');
    expect(formatRounded(NaN)).toBe('—');
  });
});

describe('formatTrimmed and texExponent', () => {
  it('keeps at most the given decimals, without trailing zeros', () => {
    expect(formatTrimmed(1)).toBe('1');
    expect(formatTrimmed(2 / 3)).toBe('0.667');
    expect(formatTrimmed(2.4)).toBe('2.4');
    expect(formatTrimmed(12.3456)).toBe('12.346');
    expect(formatTrimmed(-0.5)).toBe('−0.5');
    expect(formatTrimmed(-0.0001)).toBe('0');
    expect(formatTrimmed(Infinity)).toBe('∞');
  });

  it('writes the same in TeX', () => {
    expect(texExponent(2 / 3)).toBe('0.667');
    expect(texExponent(-0.5)).toBe('-0.5');
    expect(texExponent(Infinity)).toBe('\\infty');
    expect(texExponent(NaN)).toBe('\\text{—}');
  });
});

describe('formatAscii', () => {
  it('uses plain characters only', () => {
    expect(formatAscii(0.05)).toBe('0.05');
    expect(formatAscii(400)).toBe('400');
    expect(formatAscii(2.5e-4)).toBe('2.5e-4');
    expect(formatAscii(1234567)).toBe('1.23e6');
    expect(formatAscii(-0.125)).toBe('-0.125');
    expect(formatAscii(0)).toBe('0');
    expect(formatAscii(Infinity)).toBe('∞');
    expect(formatAscii(NaN)).toBe('—');
  });
});

describe('e3 and t2 (the claims’ numbers)', () => {
  it('write 3 and 2 significant digits', () => {
    expect(e3(0.028213)).toBe('0.0282');
    expect(e3(4123)).toBe('4.12·10³');
    expect(t2(1234)).toBe('1.2·10³');
    expect(t2(0.5)).toBe('0.50');
  });

  it('print ∞ for a divergent value and — for a missing one, never NaN or Infinity', () => {
    expect(e3(Infinity)).toBe('∞');
    expect(t2(Infinity)).toBe('∞');
    expect(e3(-Infinity)).toBe('−∞');
    expect(e3(NaN)).toBe('—');
    expect(t2(NaN)).toBe('—');
  });
});
