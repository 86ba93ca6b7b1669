// The phase diagram's layout and words: the boundary labels are the lines' equations, each region
// label sits inside its region, the legend has one ramp per region, and the CSV and tooltip text
// carry the numbers of the law functions.
import { describe, expect, it } from 'vitest';
import { equationHits, phaseLayout, regionLabelBox } from '../../src/charts/phaseLayout.ts';
import { textWidth } from '../../src/charts/labels.ts';
import { metricsFor } from '../../src/charts/metrics.ts';
import { richWidth } from '../../src/charts/richRuns.ts';
import { lawColumn, phaseCsv, pointLines } from '../../src/claims/phase.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import {
  PHASE_BOUNDARIES,
  PHASE_EXPONENTS,
  boundaryBeta,
  type PhaseExponent,
} from '../../src/model/theory/phase.ts';
import { fitPhasePoint } from '../../src/model/theory/phaseFit.ts';

describe('phase layout', () => {
  for (const variant of ['normal', 'lecture'] as const)
    for (const e of PHASE_EXPONENTS)
      it(`${variant} ${e}: labels, regions and legend`, () => {
        const L = phaseLayout(e, 460, 520, metricsFor(variant));
        const lines = PHASE_BOUNDARIES[e];
        expect(L.boundaries.map((b) => b.label.text)).toEqual(
          lines.map((l) => (l.slope === 2 ? 'β = 2α + 1' : 'β = α + 1')),
        );
        expect(L.regions).toHaveLength(lines.length ? 2 : 1);
        expect(L.legend.ramps).toHaveLength(L.regions.length);
        for (const [i, r] of L.regions.entries()) {
          expect(r.bands.length).toBeGreaterThan(3);
          if (!lines.length) continue;
          const a = L.x.invert(r.label.x);
          const b = L.y.invert(r.label.y);
          expect(b > boundaryBeta(lines[0], a), `${e} ${r.branch}`).toBe(i === 1);
        }
        expect(L.levels.every((v, i) => i === 0 || v > L.levels[i - 1])).toBe(true);
        expect(L.contourD.length).toBeGreaterThan(100);
      });
});

describe('phase words', () => {
  const base = { ...DEFAULT_PARAMS, N: Infinity, sigma2: 0, P: 1e4 };
  const pt = fitPhasePoint('data-inf', base, 1.2, 5, { window: 'auto' });
  it('CSV rows: alpha,beta,predicted,fitted,law with the term that holds', () => {
    const csv = phaseCsv('data-inf', [pt, null]).trim().split('\n');
    expect(csv[0]).toBe('alpha,beta,predicted,fitted,law');
    expect(csv).toHaveLength(2);
    const [a, b, pred, fitted, law] = csv[1].split(',');
    expect([a, b, pred, law]).toEqual(['1.2', '5', '-2.4', 'data:spectrum']);
    expect(Math.abs(Number(fitted) + 2.4)).toBeLessThan(0.05);
  });
  it('a point where the condition fails says n/a and why, in the CSV and the tooltip', () => {
    const noisy = fitPhasePoint('data-inf', { ...base, sigma2: 0.05 }, 1.5, 2, {
      window: 'auto',
    });
    expect(lawColumn('data-inf', noisy)).toBe('data:target (n/a: noise-ridgeless)');
    const tip = pointLines('data-inf', 1.5, 2, noisy, false, { ...base, sigma2: 0.05 });
    expect(tip[1]).toContain('predicted −1.00 = −(β−1)');
    expect(tip[3]).toMatch(/^n\/a in this state: with label noise/);
  });
});

describe('phase heading', () => {
  // The lecture stage gives the diagram ~580 px beside a long lesson text: the long heading was
  // clipped at the panel's edge. The heading is the longest form that fits after the left margin.
  it('fits its width, the long form where there is room', () => {
    let checked = 0;
    const widths = { normal: [375, 580, 800], lecture: [580, 800] };
    for (const variant of ['normal', 'lecture'] as const)
      for (const e of PHASE_EXPONENTS)
        for (const width of widths[variant]) {
          const m = metricsFor(variant);
          const L = phaseLayout(e, width, 520, m);
          expect(
            richWidth(L.heading, m.labelFont) * 1.02,
            `${variant} ${e} ${width}`,
          ).toBeLessThanOrEqual(width - L.margin.left - 4);
          checked++;
        }
    expect(checked).toBe(25);
  });

  it('the legend’s ramp titles fit their columns', () => {
    let checked = 0;
    for (const variant of ['normal', 'lecture'] as const)
      for (const e of PHASE_EXPONENTS)
        for (const width of [375, 580, 800]) {
          const m = metricsFor(variant);
          const L = phaseLayout(e, width, 520, m);
          for (const r of L.legend.ramps) {
            expect(
              richWidth(r.title, m.tickFont),
              `${variant} ${e} ${width}: ${r.title}`,
            ).toBeLessThanOrEqual(r.width + 1);
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(30);
    const wide = phaseLayout('model-inf', 1200, 520, metricsFor('normal'));
    expect(wide.heading).toMatch(/^Phase diagram: the exponent of .* over \(α, β\)$/);
  });
});

describe('boundary equations', () => {
  // Lesson 10 on the lecture stage (the diagram ~580 px wide): "β = α + 1" was written over the
  // region label "−(β−1)". The equation moves along its line to a spot clear of both labels.
  it('stay clear of the region labels', () => {
    // The lecture stage's two sizes (beside the lesson text: lesson 10's exponent; full width:
    // every exponent) and normal ones. (Beside the lesson text the plot is 128 px tall: for
    // β = 2α + 1 the region labels themselves then leave the equation no free spot.)
    const cases: ['normal' | 'lecture', PhaseExponent, number, number][] = [
      ['lecture', 'model-inf', 550, 455],
      ...PHASE_EXPONENTS.flatMap((e) =>
        (
          [
            ['lecture', 790, 488],
            ['normal', 460, 520],
            ['normal', 640, 480],
            ['normal', 550, 455],
          ] as const
        ).map(([v, w, h]): ['normal' | 'lecture', PhaseExponent, number, number] => [v, e, w, h]),
      ),
    ];
    let checked = 0;
    for (const [variant, e, w, h] of cases) {
      const m = metricsFor(variant);
      const fs = m.labelFont;
      const L = phaseLayout(e, w, h, m);
      const boxes = L.regions.map((r) => regionLabelBox(r.label, fs));
      for (const b of L.boundaries) {
        const width = textWidth(b.label.text, fs);
        const hit = equationHits(b.label, b.label.angle, b.label.dy, width, fs, boxes);
        expect(hit, `${variant} ${e} ${w}×${h}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(12);
  });
});
