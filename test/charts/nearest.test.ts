import { describe, expect, it } from 'vitest';
import { findNearestIndex } from '../../src/charts/nearest.ts';

// Reference: linear scan for the nearest element, ties to the lower index.
function brute(xs: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
  return best;
}

describe('findNearestIndex', () => {
  it('handles empty input and NaN', () => {
    expect(findNearestIndex([], 1)).toBe(-1);
    expect(findNearestIndex([1, 2], NaN)).toBe(-1);
  });

  it('clamps to the ends', () => {
    expect(findNearestIndex([1, 2, 3], -5)).toBe(0);
    expect(findNearestIndex([1, 2, 3], 99)).toBe(2);
    expect(findNearestIndex([5], 3)).toBe(0);
    expect(findNearestIndex([1, 2, 3], -Infinity)).toBe(0);
    expect(findNearestIndex([1, 2, 3], Infinity)).toBe(2);
  });

  it('finds exact hits and nearest neighbours, ties to the lower index', () => {
    const xs = [0, 10, 20, 30];
    expect(findNearestIndex(xs, 20)).toBe(2);
    expect(findNearestIndex(xs, 14)).toBe(1);
    expect(findNearestIndex(xs, 16)).toBe(2);
    expect(findNearestIndex(xs, 15)).toBe(1);
  });

  it('works on typed arrays and uneven spacing, as a linear scan does', () => {
    const xs = Float64Array.from({ length: 57 }, (_, i) => Math.log10(1e-2) + i ** 1.3 / 7);
    for (let q = -1; q <= 20; q += 0.0371)
      expect(findNearestIndex(xs, q)).toBe(brute(Array.from(xs), q));
  });

  it('handles repeated values', () => {
    expect(findNearestIndex([1, 2, 2, 2, 3], 2)).toBeGreaterThanOrEqual(1);
    expect(findNearestIndex([1, 2, 2, 2, 3], 2)).toBeLessThanOrEqual(3);
  });
});
