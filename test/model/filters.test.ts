// The gradient-flow filter functions of src/model/filters.ts against their closed forms, their
// differential equations (dg/dt = 1 − κg, dc/dt = 2T − 2κc), their limits κ → 0 and t → ∞
// (docs/theory.md §4), and their accuracy where the naive formulas cancel.
import { describe, expect, it } from 'vitest';
import {
  initVariance,
  meanFilter,
  residualFilter,
  temperatureVariance,
  weightVariance,
} from '../../src/model/filters.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

// [μ, γ, t]: a spread of eigenvalues, weight decays and times (no κ = 0 here).
const CASES: [number, number, number][] = [
  [1, 0, 0.5],
  [0.3, 0.01, 7],
  [1e-4, 1e-3, 300],
  [2.5, 0.2, 0.01],
  [1e-6, 0, 1e5],
];

describe('closed forms', () => {
  it.each(CASES)(
    'μ = %s, γ = %s, t = %s: g, h, c as written in docs/theory.md (1e-12)',
    (mu, gamma, t) => {
      const k = mu + gamma;
      const e = Math.exp(-k * t);
      expect(rel(meanFilter(k, t), (1 - e) / k)).toBeLessThan(1e-9);
      expect(rel(residualFilter(mu, gamma, t), 1 - mu * meanFilter(k, t))).toBeLessThan(1e-9);
      expect(rel(residualFilter(mu, gamma, t), (gamma + mu * e) / k)).toBeLessThan(1e-12);
      const T = 0.03;
      const s0 = 0.7;
      const c = (T * (1 - e * e)) / k + s0 * e * e;
      expect(rel(weightVariance(k, t, { T, sigma02: s0 }), c)).toBeLessThan(1e-9);
      expect(weightVariance(k, t, { T, sigma02: s0 })).toBe(
        temperatureVariance(k, t, T) + initVariance(k, t, s0),
      );
    },
  );

  it.each(CASES)(
    'μ = %s, γ = %s, t = %s: dg/dt = 1 − κg and dc/dt = 2T − 2κc (1e-5)',
    (mu, gamma, t) => {
      const k = mu + gamma;
      const d = 1e-6 * t;
      const dg = (meanFilter(k, t + d) - meanFilter(k, t - d)) / (2 * d);
      expect(rel(dg, 1 - k * meanFilter(k, t))).toBeLessThan(1e-5);
      const f = { T: 0.02, sigma02: 0.4 };
      const dc = (weightVariance(k, t + d, f) - weightVariance(k, t - d, f)) / (2 * d);
      const rhs = 2 * f.T - 2 * k * weightVariance(k, t, f);
      expect(Math.abs(dc - rhs)).toBeLessThan(1e-5 * Math.max(1, Math.abs(rhs)));
    },
  );
});

describe('limits', () => {
  it('t → ∞: the ridge and posterior values of §4', () => {
    expect(meanFilter(0.25, Infinity)).toBe(4);
    expect(residualFilter(0.2, 0.05, Infinity)).toBeCloseTo(0.2, 15);
    expect(temperatureVariance(0.5, Infinity, 0.01)).toBeCloseTo(0.02, 15);
    expect(initVariance(0.5, Infinity, 3)).toBe(0);
    // A null direction without weight decay: the noise diffuses forever, the init stays.
    expect(temperatureVariance(0, Infinity, 0.01)).toBe(Infinity);
    expect(initVariance(0, Infinity, 3)).toBe(3);
    expect(meanFilter(0, Infinity)).toBe(Infinity);
  });

  it('κ → 0: continuous (g → t, h → 1, c → 2Tt + σ₀²)', () => {
    for (const t of [1e-3, 1, 1e4]) {
      expect(meanFilter(0, t)).toBe(t);
      expect(rel(meanFilter(1e-14, t), t)).toBeLessThan(1e-9);
      expect(residualFilter(0, 0, t)).toBe(1);
      expect(rel(residualFilter(1e-14, 0, t), 1)).toBeLessThan(1e-9);
      expect(temperatureVariance(0, t, 0.1)).toBe(0.2 * t);
      expect(rel(temperatureVariance(1e-14, t, 0.1), 0.2 * t)).toBeLessThan(1e-9);
      expect(initVariance(0, t, 2)).toBe(2);
    }
  });

  it('a switched-off source contributes exactly 0, even where the other would be ∞', () => {
    expect(temperatureVariance(0, Infinity, 0)).toBe(0);
    expect(initVariance(0, Infinity, 0)).toBe(0);
    expect(weightVariance(0, Infinity, { T: 0, sigma02: 0 })).toBe(0);
  });
});

describe('accuracy where the naive forms cancel', () => {
  it('g keeps full relative accuracy at κt ~ 1e-20 (1 − e^{−x} would be 0)', () => {
    expect(rel(meanFilter(1e-20, 1), 1)).toBeLessThan(1e-15);
    expect(rel(temperatureVariance(1e-20, 1, 1), 2)).toBeLessThan(1e-15);
  });

  it('h of a learned mode is e^{−μt} to 1e-13 (1 − μg loses it below 1e-16)', () => {
    expect(rel(residualFilter(1, 0, 40), Math.exp(-40))).toBeLessThan(1e-13);
  });
});
