// The F and χ² quantiles of the deviance levels (docs/theory.md §10), against tabulated values.
import { describe, expect, it } from 'vitest';
import { chiSquareQuantile, fQuantile } from '../../../src/model/runfit/quantiles.ts';

describe('F and χ² quantiles', () => {
  it('match tabulated values', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.8415, 3);
    expect(chiSquareQuantile(0.95, 2)).toBeCloseTo(5.9915, 3);
    expect(chiSquareQuantile(0.682689492, 1)).toBeCloseTo(1, 4);
    expect(fQuantile(0.95, 2, 10)).toBeCloseTo(4.1028, 3);
    expect(fQuantile(0.95, 1, 54)).toBeCloseTo(4.0195, 3);
    expect(fQuantile(0.99, 3, 7)).toBeCloseTo(8.4513, 3);
  });
});
