// Labels that do not sit on data (labels.ts: every drawn line and dot is an obstacle before a label
// is placed): the spectrum's fitted laws off the target-power dots, the scaling panel's fit words
// off the current-P and P = M rules, "→ ∞ at N = P" off the interpolation peak, and the schedule
// strip's tick labels inside the figure. At the sizes the app draws each figure (the 1440×900
// side column, the lecture stage at 1280×720).
import { describe, expect, it } from 'vitest';
import { spectrumLayout } from '../../src/charts/spectrumLayout.ts';
import { scalingLayout } from '../../src/charts/scalingLayout.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { boxesOverlap, labelBox, polylineHits, type Box } from '../../src/charts/labels.ts';
import { richWidth } from '../../src/charts/richRuns.ts';
import type { PlacedText } from '../../src/charts/placeText.ts';
import type { Point } from '../../src/charts/path.ts';
import { spectrumView } from '../../src/model/theory/dataSpectra.ts';
import { registerMeasured } from '../helpers/mnistSpectra.ts';
import { registerSpectrum } from '../../src/model/theory/dataSpectra.ts';
import { customSpectrum } from '../audit/states.ts';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeSweep } from '../../src/model/theory/sweep.ts';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { lessonState } from '../../src/lessons/apply.ts';
import { SCALING_SIZES } from './fixtures.ts';

function boxOf(t: PlacedText, fs: number): Box {
  const w = Math.max(...t.lines.map((l) => richWidth(l, fs)));
  return labelBox(t.pos, w, fs, t.lines.length);
}

/** The points of an SVG path of M/L commands (dots are "M x,y L x,y" or "M x,y Z"). */
function pathPoints(d: string): Point[][] {
  return d
    .split('M')
    .filter((s) => s.trim())
    .map((seg) =>
      [...seg.matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)].map(
        (m) => [Number(m[1]), Number(m[2])] as Point,
      ),
    );
}

const hits = (lines: Point[][], b: Box) => lines.reduce((n, l) => n + polylineHits(l, b), 0);

describe('the spectrum: the fitted laws are not written over the data', () => {
  const sources = [
    ['mnist', 'relu', 'parity'],
    ['mnist', 'linear', 'parity'],
    ['fashion', 'relu', 'tops'],
  ] as const;
  const sizes = [
    ['normal', 390, 250],
    ['normal', 480, 320],
    ['lecture', 700, 370],
  ] as const;
  for (const [data, kernel, task] of sources)
    it(`${data}, ${kernel}, ${task}: α and β labels cover no dot and no line`, () => {
      registerMeasured(data, kernel, task);
      const view = spectrumView({ data, kernel, task })!;
      let checked = 0;
      for (const [variant, w, h] of sizes) {
        const m = metricsFor(variant);
        const L = spectrumLayout(view, data, w, h, m);
        const drawn = [L.lamD, L.powerD, L.lamFitD, L.powerFitD].flatMap(pathPoints);
        const [a, c] = [L.lamLabel, L.powerLabel].map((t) => boxOf(t, m.labelFont));
        expect(boxesOverlap(a, c), `${variant} ${w}×${h}: α over β`).toBe(false);
        for (const label of [L.lamLabel, L.powerLabel]) {
          const b = boxOf(label, m.labelFont);
          // On the plot clear of every dot and line, or in the band above it (below the legend).
          expect(hits(drawn, b), `${variant} ${w}×${h}: ${label.text}`).toBe(0);
          expect(b.y).toBeGreaterThanOrEqual(-L.margin.top + L.legendY + L.legend.height);
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(L.plotW + 0.5);
          checked++;
        }
      }
      expect(checked).toBe(6);
    });
});

/** A box meets the vertical rule at x (the rule spans the plot's height). */
const onRule = (b: Box, x: number) => x > b.x && x < b.x + b.width;

/**
 * Where the fit's words still cross a rule: every spot of the plot is taken by the curve, the other
 * labels or the rules (four to seven lines of words in a plot 100 to 170 px high), and crossing a
 * rule is the least bad (labels.ts boxCost). Each must still occur, so that a fix removes it. The
 * placement before the words could sit between the rules crossed one in 70 of these 100 cases.
 */
const KNOWN_CROSSINGS: readonly string[] = [
  'a spectrum file, P = 200, tstar, normal 390×190: on current P',
  'a spectrum file, P = 200, tstar, normal 390×190: on P = M',
  'a spectrum file, P = 200, tstar, lecture 560×300: on P = M',
  'a spectrum file, P = 200, inf, normal 390×190: on current P',
  'a spectrum file, P = 200, inf, normal 390×190: on P = M',
  'a spectrum file, P = 200, inf, lecture 560×300: on P = M',
  'MNIST ReLU parity, P = 10⁶, tstar, lecture 560×300: on current P',
  'MNIST ReLU parity, P = 10⁶, inf, lecture 560×300: on current P',
  'MNIST ReLU parity, P = 400 (the real-digits lesson), tstar, normal 390×190: on current P',
  'MNIST ReLU parity, P = 400 (the real-digits lesson), tstar, normal 390×190: on P = M',
  'MNIST ReLU parity, P = 400 (the real-digits lesson), inf, normal 390×190: on current P',
  'MNIST ReLU parity, P = 400 (the real-digits lesson), inf, normal 390×190: on P = M',
  'MNIST linear, 0 vs the rest, tstar, lecture 800×300: on current P',
  'MNIST linear, 0 vs the rest, tstar, lecture 800×300: on P = M',
  'MNIST linear, 0 vs the rest, inf, normal 390×190: on current P',
  'MNIST linear, 0 vs the rest, inf, lecture 800×300: on current P',
  'MNIST linear, 0 vs the rest, inf, lecture 560×300: on current P',
  'MNIST linear, 0 vs the rest, inf, lecture 560×300: on P = M',
];

describe('the scaling panel in P: the fit words keep off the current-P and P = M rules', () => {
  registerMeasured('mnist', 'relu', 'parity');
  registerMeasured('mnist', 'linear', 'zero');
  registerSpectrum('custom', customSpectrum());
  const digits = { ...DEFAULT_PARAMS, data: 'mnist', kernel: 'relu', task: 'parity' } as Params;
  const states: [string, Params][] = [
    ['a spectrum file, P = 200', { ...DEFAULT_PARAMS, data: 'custom', P: 200 } as Params],
    ['MNIST ReLU parity, P = 10⁶', { ...digits, P: 1e6, N: 1e5 }],
    ['MNIST ReLU parity, P = 400 (the real-digits lesson)', { ...digits, P: 400 }],
    ['MNIST ReLU parity, P = 2000', { ...digits, P: 2000 }],
    [
      'MNIST linear, 0 vs the rest',
      { ...DEFAULT_PARAMS, data: 'mnist', kernel: 'linear', task: 'zero' } as Params,
    ],
  ];
  it('crosses no rule but where no spot is free (the known ones), and each known one remains', () => {
    let rules = 0;
    const crossings: string[] = [];
    for (const [name, p] of states)
      for (const at of ['tstar', 'inf'] as const) {
        const s = computeSweep(p, 'P', at, NaN);
        for (const [variant, w, h] of SCALING_SIZES) {
          const m = metricsFor(variant);
          const L = scalingLayout(s, 'P', w, h, m, null, { params: p });
          const b = boxOf(L.fitLabel, m.labelFont);
          expect(L.fitLabel.lines.join(' ')).toBe(L.fitLabel.text);
          for (const [rule, x] of [
            ['current P', L.current?.x],
            ['P = M', L.edge?.x],
          ] as const) {
            if (x === undefined) continue;
            if (onRule(b, x)) crossings.push(`${name}, ${at}, ${variant} ${w}×${h}: on ${rule}`);
            rules++;
          }
        }
      }
    expect(crossings).toEqual(KNOWN_CROSSINGS);
    expect(rules).toBe(100);
  });

  it('its lines, joined by spaces, read as its claim (no word broken to fit a gap)', () => {
    // Fashion-MNIST at P = 400 (the other-data lesson): "Fashion-MNIST" is wider than the gap
    // beside the current P at the lecture sizes, and was broken as "Fashion-MN" / "IST".
    registerMeasured('fashion', 'relu', 'tops');
    const p = lessonState(
      LESSONS.find((l) => l.id === 'other-data')!,
      1,
    ).params;
    let checked = 0;
    for (const at of ['tstar', 'inf'] as const) {
      const s = computeSweep(p, 'P', at, NaN);
      for (const [variant, w, h] of [...SCALING_SIZES, ['normal', 640, 400] as const]) {
        const L = scalingLayout(s, 'P', w, h, metricsFor(variant), null, { params: p });
        expect(L.fitLabel.lines.join(' '), `${at} ${variant} ${w}×${h}`).toBe(L.fitLabel.text);
        checked++;
      }
    }
    expect(checked).toBe(12);
  });
});

describe('the N sweep of the double-descent lesson: "→ ∞ at N = P" keeps off the peak', () => {
  const lesson = LESSONS.find((l) => l.id === 'double-descent')!;
  for (const step of [0, 1])
    it(`step ${step}`, () => {
      const p = lessonState(lesson, step).params;
      const s = computeSweep(p, 'N', 'inf', NaN);
      let checked = 0;
      for (const [variant, w, h] of [...SCALING_SIZES, ['lecture', 790, 318] as const]) {
        const m = metricsFor(variant);
        const fs = m.labelFont;
        const L = scalingLayout(s, 'N', w, h, m, null, { params: p });
        expect(L.peak).not.toBeNull();
        const b = boxOf(L.peak!, fs);
        // A point's radius clear (the curve's points are drawn that large) ...
        const r = m.markRadius;
        const clear = { x: b.x - r, y: b.y - r, width: b.width + 2 * r, height: b.height + 2 * r };
        const where = `${variant} ${w}×${h}: ${L.peak!.lines.join(' ')}`;
        // ... of the curve (its points above the plot are clipped there, not removed) ...
        expect(hits(pathPoints(L.sweepD), clear), `${where} on the curve`).toBe(0);
        // ... and of the "∞" drawn at the peak (fs wide); off the current-N rule.
        for (const x of L.divergentX)
          expect(
            clear.x > x + fs / 2 || clear.x + clear.width < x - fs / 2,
            `${where} on ∞ at ${x}`,
          ).toBe(true);
        if (L.current) expect(onRule(b, L.current.x), `${where} on current N`).toBe(false);
        checked++;
      }
      expect(checked).toBe(6);
    });
});
