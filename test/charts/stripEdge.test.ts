// The schedule strip's stability-edge label keeps off the schedule: above the edge line, unless
// η_s runs just above the line at the strip's right end (then below it, room allowing).
import { describe, expect, it } from 'vitest';
import { stripLayout } from '../../src/charts/sgdCurveMarks.ts';
import { claim, DEFINITION } from '../../src/claims/registry.ts';

const label = claim('test.edge', 'η_{max} = 0.521', { params: {} }, DEFINITION);
const strip = (eta: number) => ({
  x: [1, 10, 100, 1000, 10_000],
  eta: [eta, eta, eta, eta, eta],
  etaMax: 0.521,
  labels: { inside: label, above: label },
});
const X = (v: number) => 100 * Math.log10(v);

describe('the schedule strip’s edge label', () => {
  it('goes below the edge when η_s = 0.6 runs a few pixels above it (lesson 15 after Try it)', () => {
    const L = stripLayout(strip(0.6), X, 0, 60, 11);
    expect(L.edge).not.toBeNull();
    const e = L.edge!;
    expect(e.labelY).toBeGreaterThan(e.y);
    expect(e.labelY).toBeLessThanOrEqual(60);
  });

  it('stays above the edge when η_s runs below it', () => {
    const e = stripLayout(strip(0.3), X, 0, 60, 11).edge!;
    expect(e.labelY).toBeLessThan(e.y);
  });
});
