// The "Try it" promises that were false, checked with the engine in the state each step leads to
// (docs/lessons.md #2 and #6; the truth suite checks every step of every lesson). Each case also
// shows why the old step broke its word, so the fix cannot quietly come undone.
import { describe, expect, it } from 'vitest';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { computeSweep } from '../../src/model/theory/sweep.ts';
import { lessonState, withChange } from '../../src/lessons/apply.ts';
import { FOLLOW_TOL, claimHolds } from '../../src/lessons/claims.ts';
import type { LessonContext } from '../../src/lessons/fill.ts';
import { lessonById } from '../../src/lessons/lessons.ts';

/** The lesson context of a state with its curve, sweeps of the panels shown and first pin. */
function contextOf(s: ReturnType<typeof lessonState>): LessonContext {
  const curve = computeCurve(s.params, { window: s.view.timeWindow });
  const sweep = (axis: 'P' | 'N') =>
    s.view.panels.includes(`scaling${axis}`)
      ? computeSweep(s.params, axis, s.view.at, s.view.tAt)
      : null;
  const pin = s.pins[0] ?? null;
  return {
    params: s.params,
    at: s.view.at,
    tAt: s.view.tAt,
    curve,
    sweepP: sweep('P'),
    sweepN: sweep('N'),
    frontier: null,
    pin,
    pinCurve: pin
      ? computeCurve({ ...pin, tmin: curve.window.tmin, tmax: curve.window.tmax })
      : null,
  };
}

describe('lesson promises, kept', () => {
  it('lesson 2: α = 1.2, β = 4 saturates at −2α, and the P-sweep follows it (every mode kept)', () => {
    const lesson = lessonById('data')!;
    const step = lessonState(lesson, 1);
    expect(step.params.M).toBe(Infinity);
    const ctx = contextOf(step);
    expect(claimHolds('dataLawSaturated', ctx)).toBe(true);
    const fit = ctx.sweepP!.fit!;
    expect(Math.abs(fit.slope - -2 * 1.2)).toBeLessThanOrEqual(FOLLOW_TOL);
    expect(Math.log10(fit.xmax / fit.xmin)).toBeGreaterThanOrEqual(1);
    // The old step kept M = 20000: the sweep's top sizes approach M, the slope keeps steepening
    // and the panel said "No stable slope across P".
    const old = withChange(lessonState(lesson), 'alpha=1.2&beta=4');
    const oldCtx = contextOf(old);
    expect(oldCtx.sweepP!.fit).toBeNull();
    expect(claimHolds('dataLawSaturated', oldCtx)).toBe(false);
  });

  it('lesson 6: weight decay γ = 0.03, even stopped early, stays above early-stopped gradient flow', () => {
    const lesson = lessonById('stop-vs-decay')!;
    const ctx = contextOf(lessonState(lesson, 1));
    expect(ctx.params.regime).toBe('wd');
    expect(ctx.pin!.regime).toBe('gf');
    expect(claimHolds('decayAboveStopping', ctx)).toBe(true);
    // docs/lessons.md #6: early-stopped gradient flow reaches E* = 0.00283.
    expect(ctx.pinCurve!.earlyStop.Eg).toBeCloseTo(0.00283, 4);
    expect(ctx.curve!.earlyStop.Eg).toBeGreaterThan(1.5 * ctx.pinCurve!.earlyStop.Eg);
    // The old promise ("no longer has an early-stopping advantage") was false: weight decay at
    // γ = 0.03 still has a minimum inside the window, 1.25× below where it ends.
    const old = contextOf(withChange(lessonState(lesson), 'regime=wd&gamma=0.03'));
    expect(old.curve!.earlyStop.case).toBe('inside');
    expect(old.curve!.earlyStop.gain).toBeGreaterThan(1.2);
  });
});
