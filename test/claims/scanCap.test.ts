// A scan that reaches its cap t = 10¹² before E_g has settled (docs/theory.md §8): the engine says
// so on its result, every sentence about the whole of training says where the scan ended instead
// of "no early-stopping gain", and the checkers recompute that from a fresh engine. The state is
// the audit's random #125: E_g falls to 3.15·10⁻⁵ at 10¹² and only later rises to
// E_g(∞) = 3.39·10⁻⁵.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { SCAN_CAP, scanDynamics } from '../../src/model/theory/dynamics.ts';
import { outcomeClaim } from '../../src/claims/curveClaims.ts';
import { stopClaim } from '../../src/claims/meanFieldClaims.ts';
import { bottleneckClaim } from '../../src/claims/diagnosisClaims.ts';
import { stopExplanation } from '../../src/claims/decomposition.ts';
import { engineOracle, verifyClaim } from '../../src/claims/verify.ts';
import type { CurveResult } from '../../src/model/types.ts';

const CAPPED: Params = {
  ...DEFAULT_PARAMS,
  regime: 'gf',
  alpha: 3.9,
  beta: 2.5,
  P: 1900,
  N: 39000,
  M: Infinity,
  sigma2: 1.3e-6,
  sigma02: 6,
  tmin: 980,
  tmax: 5.7e6,
};

/** The same curve as the engine gave before the scan said where it ended. */
const asBefore = (c: CurveResult): CurveResult => ({
  ...c,
  earlyStop: { ...c.earlyStop, open: null },
});

describe('a scan that ends at its cap unsettled', () => {
  const c = computeCurve(CAPPED);
  const o = engineOracle();

  it('says so on the scan and on the early-stopping result, with E_g there', () => {
    const scan = scanDynamics(CAPPED, CAPPED.tmax);
    expect(scan.endedAtCap).toBe(true);
    expect(scan.t[scan.t.length - 1]).toBeCloseTo(SCAN_CAP, -3);
    const end = c.earlyStop.open!;
    expect(c.earlyStop.case).toBe('none');
    expect(end.falling).toBe(true);
    // 3.15·10⁻⁵ at the cap, below E_g(∞) = 3.39·10⁻⁵ (3 digits, the caption's).
    expect(end.Eg).toBeCloseTo(3.146e-5, 8);
    expect(end.Eg).toBeLessThan(c.limit.Eg * 0.95);
  });

  it('a scan that settles is not open (the landing state)', () => {
    const scan = scanDynamics(DEFAULT_PARAMS, 0);
    expect(scan.endedAtCap).toBe(false);
    expect(computeCurve(DEFAULT_PARAMS, { window: 'auto' }).earlyStop.open).toBeNull();
  });

  it('the caption says where the scan ended, not "no early-stopping gain", and it checks', () => {
    const claim = outcomeClaim(c);
    expect(claim.markup).toContain('E_g is still falling at t = 10¹², where it is 3.15·10⁻⁵');
    expect(claim.markup).toContain('not scanned beyond');
    expect(claim.markup).toContain('It is already below E_g(∞) = 3.39·10⁻⁵');
    expect(claim.markup).not.toContain('No early-stopping gain');
    expect(verifyClaim(claim, o)).toEqual([]);
  });

  it('the old sentence, "no early-stopping gain", fails its checker here', () => {
    const old = outcomeClaim(asBefore(c));
    expect(old.markup).toContain('No early-stopping gain');
    expect(verifyClaim(old, o).join(' ')).toMatch(/"no gain", but E\(1000000000000\)/);
  });

  it('the checker fails an open end said of a curve that settles, or a wrong value there', () => {
    const settled = computeCurve(DEFAULT_PARAMS, { window: 'auto' });
    const fake: CurveResult = {
      ...settled,
      earlyStop: {
        case: 'none',
        t: Infinity,
        Eg: settled.limit.Eg,
        gain: 1,
        side: null,
        monotone: true,
        open: { t: SCAN_CAP, Eg: settled.limit.Eg, floor: 0, falling: true },
      },
    };
    expect(verifyClaim(outcomeClaim(fake), o).join(' ')).toMatch(/said unsettled|still falling/);
    const wrong: CurveResult = {
      ...c,
      earlyStop: { ...c.earlyStop, open: { ...c.earlyStop.open!, Eg: 2 * c.limit.Eg } },
    };
    expect(verifyClaim(outcomeClaim(wrong), o).join(' ')).toMatch(/E_g\(1000000000000\)/);
  });

  it('the decomposition and the bottleneck box say where the scan ended, and check', () => {
    const stop = stopExplanation(c, c.t, {
      signal: c.Eg,
      noise: new Float64Array(c.t.length),
      temperature: new Float64Array(c.t.length),
      init: new Float64Array(c.t.length),
    });
    expect(stop.text).toContain('n/a (E_g is still falling at t = 10¹²');
    expect(stop.text).not.toContain('no early-stopping gain');
    expect(verifyClaim(stopClaim(c, stop.text), o)).toEqual([]);
    const old = stopExplanation(asBefore(c), c.t, {
      signal: c.Eg,
      noise: new Float64Array(c.t.length),
      temperature: new Float64Array(c.t.length),
      init: new Float64Array(c.t.length),
    });
    expect(verifyClaim(stopClaim(asBefore(c), old.text), o)).not.toEqual([]);
    // Time-limited: training longer lowers E_g to its value at the cap, where the scan ends.
    expect(c.diagnosis.kind).toBe('time');
    const box = bottleneckClaim(c);
    expect(box.markup).toContain('by t = 10¹², where the scan ends with E_g still falling');
    expect(verifyClaim(box, o)).toEqual([]);
  });
});
