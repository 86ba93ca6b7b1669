// The ridge rule (docs/theory.md §10) on regions of known shape, and the deviance levels.
import { describe, expect, it } from 'vitest';
import { devianceLevels, eigen2, ridgeWarning, RAYS } from '../../../src/model/runfit/region.ts';
import type { ProfilePoint } from '../../../src/model/runfit/profile.ts';

/** A polygon on the ellipse around (a0, b0) with semi-axis `major` along dir and `minor` across it. */
function ellipse(a0: number, b0: number, major: number, minor: number, dir: [number, number]) {
  const poly = new Float64Array(2 * RAYS);
  const n = Math.hypot(...dir);
  const u = [dir[0] / n, dir[1] / n];
  for (let k = 0; k < RAYS; k++) {
    const t = (2 * Math.PI * k) / RAYS;
    poly[2 * k] = a0 + major * Math.cos(t) * u[0] - minor * Math.sin(t) * u[1];
    poly[2 * k + 1] = b0 + major * Math.cos(t) * u[1] + minor * Math.sin(t) * u[0];
  }
  return { coverage: 0.95 as const, dof: 2 as const, deviance: 5.99, polygon: poly, open: false };
}
const best = { alpha: 1.5, beta: 2 } as ProfilePoint;

describe('ridgeWarning', () => {
  it('is silent for a small region', () => {
    expect(ridgeWarning(ellipse(1.5, 2, 0.1, 0.05, [1, 1]), best)).toBeNull();
  });
  it('calls a long thin region along (β − 1)/α = const a ridge that determines the time exponent', () => {
    // Along the line β − 1 = (2/3)·α... through (1.5, 2): direction (1, 2/3) in (α, β).
    const w = ridgeWarning(ellipse(1.5, 2, 0.8, 0.01, [1, 2 / 3]), best)!;
    expect(w.kind).toBe('ridge');
    expect(w.determined.map((d) => d.law)).toContain('time');
    expect(w.direction[1] / w.direction[0]).toBeCloseTo(2 / 3, 1);
  });
  it('calls a long region that is wide too "wide"', () => {
    expect(
      ridgeWarning(ellipse(2, 3, 1.2, 1.0, [1, 0]), { alpha: 2, beta: 3 } as ProfilePoint)!.kind,
    ).toBe('wide');
  });
});

describe('eigen2 and the levels', () => {
  it('diagonalises a symmetric 2 × 2 matrix', () => {
    const { values, vectors } = eigen2([3, 1, 1, 2]);
    for (let k = 0; k < 2; k++) {
      const [x, y] = vectors[k];
      expect(3 * x + y).toBeCloseTo(values[k] * x, 12);
      expect(x + 2 * y).toBeCloseTo(values[k] * y, 12);
    }
  });
  it('tend to χ² for many points and are wider for few', () => {
    const many = devianceLevels(1e6, 6).map((l) => l.deviance);
    expect(many[0]).toBeCloseTo(1, 2);
    expect(many[many.length - 1]).toBeCloseTo(5.9915, 2);
    const few = devianceLevels(20, 6).map((l) => l.deviance);
    few.forEach((v, i) => expect(v).toBeGreaterThan(many[i]));
  });
});
