// The fit window as a bracket on the x axis: clipped to the plot, labelled above, an obstacle for
// later labels; the spectrum's fit ranges use the same bracket with their own text and offsets.
import { describe, expect, it } from 'vitest';
import { plotObstacles, polylineHits } from '../../../src/charts/labels.ts';
import { bracketMark, fitBracket } from '../../../src/charts/marks/fitBracket.ts';
import { metricsFor } from '../../../src/charts/theme.ts';
import type { PowerFit } from '../../../src/model/types.ts';

// log10 scale over x ∈ [1e-2, 1e6] on a 600 × 300 plot.
const X = (v: number) => ((Math.log10(v) + 2) / 8) * 600;
const Y = (v: number) => 300 - v;
const s = { X, Y, plotW: 600, plotH: 300 };
const m = metricsFor('normal');
const fit: PowerFit = { slope: -0.5, intercept: 0, xmin: 10, xmax: 1e3, r2: 0.999 } as PowerFit;

describe('fitBracket', () => {
  it('spans the fit window just above the x axis, with the slope written on it', () => {
    const obs = plotObstacles([], 600, 300);
    const b = fitBracket(fit, 't', s, m, obs)!;
    expect(b.x1).toBeCloseTo(X(10), 9);
    expect(b.x2).toBeCloseTo(X(1e3), 9);
    expect(b.y).toBe(296);
    expect(b.label.lines).toEqual(['fit t^{−0.50}']);
    expect(b.text).toBe('fit t^{−0.50} over [10, 10³]');
    // Centred above the bracket when nothing is in the way.
    expect(b.label.pos).toEqual({ x: (b.x1 + b.x2) / 2, y: 292, anchor: 'middle' });
    // The bracket and its label are obstacles for what is placed next.
    expect(obs.lines).toEqual([
      [
        [b.x1, 296],
        [b.x2, 296],
      ],
    ]);
    expect(obs.boxes).toHaveLength(1);
  });

  it('moves its label off a line that crosses the centre', () => {
    const mid = (X(10) + X(1e3)) / 2;
    const obs = plotObstacles(
      [
        [
          [mid, 0],
          [mid, 300],
        ],
      ],
      600,
      300,
    );
    const b = fitBracket(fit, 'P', s, m, obs)!;
    expect(b.label.pos.anchor).not.toBe('middle');
    expect(obs.boxes).toHaveLength(1);
    expect(polylineHits(obs.lines[0], obs.boxes[0])).toBe(0);
  });

  it('is clipped to the plot, and absent for no fit, an empty window or one outside', () => {
    const wide = fitBracket(
      { ...fit, xmin: 1e-4, xmax: 1e8 },
      't',
      s,
      m,
      plotObstacles([], 600, 300),
    )!;
    expect([wide.x1, wide.x2]).toEqual([0, 600]);
    const none = (f: PowerFit | null) => fitBracket(f, 't', s, m, plotObstacles([], 600, 300));
    expect(none(null)).toBeNull();
    expect(none({ ...fit, xmax: 10 })).toBeNull();
    expect(none({ ...fit, xmin: 0 })).toBeNull();
    expect(none({ ...fit, xmin: 1e7, xmax: 1e8 })).toBeNull();
  });
});

describe('bracketMark', () => {
  it('takes its baseline, label gap and text from the spec', () => {
    const obs = plotObstacles([], 600, 300);
    const spec = {
      from: 1,
      to: 100,
      y: 280,
      label: 'k = 1…100',
      text: 'range',
      lift: 6,
      higher: false,
    };
    const b = bracketMark(spec, s, m, obs)!;
    expect(b).toMatchObject({ x1: X(1), x2: X(100), y: 280, text: 'range' });
    expect(b.label.pos.y).toBe(274);
    expect(b.label.lines).toEqual(['k = 1…100']);
  });
});
