// Means ±1 s.e.m. as marks: the point at the mean, the bar from mean − s.e.m. (y1, lower on
// screen) to mean + s.e.m. (y2), clamped to the plot; what has no place on the axes is skipped.
import { describe, expect, it } from 'vitest';
import { meanSemBars, meanSemMarks } from '../../../src/charts/marks/meanSem.ts';

// log10 scales over x ∈ [1, 1e4] and y ∈ [1e-3, 1] on a 400 × 300 plot.
const X = (v: number) => (Math.log10(v) / 4) * 400;
const Y = (v: number) => (-Math.log10(v) / 3) * 300;
// linear y over [0, 1].
const Ylin = (v: number) => 300 * (1 - v);

describe('meanSemMarks', () => {
  it('puts the point at the mean and the bar at mean ∓ s.e.m. (log y)', () => {
    const [mk] = meanSemMarks([100], [0.1], [0.01], X, Y, 300);
    expect(mk.cx).toBeCloseTo(200, 9);
    expect(mk.cy).toBeCloseTo(100, 9);
    expect(mk.y1).toBeCloseTo(Y(0.09), 9);
    expect(mk.y2).toBeCloseTo(Y(0.11), 9);
    expect(mk.y1).toBeGreaterThan(mk.cy);
    expect(mk.y2).toBeLessThan(mk.cy);
  });

  it('clamps the bar to the plot: a lower end ≤ 0 runs to the bottom edge, a high one to the top', () => {
    const marks = meanSemMarks([10, 1000], [0.002, 0.9], [0.005, 0.5], X, Y, 300);
    expect(marks).toHaveLength(2);
    expect(marks[0].y1).toBe(300);
    expect(marks[1].y2).toBe(0);
  });

  it('skips means with no place on a log axis, and draws a missing s.e.m. as a point alone', () => {
    const marks = meanSemMarks(
      [1, 10, 100, 1000, 0, 10],
      [0.1, 0, -1, NaN, 0.1, 0.2],
      [0.01, 0.01, 0.01, 0.01, 0.01, NaN],
      X,
      Y,
      300,
    );
    expect(marks).toHaveLength(2);
    expect(marks[0].cx).toBe(0);
    const alone = marks[1];
    expect(alone.y1).toBeCloseTo(alone.cy, 9);
    expect(alone.y2).toBeCloseTo(alone.cy, 9);
  });

  it('on a linear axis draws any finite mean, a bar below zero included', () => {
    const marks = meanSemMarks([1, 10, 100], [0, -0.05, 0.5], [0.1, 0.01, -1], X, Ylin, 300, {
      log: false,
    });
    expect(marks).toHaveLength(3);
    expect(marks[0].y1).toBe(300); // 0 − 0.1 lies below the plot: clamped
    expect(marks[0].y2).toBeCloseTo(Ylin(0.1), 9);
    expect(marks[1].cy).toBeCloseTo(Ylin(-0.05), 9);
    expect(marks[2].y1).toBeCloseTo(marks[2].cy, 9); // a negative s.e.m. draws no bar
  });

  it('uses the shorter of the position and mean arrays', () => {
    expect(meanSemMarks([1, 10, 100], [0.1, 0.2], [0, 0, 0], X, Y, 300)).toHaveLength(2);
  });
});

describe('meanSemBars', () => {
  it('gives each bar as a vertical segment (an obstacle for labels)', () => {
    const marks = meanSemMarks([100], [0.1], [0.01], X, Y, 300);
    expect(meanSemBars(marks)).toEqual([
      [
        [marks[0].cx, marks[0].y1],
        [marks[0].cx, marks[0].y2],
      ],
    ]);
  });
});
