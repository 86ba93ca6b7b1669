import { describe, expect, it } from 'vitest';
import {
  formatDecade,
  formatNumber,
  formatParam,
  formatReadout,
  formatSlope,
  powerOfTen,
  superscript,
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
