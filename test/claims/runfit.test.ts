// The Fit my runs sentences: each number from the result it describes (estimates, hold-out errors,
// extrapolated ends), the ridge warning naming what the runs fix and the fit's own rule.
import { describe, expect, it } from 'vitest';
import {
  estimateText,
  extrapolationText,
  holdoutText,
  percentOfLog,
  ridgeText,
} from '../../src/claims/runfit.ts';
import type { FitCurve, HoldoutResult, RidgeWarning } from '../../src/model/runfit/index.ts';
import { RIDGE_ELONGATION, RIDGE_LENGTH } from '../../src/model/runfit/region.ts';

describe('runfit claims', () => {
  it('an estimate with its two intervals', () => {
    expect(estimateText('α', { value: 1.5234, ci68: [1.48, 1.57], ci95: [1.41, 1.632] })).toBe(
      'α = 1.52; 68 %: 1.48 … 1.57, 95 %: 1.41 … 1.63 (profile likelihood)',
    );
  });

  it('ln errors as per cent', () => {
    expect(percentOfLog(Math.log(1.05))).toBe('5.0 %');
    expect(percentOfLog(0)).toBe('0 %');
  });

  const hold = (t: number, p: number): HoldoutResult =>
    ({
      split: 1000,
      fraction: 0.3,
      nFit: 40,
      nHeld: 20,
      theory: { rms: t, max: 2 * t, n: 20, alpha: 1.5, beta: 2 },
      powerlaw: { rms: p, max: 2 * p, n: 20, fits: [] },
      curves: [],
    }) as HoldoutResult;

  it('the hold-out compares the two errors on the same points', () => {
    const a = holdoutText(hold(0.02, 0.08), 'training steps');
    expect(a).toContain('fitted on training steps ≤ 10³ (40 points), predicted the other 20');
    expect(a).toContain('the theory predicted the held-out points better');
    expect(holdoutText(hold(0.08, 0.02), 'x')).toContain('the plain power law predicted');
    expect(holdoutText(hold(0.05, 0.052), 'x')).toContain('about equally well');
  });

  it('the extrapolated end of a curve with its bands', () => {
    const c = {
      runs: ['a', 'b'],
      x: Float64Array.of(10, 100, 1000),
      loss: Float64Array.of(1, 0.5, 0.25),
      lo: Float64Array.of(1, 0.5, 0.2),
      hi: Float64Array.of(1, 0.5, 0.3),
      lo68: Float64Array.of(1, 0.5, 0.22),
      hi68: Float64Array.of(1, 0.5, 0.28),
      xData: 100,
    } as unknown as FitCurve;
    expect(extrapolationText(c, 'x', true)).toBe(
      'At x = 10³ (runs a, b), 10 × the largest measured: loss 0.250; 68 %: 0.220 … 0.280, 95 %: 0.200 … 0.300.',
    );
  });

  it('the ridge warning: the spans, what the runs fix, the rule', () => {
    const w: RidgeWarning = {
      kind: 'ridge',
      length: 0.8,
      width: 0.1,
      direction: [0.6, 0.8],
      alpha: [1.2, 2.4],
      beta: [1.6, 3.2],
      determined: [{ law: 'time', value: -0.5, spread: 0.02 }],
      open: true,
    };
    const t = ridgeText(w);
    expect(t).toContain('α and β cannot be told apart with these runs');
    expect(t).toContain('α runs over 1.20 … 2.40 and β over 1.60 … 3.20');
    expect(t).toContain('8.0 times longer than wide');
    expect(t).toContain('the time-limited exponent −(β−1)/α = −0.500 (± 0.010)');
    expect(t).toContain('continues beyond it');
    expect(t).toContain(
      `longer than ${RIDGE_LENGTH} of the phase diagram’s box and ${RIDGE_ELONGATION} times`,
    );
    const wide = ridgeText({ ...w, kind: 'wide', determined: [], open: false });
    expect(wide).toMatch(/^These runs fix α and β only loosely/);
    expect(wide).not.toContain('What the runs do fix');
  });
});
