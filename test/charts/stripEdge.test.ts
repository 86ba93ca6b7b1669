// The schedule strip's stability-edge label keeps off the schedule: above the edge line, unless
// η_s runs just above the line at the strip's right end (then below it, room allowing).
import { describe, expect, it } from 'vitest';
import { STRIP_TICK_BASELINE, stripLayout } from '../../src/charts/sgdCurveMarks.ts';
import { learningCurveLayout } from '../../src/charts/learningCurveLayout.ts';
import { labelBox } from '../../src/charts/labels.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { basicCurve } from './fixtures.ts';
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

describe('the schedule strip’s tick labels', () => {
  // The lecture stage draws the SGD curve about 800×300 (1280×720): the "0" under the strip was
  // cut at the figure's bottom edge, its baseline 0.35 em below the strip's bottom.
  it('"0" at the strip’s bottom lies inside the figure, in both themes', () => {
    let checked = 0;
    for (const variant of ['normal', 'lecture'] as const)
      for (const [width, height] of [
        [800, 300],
        [790, 318],
        [640, 400],
      ]) {
        const m = metricsFor(variant);
        const L = learningCurveLayout({
          curve: basicCurve(),
          pins: [],
          sim: null,
          width,
          height,
          showEtr: true,
          metrics: m,
          steps: {
            axis: 'steps',
            flow: null,
            floor: null,
            floorLabels: [],
            divergedAt: Infinity,
            divergenceLabels: [],
            strip: strip(0.3),
          },
        });
        const st = L.strip!;
        const zero = st.ticks.find((t) => t.label === '0')!;
        const fs = m.tickFont;
        const box = labelBox(
          { x: 0, y: st.top + zero.y + STRIP_TICK_BASELINE * fs, anchor: 'end' },
          10,
          fs,
        );
        expect(box.y + box.height, `${variant} ${width}×${height}`).toBeLessThanOrEqual(height);
        checked++;
      }
    expect(checked).toBe(6);
  });
});
