// The linear parameters at fixed (α, β, s) (docs/theory.md §10): non-negative least squares on
// every face of the orthant, and the Gauss–Newton/IRLS solve on log residuals.
import { describe, expect, it } from 'vitest';
import { LinearSolver, nnls3, NOTHING_FIXED } from '../../../src/model/runfit/linear.ts';

describe('nnls3', () => {
  it('is the unconstrained solution when that is feasible, and a face of the orthant when not', () => {
    // G = diag(1, 2, 4) + coupling; minimiser of ½θᵀGθ − gᵀθ.
    const G = Float64Array.of(2, 0.5, 0, 0.5, 2, 0.5, 0, 0.5, 2);
    const out = new Float64Array(3);
    expect(nnls3(G, Float64Array.of(1, 1, 1), out)).toBe(true);
    // Feasible: the solution of G θ = g itself.
    for (let a = 0; a < 3; a++) {
      let r = -1;
      for (let b = 0; b < 3; b++) r += G[a * 3 + b] * out[b];
      expect(Math.abs(r)).toBeLessThan(1e-12);
    }
    // g with a negative entry: that coordinate is held at 0, the others solve their face (KKT).
    expect(nnls3(G, Float64Array.of(1, -3, 1), out)).toBe(true);
    expect(out[1]).toBe(0);
    expect(2 * out[0] - 1).toBeCloseTo(0, 12);
    expect(2 * out[2] - 1).toBeCloseTo(0, 12);
    // The multiplier of the held coordinate has the right sign: (Gθ − g)_1 ≥ 0.
    expect(0.5 * out[0] + 0.5 * out[2] + 3).toBeGreaterThan(0);
  });
});

describe('LinearSolver', () => {
  const n = 40;
  const A = Float64Array.from({ length: n }, (_, i) => Math.pow(1 + i, -0.7));
  const B = Float64Array.from({ length: n }, (_, i) => i / (i + 8));
  const w = new Float64Array(n).fill(1);
  it('recovers (L₀, c, σ²) exactly from noiseless losses', () => {
    const ly = Float64Array.from(A, (a, i) => Math.log(0.1 + 2 * a + 0.3 * B[i]));
    const s = new LinearSolver(n);
    const q = s.solve({ ly, w, A, B, n, delta: 0.05, fix: NOTHING_FIXED }, 30);
    expect(q).toBeLessThan(1e-20);
    expect(s.theta[0]).toBeCloseTo(0.1, 9);
    expect(s.theta[1]).toBeCloseTo(2, 9);
    expect(s.theta[2]).toBeCloseTo(0.3, 9);
  });
  it('keeps the coefficients non-negative, and a fixed floor or σ² as given', () => {
    // Data that a negative floor would fit best.
    const ly = Float64Array.from(A, (a) => Math.log(Math.max(1e-3, 2 * a - 0.05)));
    const s = new LinearSolver(n);
    s.solve({ ly, w, A, B, n, delta: 0.05, fix: NOTHING_FIXED });
    for (const v of s.theta) expect(v).toBeGreaterThanOrEqual(0);
    const exact = Float64Array.from(A, (a, i) => Math.log(0.2 + a + 0.5 * B[i]));
    s.solve({ ly: exact, w, A, B, n, delta: 0.05, fix: { floor: 0.2, sigma2: 0.5 } }, 30);
    expect(s.theta[0]).toBe(0.2);
    expect(s.theta[1]).toBeCloseTo(1, 9);
    expect(s.theta[2]).toBeCloseTo(0.5, 9);
  });
  it('is robust: one wild point moves the fit far less than least squares lets it', () => {
    const ly = Float64Array.from(A, (a, i) => Math.log(0.1 + 2 * a) + (i === 20 ? 1 : 0));
    const s = new LinearSolver(n);
    s.solve({ ly, w, A, B, n, delta: 0.02, fix: { floor: null, sigma2: 0 } }, 30);
    const robust = s.theta[1];
    s.solve({ ly, w, A, B, n, delta: 1e6, fix: { floor: null, sigma2: 0 } }, 30);
    expect(Math.abs(robust - 2)).toBeLessThan(0.3 * Math.abs(s.theta[1] - 2));
  });
});
