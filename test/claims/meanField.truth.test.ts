// The truth suite of the mean field's internals (docs/theory.md §8): every sentence the
// decomposition, the order-parameter panel and the mode inspector say about a state, checked by a
// path of its own (a fresh engine and evaluator, the order parameters at τ → ∞, a fresh mode
// detail around the time a mode is said to be learned) over the regimes' defaults, the
// interpolation point and 200 random states across the parameter box.
import { describe, expect, it } from 'vitest';
import {
  PART_KEYS,
  limitSplitSentence,
  signalNoiseCrossing,
  stopExplanation,
  zeroPartReason,
} from '../../src/claims/decomposition.ts';
import { learnedSentence } from '../../src/claims/modeDetail.ts';
import { amplificationSentence } from '../../src/claims/orderParams.ts';
import {
  DEFAULT_PARAMS,
  ParamError,
  effectiveParams,
  type Params,
} from '../../src/model/params.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { SCAN_CAP } from '../../src/model/theory/dynamics.ts';
import { makeEngine } from '../../src/model/theory/engine.ts';
import { computeModeDetail } from '../../src/model/theory/modes.ts';
import { computeOrder } from '../../src/model/theory/order.ts';
import { TimeEvaluator } from '../../src/model/theory/timeEval.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { randomParams, rng } from '../state/random.ts';

const base: Params = { ...DEFAULT_PARAMS, nt: 30 };
const NAMED: [string, Params][] = [
  ['gf', base],
  ['gf clean', { ...base, sigma2: 0 }],
  ['N = P', { ...base, N: 400 }],
  ['N = P, weight decay', { ...base, N: 400, regime: 'wd', gamma: 1e-2 }],
  ['kernel', { ...base, N: Infinity, sigma2: 0.1 }],
  ['wd', { ...base, regime: 'wd' }],
  ['langevin', { ...base, regime: 'langevin' }],
  ['langevin init', { ...base, regime: 'langevin', sigma02: 0.5, gamma: 0.01 }],
  ['bayes', { ...base, regime: 'bayes' }],
  ['init gf', { ...base, sigma02: 1 }],
  ['few modes', { ...base, M: 100, N: 50, P: 50 }],
];

function randomStates(n: number): [string, Params][] {
  const r = rng(20261210);
  return Array.from({ length: n }, (_, i) => [
    `random #${i}`,
    { ...randomParams(r), nt: 24, data: 'powerlaw' } as Params,
  ]);
}

function curveOf(p: Params): CurveResult | null {
  try {
    return computeCurve(p, { parts: true });
  } catch (err) {
    if (err instanceof ParamError) return null;
    throw err;
  }
}

/** The parts at t by a fresh engine and evaluator (not the curve's). */
function partsAt(p: Params) {
  const ev = new TimeEvaluator(makeEngine(p, SCAN_CAP));
  return (t: number) => ev.at(t, { train: false, parts: true }).parts!;
}

function checkDecomposition(name: string, c: CurveResult, { acts = false } = {}): void {
  const p = c.params;
  const parts = c.parts!;
  for (const k of PART_KEYS) {
    const why = zeroPartReason(p, k);
    const max = Math.max(...parts[k]);
    // "0 (why)" only where the part is identically zero. In the named states a part that acts is
    // visible; at random a part can act below round-off (init decayed as e^{−2γt} by t_min).
    if (why) expect(max, `${name}: ${k} said zero (${why})`).toBe(0);
    else if (acts) expect(max, `${name}: ${k} acts`).toBeGreaterThan(0);
  }
  const at = partsAt(p);
  const ex = stopExplanation(c, c.t, parts);
  if (c.earlyStop.case === 'none') expect(ex.text, name).toMatch(/^Early stopping: n\/a/);
  if (ex.balance) {
    // t* lies in the step; over it the signal part falls and each named part rises.
    const i = c.t.findIndex(
      (t, j) => j + 1 < c.t.length && t <= c.earlyStop.t && c.earlyStop.t <= c.t[j + 1],
    );
    expect(i, name).toBeGreaterThanOrEqual(0);
    const a = at(c.t[i]);
    const b = at(c.t[i + 1]);
    expect(b.signal, `${name}: signal falls`).toBeLessThan(a.signal);
    for (const k of ex.rising) expect(b[k], `${name}: ${k} rises`).toBeGreaterThan(a[k]);
  }
  const cross = signalNoiseCrossing(c.t, parts);
  if (cross) {
    const a = at(c.t[cross.i]);
    const b = at(c.t[cross.i + 1]);
    expect(a.signal, `${name}: signal above noise before`).toBeGreaterThanOrEqual(
      a.noise * (1 - 1e-6),
    );
    expect(b.signal, `${name}: signal below noise after`).toBeLessThan(b.noise);
    expect(cross.t >= c.t[cross.i] && cross.t <= c.t[cross.i + 1], name).toBe(true);
  }
  // The t → ∞ split adds up to E_g(∞), and the parts left out of it are zero.
  const limit = computeCurve(p, { parts: true, light: true }).limit;
  const shown = PART_KEYS.filter((k) => zeroPartReason(p, k) === null);
  const sum = shown.reduce((s, k) => s + limit.parts[k], 0);
  if (Number.isFinite(limit.Eg))
    expect(Math.abs(sum - limit.Eg), name).toBeLessThanOrEqual(1e-9 * limit.Eg);
  else expect(sum, name).toBe(Infinity);
  for (const k of PART_KEYS)
    if (!shown.includes(k)) expect(limit.parts[k], `${name}: ${k}`).toBe(0);
  expect(limitSplitSentence(p, limit.parts, limit.Eg), name).not.toMatch(/NaN|undefined|—/);
}

function checkOrder(name: string, p: Params): void {
  const inf = computeOrder(p, Float64Array.of(Infinity));
  const at = { kappa: inf.kappa[0], R: inf.R[0], amplification: inf.amplification[0] };
  const text = amplificationSentence(p, at);
  const q = effectiveParams(p);
  // The theory's condition for the divergence (docs/theory.md §6): N = P below M, no weight decay.
  const interpolation = p.N === p.P && q.gamma === 0 && p.N < p.M;
  if (text.includes('diverges')) {
    expect(interpolation, `${name}: said to diverge`).toBe(true);
    // Independently: 1/(1 − Γ) grows without bound as τ grows.
    const far = computeOrder(p, Float64Array.of(1e4, 1e8, 1e12)).amplification;
    expect(far[2], name).toBeGreaterThan(far[0] * 10);
  } else {
    expect(interpolation, `${name}: said finite`).toBe(false);
    expect(Number.isFinite(at.amplification), name).toBe(true);
  }
  if (text.includes('N = P')) expect(p.N, name).toBe(p.P);
}

function checkMode(name: string, p: Params, k: number): void {
  const d = computeModeDetail(p, k);
  const kappaInf = computeOrder(p, Float64Array.of(Infinity)).kappa[0];
  const text = learnedSentence(d);
  // Ever learned exactly when λ_k > κ(∞) (κ by the order parameters' path).
  expect(text.startsWith('The mode is never learned'), name).toBe(!(d.lambda > kappaInf));
  if (text.startsWith('The mode is learned') && d.learnedTime > 2e-3 && d.learnedTime < 5e7) {
    // ℓ_k crosses ½ at the time said: below just before, above just after.
    const around = computeModeDetail(
      { ...p, tmin: d.learnedTime / 1.02, tmax: d.learnedTime * 1.02, nt: 2 },
      k,
    );
    expect(around.ell[0], name).toBeLessThan(0.5);
    expect(around.ell[1], name).toBeGreaterThan(0.5);
  }
}

describe('truth suite: the mean field’s internals', () => {
  it.each(NAMED)('%s', (name, p) => {
    const c = curveOf(p)!;
    checkDecomposition(name, c, { acts: true });
    checkOrder(name, c.params);
    for (const k of [1, 10, 300].filter((j) => j <= c.params.M))
      checkMode(`${name} k=${k}`, c.params, k);
  });

  it('random states across the whole box (200)', () => {
    const r = rng(7);
    let checked = 0;
    for (const [name, p] of randomStates(200)) {
      const c = curveOf(p);
      if (!c) continue;
      checkDecomposition(name, c);
      checkOrder(name, c.params);
      const kMax = Number.isFinite(c.params.M) ? c.params.M : 1e4;
      checkMode(name, c.params, Math.max(1, Math.round(kMax ** r())));
      checked++;
    }
    expect(checked).toBeGreaterThan(170);
  }, 600_000);
});
