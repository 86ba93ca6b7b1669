// A diverging SGD run without NaN (docs/theory.md §9.6): real SGD stops a seed where its E_g
// passes the cap at which the theory counts a run diverged (DIVERGENCE_CAP·(E_g(0) + σ²)), so
// neither the mean nor the s.e.m. over seeds ever overflows to NaN or to ∞ beside a finite mean;
// the theory ends at the same cap, and the CLI's JSON has no NaN.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { logSteps, sgdCurve } from '../../../src/model/sgd/curve.ts';
import { DIVERGENCE_CAP } from '../../../src/model/sgd/propagate.ts';
import { simulateSgd } from '../../../src/model/sgd/simulate.ts';
import { DEFAULT_SGD } from '../../../src/model/sgd/system.ts';
import { computeSgdCurve } from '../../../src/model/sgd/theory.ts';
import { jsonText } from '../../../src/cli/output.ts';
import { sgdCurveEvaluation, sgdSimulation } from '../../../src/cli/sgd.ts';

const DIVERGING: Params = { ...DEFAULT_PARAMS, regime: 'sgd', eta: 0.8, horizon: 10_000, seeds: 3 };

describe('a diverging SGD run', () => {
  it('real SGD stops each seed at the divergence cap: a finite mean has a finite s.e.m.', () => {
    const p = { ...DEFAULT_SGD, eta: 0.8, sigma2: 0 };
    const steps = logSteps(1, 10_000, 16);
    const r = simulateSgd(p, { M: 64, steps, seeds: 3, seed: 1 });
    const first = Array.from(r.EgMean).findIndex((v) => v === Infinity);
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < steps.length; i++) {
      for (const a of [r.EgMean, r.EgSem, r.EtrMean, r.EtrSem])
        expect(Number.isNaN(a[i])).toBe(false);
      if (i >= first) expect(r.EgMean[i]).toBe(Infinity);
      else {
        expect(Number.isFinite(r.EgSem[i])).toBe(true);
        expect(r.EgMean[i]).toBeLessThanOrEqual(DIVERGENCE_CAP * r.EgMean[0] * 2);
      }
    }
  });

  it('the theory ends at the cap with its reason, and the CLI writes no NaN', async () => {
    const c = computeSgdCurve(DIVERGING);
    expect(Number.isFinite(c.sgd.divergedAt)).toBe(true);
    for (let i = 0; i < c.t.length; i++) {
      expect(Number.isNaN(c.Eg[i])).toBe(false);
      if (c.t[i] > c.sgd.divergedAt) expect(c.Eg[i]).toBe(Infinity);
    }
    const theory = sgdCurveEvaluation(DIVERGING, null);
    const sim = await sgdSimulation({ ...DIVERGING, M: 64 });
    for (const e of [theory, sim]) {
      expect(e.csv).not.toMatch(/nan/i);
      expect(jsonText(e.record)).not.toMatch(/nan/i);
    }
    // The laws that do not hold for a diverging run are null in the JSON, with their reason.
    const laws = JSON.parse(jsonText(theory.record)).laws as Record<
      string,
      { value: unknown; condition: string }
    >;
    for (const law of Object.values(laws)) {
      expect(law.value).toBeNull();
      expect(law.condition).toContain('the run diverges');
    }
    expect(theory.notes.join(' ')).toContain(`diverged at s = ${c.sgd.divergedAt}`);
    expect(sim.notes.join(' ')).toMatch(/passed 10³⁰ Eg\(0\) from step \d+ on .* diverges/);
  });
});

describe('the intrinsic time of a diverging run', () => {
  it('keeps counting Σ η_s after E_g has passed the cap (it is the schedule’s clock)', () => {
    const steps = logSteps(1, 20_000, 40);
    const c = sgdCurve({ ...DEFAULT_SGD, eta: 0.6, sigma2: 0 }, steps);
    expect(Number.isFinite(c.divergedAt)).toBe(true);
    let after = 0;
    for (let i = 0; i < steps.length; i++) {
      expect(c.t[i]).toBeCloseTo(0.6 * steps[i], 6);
      if (steps[i] > c.divergedAt) after++;
    }
    expect(after).toBeGreaterThan(5);
  });
});
