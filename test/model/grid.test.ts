// The two grids every sweep, axis and fit scan is built on (src/model/grid.ts).
import { describe, expect, it } from 'vitest';
import { linspace, logIntegers, logspace } from '../../src/model/grid.ts';

describe('linspace', () => {
  it('spaces n values evenly with both ends exact', () => {
    const x = linspace(1.1, 4, 30);
    expect(x.length).toBe(30);
    expect(x[0]).toBe(1.1);
    expect(x[29]).toBe(4);
    for (let i = 1; i < 30; i++) expect(x[i] - x[i - 1]).toBeCloseTo(2.9 / 29, 14);
  });

  it('gives lo alone for one value and nothing for none', () => {
    expect(Array.from(linspace(2, 5, 1))).toEqual([2]);
    expect(linspace(2, 5, 0).length).toBe(0);
  });
});

describe('logspace', () => {
  it('spaces n values evenly in log with both ends exact', () => {
    const x = logspace(1e-2, 1e6, 33);
    expect(x[0]).toBe(1e-2);
    expect(x[32]).toBe(1e6);
    for (let i = 1; i < 33; i++) expect(Math.log10(x[i] / x[i - 1])).toBeCloseTo(8 / 32, 13);
  });

  it('shares its values at equal fractions bit for bit across sizes', () => {
    // 1/4 of 9 points and 2/8 of 17 points: the same fraction, the same value.
    const a = logspace(3e-2, 7e5, 9);
    const b = logspace(3e-2, 7e5, 17);
    for (let i = 0; i < 9; i++) expect(b[2 * i]).toBe(a[i]);
  });

  it('gives lo alone for one value', () => {
    expect(Array.from(logspace(4, 1e4, 1))).toEqual([4]);
  });
});

describe('logIntegers', () => {
  it('rounds a log grid to distinct increasing integers, fewer where it is denser than them', () => {
    const k = Array.from(logIntegers(1, 1000, 40));
    expect(k[0]).toBe(1);
    expect(k[k.length - 1]).toBe(1000);
    expect(k.length).toBeLessThan(40);
    for (let i = 1; i < k.length; i++) expect(k[i]).toBeGreaterThan(k[i - 1]);
    expect(k.every(Number.isInteger)).toBe(true);
    expect(Array.from(logIntegers(3, 3e6, 7))).toEqual([3, 30, 300, 3000, 30000, 300000, 3000000]);
  });
});
