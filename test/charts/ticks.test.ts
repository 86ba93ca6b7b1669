import { describe, expect, it } from 'vitest';
import { capDecades, logExtent, padLogDomain } from '../../src/charts/domain.ts';
import { logTicks } from '../../src/charts/ticks.ts';

const labels = (d: [number, number], len: number, sp: number): string[] =>
  logTicks(d, len, sp).major.map((t) => t.label);

describe('logTicks', () => {
  it('labels every decade when there is room', () => {
    expect(labels([1e-2, 1e6], 560, 46)).toEqual([
      '10⁻²',
      '10⁻¹',
      '10⁰',
      '10¹',
      '10²',
      '10³',
      '10⁴',
      '10⁵',
      '10⁶',
    ]);
  });

  it('labels every 2nd, 3rd, … decade when narrow, on exponents divisible by the step', () => {
    expect(labels([1e-2, 1e6], 300, 46)).toEqual(['10⁻²', '10⁰', '10²', '10⁴', '10⁶']);
    expect(labels([1e-2, 1e6], 220, 72)).toEqual(['10⁰', '10³', '10⁶']);
    expect(labels([1e-12, 1e3], 300, 26)).toEqual([
      '10⁻¹²',
      '10⁻¹⁰',
      '10⁻⁸',
      '10⁻⁶',
      '10⁻⁴',
      '10⁻²',
      '10⁰',
      '10²',
    ]);
  });

  it('keeps the labels apart by the minimum spacing', () => {
    for (const [d, len, sp] of [
      [[1e-3, 1e8], 250, 46],
      [[0.0123, 0.87], 300, 26],
      [[2e-7, 3e-7], 200, 40],
      [[1, 1e40], 300, 30],
    ] as [[number, number], number, number][]) {
      const { major } = logTicks(d, len, sp);
      const px = major.map(
        (t) =>
          ((Math.log10(t.value) - Math.log10(d[0])) / (Math.log10(d[1]) - Math.log10(d[0]))) * len,
      );
      for (let i = 1; i < px.length; i++)
        expect(px[i] - px[i - 1]).toBeGreaterThanOrEqual(sp - 1e-9);
      expect(major.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives minor ticks between decades when wide enough, none otherwise', () => {
    const wide = logTicks([1, 1e3], 600, 46);
    // Wide and short: 1-2-5 labels.
    expect(wide.major.map((t) => t.label)).toEqual([
      '1',
      '2',
      '5',
      '10',
      '20',
      '50',
      '100',
      '200',
      '500',
      '1000',
    ]);
    const many = logTicks([1e-2, 1e6], 560, 46);
    expect(many.minor).toContain(2e-2);
    expect(many.minor).not.toContain(1e-2);
    expect(logTicks([1e-2, 1e6], 300, 46).minor).toEqual([1e-1, 10, 1e3, 1e5]);
  });

  it('uses 1-2-5 labels in one style inside a short domain', () => {
    expect(labels([0.0397, 0.063], 300, 26)).toEqual(['0.04', '0.05', '0.06']);
    expect(labels([0.0123, 0.87], 300, 26)).toEqual(['0.02', '0.05', '0.1', '0.2', '0.5']);
    expect(labels([2e-7, 9e-7], 300, 40)).toEqual(['2·10⁻⁷', '3·10⁻⁷', '5·10⁻⁷']);
  });

  it('never mixes 10ᵉ and decimals: short labels only where all can be decimals', () => {
    expect(labels([1.5e-4, 0.25], 300, 26)).toEqual(['10⁻³', '10⁻²', '10⁻¹']);
  });

  it('labels the ends of a sliver of a decade', () => {
    expect(labels([0.0501, 0.0503], 300, 26)).toEqual(['0.0501', '0.0503']);
  });

  it('returns nothing for unusable domains', () => {
    expect(logTicks([0, 1], 300, 30).major).toEqual([]);
    expect(logTicks([1, 10], 0, 30).major).toEqual([]);
  });
});

describe('log domains', () => {
  it('skips values a log axis cannot show', () => {
    expect(logExtent([NaN, 0, -1, 3, Infinity, 0.5], [2])).toEqual([0.5, 3]);
    expect(logExtent([NaN, 0, -Infinity])).toBeNull();
    expect(logExtent()).toBeNull();
  });

  it('pads in decades and widens degenerate extents', () => {
    const [lo, hi] = padLogDomain([1, 100], 0.05);
    expect(Math.log10(lo)).toBeCloseTo(-0.1, 12);
    expect(Math.log10(hi)).toBeCloseTo(2.1, 12);
    const [a, b] = padLogDomain([0.05, 0.05], 0.05, 0.4);
    expect(Math.log10(b / a)).toBeCloseTo(0.4, 12);
    expect(Math.sqrt(a * b)).toBeCloseTo(0.05, 12);
  });

  it('caps the dynamic range from below', () => {
    const [lo, hi] = capDecades([1e-30, 1], 18);
    expect(lo).toBeCloseTo(1e-18, 30);
    expect(hi).toBe(1);
    expect(capDecades([1e-3, 1], 18)).toEqual([1e-3, 1]);
  });
});
