// The checkers of one-pass SGD's claims (src/claims/sgd.ts, sgdChecks.ts; docs/theory.md §9):
// each passes on the sentence the app makes and fails on a false one (a number off, a verdict
// flipped), through the oracle's own SGD paths (claims/sgdVerify.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batchClaim,
  criticalClaim,
  divergenceClaim,
  edgeClaim,
  edgeShortClaim,
  etaClaim,
  floorClaim,
  flowClaim,
  schedulesClaim,
  sgdExponentRows,
  slopeClaim,
  stripEdgeClaims,
  sweepMarkClaims,
} from '../../src/claims/sgd.ts';
import { engineOracle, verifyClaim } from '../../src/claims/verify.ts';
import type { Claim } from '../../src/claims/registry.ts';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeSgdSweeps, type SgdSweeps } from '../../src/model/sgd/panels.ts';
import { computeSgdCurve, type SgdCurveResult } from '../../src/model/sgd/theory.ts';
import { lessonValues, sentenceText } from '../../src/lessons/fill.ts';
import { lessonById } from '../../src/lessons/lessons.ts';
import { sgdSentenceCheck } from '../../src/lessons/sgdSentenceChecks.ts';
import { lessonClaim } from '../../src/claims/lessonClaims.ts';
import type { LessonContext } from '../../src/lessons/context.ts';

/** The lessons' SGD state: α = 1.5, β = 2, N = 1000, σ² = 0.05, η = 0.3, B = 1, S = 10⁴. */
const LESSON: Params = {
  ...DEFAULT_PARAMS,
  regime: 'sgd',
  alpha: 1.5,
  beta: 2,
  N: 1000,
  M: Infinity,
  sigma2: 0.05,
  eta: 0.3,
  batch: 1,
  schedule: 'constant',
  horizon: 1e4,
};

/** The noise law's state: β = 4 > 2α, σ² = 0, N = M = ∞ (a stable fitted slope in s). */
const NOISE: Params = { ...LESSON, beta: 4, N: Infinity, sigma2: 0, eta: 0.5, horizon: 1e6 };

const o = engineOracle();
const problemsOf = (c: Claim | null) => (c ? verifyClaim(c, o) : ['no claim made']);

let curve: SgdCurveResult;
let sweeps: SgdSweeps;
beforeAll(() => {
  curve = computeSgdCurve(LESSON);
  sweeps = computeSgdSweeps(LESSON);
}, 120_000);

describe('the SGD claims hold as the app makes them', () => {
  it('the caption: edge, floor, η → 0 limit, schedules', () => {
    expect(problemsOf(edgeClaim(curve.sgd, curve.params))).toEqual([]);
    expect(problemsOf(edgeShortClaim(curve.sgd, curve.params))).toEqual([]);
    const floor = floorClaim(curve);
    expect(floor?.id).toBe('sgd-floor');
    expect(problemsOf(floor)).toEqual([]);
    expect(problemsOf(flowClaim(curve))).toEqual([]);
    expect(problemsOf(schedulesClaim(sweeps, LESSON))).toEqual([]);
    const strip = stripEdgeClaims(curve.sgd, curve.params);
    expect(problemsOf(strip.inside)).toEqual([]);
  });

  it('the sweeps: batch fits, critical batch, η optimum, their marks', () => {
    expect(problemsOf(batchClaim(sweeps))).toEqual([]);
    expect(problemsOf(criticalClaim(sweeps))).toEqual([]);
    expect(problemsOf(etaClaim(sweeps))).toEqual([]);
    const marks = sweepMarkClaims(sweeps);
    for (const m of [...marks.critical, ...marks.optimum, ...marks.edge])
      expect(problemsOf(m.claim), m.claim.id).toEqual([]);
  }, 60_000);

  it('the noise law: the slope and the exponent table’s cells', () => {
    const c = computeSgdCurve(NOISE);
    expect(c.sgd.laws.s.branch).toBe('noise');
    expect(problemsOf(slopeClaim(c))).toEqual([]);
    const s = sgdExponentRows(c, null).find((r) => r.key === 's')!;
    for (const cell of [s.claims.fitted, s.claims.law, s.claims.condition])
      expect(problemsOf(cell), cell.id).toEqual([]);
  }, 60_000);

  it('a rate beyond the edge: the divergence and its reason', () => {
    const c = computeSgdCurve({ ...LESSON, eta: 0.6 });
    const d = divergenceClaim(c.sgd, c.params);
    expect(d?.id).toBe('sgd-diverges');
    expect(problemsOf(d)).toEqual([]);
  });
});

describe('the SGD checkers fail on a false sentence', () => {
  it('an edge 30 % off', () => {
    const f = { ...curve.sgd, edge: { ...curve.sgd.edge, etaMax: curve.sgd.edge.etaMax * 1.3 } };
    expect(problemsOf(edgeClaim(f, curve.params)).join('\n')).toMatch(/η_max/);
    expect(problemsOf(edgeShortClaim(f, curve.params)).length).toBeGreaterThan(0);
  });

  it('a floor 20 % off, and a run said to settle that is still 20 % above', () => {
    const off = { ...curve, sgd: { ...curve.sgd, floor: curve.sgd.floor * 1.2 } };
    expect(problemsOf(floorClaim(off)).join('\n')).toMatch(/E_g\(∞\)/);
  });

  it('a divergence claimed for a stable run', () => {
    const f = { ...curve.sgd, divergedAt: 500, peakEta: 0.3 };
    expect(problemsOf(divergenceClaim(f, curve.params)).length).toBeGreaterThan(0);
  });

  it('a critical batch twice too large, an optimum E_g 20 % off, schedules in the wrong order', () => {
    const c2 = { ...sweeps, critical: { ...sweeps.critical, B: sweeps.critical.B * 2 } };
    expect(problemsOf(criticalClaim(c2)).length).toBeGreaterThan(0);
    const e2 = { ...sweeps, eta: { ...sweeps.eta, Eopt: sweeps.eta.Eopt * 1.2 } };
    expect(problemsOf(etaClaim(e2)).join('\n')).toMatch(/E_g\(η\*\)/);
    const swapped = { ...sweeps, schedules: [...sweeps.schedules].reverse() };
    expect(problemsOf(schedulesClaim(swapped, LESSON)).join('\n')).toMatch(/ends below/);
  }, 60_000);

  it('a fitted slope 0.3 off its direct two-point slope', () => {
    const c = computeSgdCurve(NOISE);
    const fit = { ...c.fitT.fit!, slope: c.fitT.fit!.slope + 0.3 };
    const off = { ...c, fitT: { ...c.fitT, fit } };
    expect(problemsOf(slopeClaim(off)).join('\n')).toMatch(/direct two-point slope/);
  }, 60_000);
});

describe('the batch lesson’s sentences are checked claims', () => {
  const ctxOf = (): LessonContext => ({
    params: LESSON,
    at: 'tstar',
    tAt: 1,
    curve,
    sweepP: null,
    sweepN: null,
    frontier: null,
    pin: null,
    pinCurve: null,
    sgdSweeps: sweeps,
  });

  it('both sides of B_crit: true as made, false with a cost or a verdict changed', () => {
    const ctx = ctxOf();
    const values = lessonValues(ctx);
    const lesson = lessonById('sgd-batch')!;
    const sides = lesson.text.find((x) => x.when === 'sgdCriticalSides')!;
    const text = sentenceText(sides, ctx, values)!;
    expect(text).toMatch(/On both sides of it/);
    // B_crit/4 and 4·B_crit of this state's own critical batch.
    expect(sweeps.sides.map((x) => x.B)).toEqual([sweeps.critical.B / 4, sweeps.critical.B * 4]);
    const made = (v: Record<string, string>, holds = true) =>
      verifyClaim(
        lessonClaim('t', text, LESSON, { check: sgdSentenceCheck(sides, ctx, holds, v) }),
        o,
      );
    expect(made(values)).toEqual([]);
    expect(made({ ...values, sideHiCost: '+5.0' }).join('\n')).toMatch(/sideHiCost/);
    expect(made(values, false).join('\n')).toMatch(/shown as false, recomputed true/);
  }, 60_000);
});

describe('full-batch descent has no floor whatever the label noise', () => {
  it('says so, and the checker holds (B = ∞, σ² > 0)', () => {
    const c = computeSgdCurve({ ...LESSON, batch: Infinity, N: Infinity, horizon: 1e5 });
    const f = floorClaim(c);
    expect(f?.id).toBe('sgd-no-floor');
    expect(f?.plain).toMatch(/B = ∞/);
    expect(problemsOf(f)).toEqual([]);
  });
});
