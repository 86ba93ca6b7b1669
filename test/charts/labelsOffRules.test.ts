// The learning curve's labels keep off its t → ∞ reference lines (docs/theory.md §4): the lines are
// obstacles before any label is placed, so the t* label, the fit's label and each line's own label
// never sit on a line (a dotted posterior-mean line through "t* ≈ …, E* = …" reads as a strike-out).
import { describe, expect, it } from 'vitest';
import { learningCurveLayout } from '../../src/charts/learningCurveLayout.ts';
import { labelBox, type Box } from '../../src/charts/labels.ts';
import { richWidth } from '../../src/charts/richRuns.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import type { PlacedText } from '../../src/charts/placeText.ts';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { lessonState } from '../../src/lessons/apply.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';

function boxOf(t: PlacedText, fs: number): Box {
  const w = Math.max(...t.lines.map((l) => richWidth(l, fs)));
  return labelBox(t.pos, w, fs, t.lines.length);
}

const crosses = (b: Box, y: number): boolean => y > b.y && y < b.y + b.height;

describe('labels off the reference lines', () => {
  // The Langevin lesson: E_g(∞) = E_Gibbs above t*'s E*, the posterior mean below it.
  const lesson = LESSONS.find((l) => l.id === 'langevin')!;
  for (const step of [0, 1])
    it(`Langevin lesson, step ${step}: t*, the fit and the lines' labels cross no line`, () => {
      const curve = computeCurve(lessonState(lesson, step).params, { window: 'auto' });
      expect(curve.earlyStop.case).toBe('inside');
      let checked = 0;
      // The sizes the app draws it at: the lecture stage (1280×720) and the normal layout.
      const sizes = {
        lecture: [
          [800, 300],
          [780, 260],
          [790, 301],
          [790, 318],
        ],
        normal: [
          [800, 300],
          [640, 400],
          [780, 260],
        ],
      };
      for (const variant of ['normal', 'lecture'] as const)
        for (const [width, height] of sizes[variant]) {
          const m = metricsFor(variant);
          const L = learningCurveLayout({
            curve,
            pins: [],
            sim: null,
            width,
            height,
            showEtr: true,
            metrics: m,
          });
          expect(L.refs.length).toBeGreaterThanOrEqual(2);
          const labels: PlacedText[] = [
            L.earlyStop!.label,
            ...(L.fitBracket ? [L.fitBracket.label] : []),
          ];
          for (const t of labels)
            for (const r of L.refs) {
              expect(
                crosses(boxOf(t, m.labelFont), r.y),
                `${variant} ${width}×${height}: ${t.lines.join(' ')} on ${r.label}`,
              ).toBe(false);
              checked++;
            }
          for (const r of L.refs)
            for (const o of L.refs.filter((x) => x !== r))
              expect(crosses(boxOf(r, m.labelFont), o.y), `${r.label} on ${o.label}`).toBe(false);
        }
      expect(checked).toBeGreaterThanOrEqual(10);
    });
});
