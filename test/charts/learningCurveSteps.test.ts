// The named steps of the learning-curve layout, one by one (the whole figure is covered by the
// snapshot tests in LearningCurve.test.tsx).
import { describe, expect, it } from 'vitest';
import {
  cursorPoints,
  seriesPaths,
  simulationMarks,
} from '../../src/charts/learningCurveLayout.ts';
import {
  divergentLabel,
  referenceLines,
  referenceSpecs,
} from '../../src/charts/learningCurveRefs.ts';
import { earlyStopMark, timeMarker } from '../../src/charts/learningCurveMarks.ts';
import { plotObstacles } from '../../src/charts/labels.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import {
  basicCurve,
  divergentCurve,
  earlyStopCurve,
  langevinCurve,
  pins,
  simResult,
} from './fixtures.ts';

// log10 scales over t ∈ [1e-2, 1e6] and E ∈ [1e-3, 1] on a 600 × 300 plot.
const X = (v: number) => ((Math.log10(v) + 2) / 8) * 600;
const Y = (v: number) => (-Math.log10(v) / 3) * 300;
const scales = { X, Y, plotW: 600, plotH: 300 };
const m = metricsFor('normal');
const obstacles = () => plotObstacles([], 600, 300);

describe('learning-curve layout steps', () => {
  it('seriesPaths: pins first, E_g last (drawn on top); E_tr only when shown', () => {
    const c = basicCurve();
    const a = seriesPaths({ pins: pins(), sim: null, showEtr: true }, c, X, Y);
    expect(a.paths.map((p) => p.series)).toEqual(['pin', 'pin', 'Etr', 'Eg']);
    expect(a.lines).toHaveLength(4);
    const b = seriesPaths({ pins: [], sim: null, showEtr: false }, c, X, Y);
    expect(b.paths.map((p) => p.series)).toEqual(['Eg']);
    // Measured data: the fitted power law's curve, under the measured one.
    const f = seriesPaths({ pins: [], sim: null, showEtr: false, fitted: basicCurve() }, c, X, Y);
    expect(f.paths.map((p) => p.series)).toEqual(['fitted', 'Eg']);
    expect(f.paths[0].className).toContain('sp-series--fitted-law');
    // Real runs: their theory is the curve itself, not drawn twice.
    const sim = { result: simResult(), theory: basicCurve(), real: 'real digits' };
    const r = seriesPaths({ pins: [], sim, showEtr: false }, c, X, Y);
    expect(r.paths.map((p) => p.series)).toEqual(['Eg']);
    expect(b.paths[0].d.startsWith('M')).toBe(true);
  });

  it('simulationMarks: bars of ±1 s.e.m. clamped to the plot; E_tr marks only when shown', () => {
    const r = simResult();
    const s = simulationMarks(r, false, X, Y, 300);
    expect(s.etr).toEqual([]);
    expect(s.eg.length).toBeGreaterThan(0);
    for (const k of s.eg) {
      expect(k.y1).toBeLessThanOrEqual(300);
      expect(k.y2).toBeGreaterThanOrEqual(0);
      expect(k.y1).toBeGreaterThanOrEqual(k.cy);
      expect(k.y2).toBeLessThanOrEqual(k.cy);
    }
    expect(simulationMarks(r, true, X, Y, 300).etr.length).toBeGreaterThan(0);
  });

  it('cursorPoints: only finite positive times', () => {
    const p = cursorPoints([1, NaN, 10, -1, Infinity, 100], X);
    expect(p.cursorIndex).toEqual([0, 2, 5]);
    expect(p.cursorX).toEqual([X(1), X(10), X(100)]);
  });

  it('referenceSpecs: E_g(∞) only for gradient flow; posterior lines for Langevin; none when divergent', () => {
    expect(referenceSpecs(basicCurve()).map((r) => r.testId)).toEqual(['limit-line']);
    const lang = referenceSpecs(langevinCurve()).map((r) => r.testId);
    expect(lang).toContain('posterior-mean-line');
    expect(referenceSpecs(divergentCurve()).map((r) => r.testId)).not.toContain('limit-line');
  });

  it('referenceLines: one label per line, and the lines become obstacles for later labels', () => {
    const obs = obstacles();
    const before = obs.lines.length;
    const refs = referenceLines(referenceSpecs(basicCurve()), scales, m, obs);
    expect(refs).toHaveLength(1);
    expect(refs[0].label).toBe('E_g(∞) = 0.0100');
    expect(refs[0].y).toBeCloseTo(Y(0.01), 9);
    expect(obs.lines.length).toBe(before + 1);
  });

  it('divergentLabel: only when E_g(∞) = ∞', () => {
    expect(divergentLabel(basicCurve(), scales, m, obstacles())).toBeNull();
    expect(divergentLabel(divergentCurve(), scales, m, obstacles())?.lines).toEqual(['E_g(∞) = ∞']);
  });

  it('earlyStopMark: a marker inside, an arrow at the edge beyond, nothing when stopping does not pay', () => {
    const c = earlyStopCurve();
    expect(earlyStopMark(c.earlyStop, scales, m, obstacles())?.case).toBe('inside');
    const after = earlyStopMark(
      { ...c.earlyStop, case: 'beyond', side: 'after', t: 1e9 },
      scales,
      m,
      obstacles(),
    );
    expect(after?.edge).toBe('right');
    expect(after?.cx).toBe(600);
    const before = earlyStopMark(
      { ...c.earlyStop, case: 'beyond', side: 'before', t: 1e-3 },
      scales,
      m,
      obstacles(),
    );
    expect(before?.edge).toBe('left');
    expect(earlyStopMark({ ...c.earlyStop, case: 'none' }, scales, m, obstacles())).toBeNull();
  });

  it('timeMarker: drawn inside the window only', () => {
    expect(timeMarker(100, [1e-2, 1e6], scales, m, obstacles())?.x).toBeCloseTo(X(100), 9);
    expect(timeMarker(1e7, [1e-2, 1e6], scales, m, obstacles())).toBeNull();
    expect(timeMarker(null, [1e-2, 1e6], scales, m, obstacles())).toBeNull();
  });
});
