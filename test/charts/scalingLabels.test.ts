// The P panel on a spectrum file: the fit's words (with "beyond: every mode learned …"), the label
// of P = M, the current P and the fit's bracket keep apart at the sizes the app draws it at (the
// fit's words were drawn over the P = M label on a 1440×900 screen).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeSweep } from '../../src/model/theory/sweep.ts';
import { registerSpectrum } from '../../src/model/theory/dataSpectra.ts';
import { scalingLayout } from '../../src/charts/scalingLayout.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { boxesOverlap, labelBox, type Box } from '../../src/charts/labels.ts';
import { richWidth } from '../../src/charts/richRuns.ts';
import type { PlacedText } from '../../src/charts/placeText.ts';
import { customSpectrum } from '../audit/states.ts';

function boxOf(t: PlacedText, fs: number): Box {
  const w = Math.max(...t.lines.map((l) => richWidth(l, fs)));
  return labelBox(t.pos, w, fs, t.lines.length);
}

/** The sizes the app draws the panel at: the 1440×900 side column, a narrow one, the lecture stage. */
const SIZES = [
  ['normal', 390, 190],
  ['normal', 375, 300],
  ['normal', 560, 260],
  ['lecture', 800, 300],
  ['lecture', 560, 300],
] as const;

describe('scaling panel labels on a spectrum file', () => {
  it('the fit, P = M, current P and bracket labels do not overlap (P = 200, 800 modes)', () => {
    registerSpectrum('custom', customSpectrum());
    let pairs = 0;
    for (const at of ['tstar', 'inf'] as const) {
      const p = { ...DEFAULT_PARAMS, data: 'custom', P: 200 } as Params;
      const s = computeSweep(p, 'P', at, NaN);
      expect(s.modesEdge?.M).toBe(800);
      for (const [variant, w, h] of SIZES) {
        const m = metricsFor(variant);
        const L = scalingLayout(s, 'P', w, h, m, null, { params: p });
        const named: [string, PlacedText | null | undefined][] = [
          ['fit', L.fitLabel],
          ['edge', L.edge],
          ['current', L.current],
          ['bracket', L.fitBracket?.label],
        ];
        const placed = named.filter((x): x is [string, PlacedText] => !!x[1]?.lines.length);
        expect(placed.map((x) => x[0])).toEqual(expect.arrayContaining(['fit', 'edge']));
        for (let i = 0; i < placed.length; i++)
          for (let j = i + 1; j < placed.length; j++) {
            const [a, ta] = placed[i];
            const [b, tb] = placed[j];
            const hit = boxesOverlap(boxOf(ta, m.labelFont), boxOf(tb, m.labelFont));
            expect(hit, `${at} ${variant} ${w}×${h}: ${a} over ${b}`).toBe(false);
            pairs++;
          }
      }
    }
    expect(pairs).toBeGreaterThan(12);
  });
});
