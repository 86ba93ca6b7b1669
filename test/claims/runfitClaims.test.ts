// The Fit my runs claims of the registry (docs/theory.md §10): on a real fit with the hold-out
// check, every claim's checker passes on its own sentence and fails on a false one (a number
// changed, a verdict turned round); the hold-out fit's own curve is the theory fitted on the first
// part only, continued over the held-out points.
import { beforeAll, describe, expect, it } from 'vitest';
import { claim, type Claim } from '../../src/claims/registry.ts';
import { howClaim, numbersIn, runFitClaims, usedRms } from '../../src/claims/runfit.ts';
import { engineOracle } from '../../src/claims/verify.ts';
import { fitRuns, type RunFitResult } from '../../src/model/runfit/fitRuns.ts';
import { HOLDOUT_FRACTION } from '../../src/model/runfit/holdout.ts';
import type { RunFitOptions } from '../../src/model/runfit/options.ts';
import { threeSizeRuns } from '../model/runfit/synthetic.ts';

const o: RunFitOptions = { axis: 'steps', bootstrap: 8, holdout: HOLDOUT_FRACTION };
let r: RunFitResult;
const oracle = engineOracle();

/** The same claim with another text (a false sentence with the true sentence's checker). */
const lying = (c: Claim, text: string): Claim => claim(`${c.id}.lie`, text, c.state, c.check);

beforeAll(() => {
  r = fitRuns(threeSizeRuns(16, 3), o);
}, 300_000);

describe('numbers read back from a sentence', () => {
  it('reads decimals, powers of ten and mantissas, not digits inside words', () => {
    const got = numbersIn('up to 10⁶ rows, 4.1·10² and −0.500; L₀ x2 1.52').map((n) => n.value);
    const want = [1e6, 410, -0.5, 1.52];
    expect(got).toHaveLength(want.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 9));
  });
});

describe('the fit’s claims', () => {
  it('hold on the fit they were made from', () => {
    const c = runFitClaims(r, o);
    const all = [
      c.alpha,
      c.beta,
      c.bootstrap,
      ...c.linear,
      c.quality,
      c.holdout!,
      ...c.extrapolation,
      ...(c.ridge ? [c.ridge] : []),
      howClaim(1e6),
    ];
    expect(c.holdout).not.toBeNull();
    let checked = 0;
    for (const k of all) {
      expect(k.check(oracle, k), k.id).toEqual([]);
      checked++;
    }
    expect(checked).toBe(all.length);
  });

  it('fail on a false sentence', () => {
    const c = runFitClaims(r, o);
    const wrongAlpha = c.alpha.plain.replace(/^α = [0-9.]+/, 'α = 9.99');
    expect(wrongAlpha).not.toBe(c.alpha.plain);
    expect(c.alpha.check(oracle, lying(c.alpha, wrongAlpha)).length).toBeGreaterThan(0);
    // The hold-out verdict turned round (the errors are recomputed from the held-out points).
    const h = c.holdout!;
    const turned = h.plain.includes('the theory predicted')
      ? h.plain.replace('the theory predicted', 'the plain power law predicted')
      : h.plain.replace(
          /the (plain power law|two) predicted[^.]*/,
          'the theory predicted the held-out points better',
        );
    expect(turned).not.toBe(h.plain);
    expect(h.check(oracle, lying(h, turned)).length).toBeGreaterThan(0);
    // A quality sentence with the residuals doubled.
    const q = c.quality;
    const rms = 100 * Math.expm1(usedRms(r).rms);
    const doubled = q.plain.replace(/residuals [0-9.]+ %/, `residuals ${(2 * rms).toFixed(1)} %`);
    expect(q.check(oracle, lying(q, doubled)).length).toBeGreaterThan(0);
    // The file limit misquoted.
    const how = howClaim(1e6);
    expect(how.check(oracle, lying(how, how.plain.replace('10⁶', '10⁵'))).length).toBeGreaterThan(
      0,
    );
  });
});

describe('the hold-out fit’s own curve', () => {
  it('is the theory fitted on x ≤ split, continued over the held-out part', () => {
    const h = r.holdout!;
    expect(h.curves).toHaveLength(r.curves.length);
    let checked = 0;
    for (const c of h.curves) {
      const runs = r.runs.filter((k) => c.runs.includes(k.id));
      const xs = runs.flatMap((k) => Array.from(k.x));
      // It spans the whole data: the fitted part and the held-out part beyond the split.
      expect(c.x[0]).toBeCloseTo(Math.min(...xs), 6);
      expect(c.x[c.x.length - 1]).toBeCloseTo(Math.max(...xs), 3);
      expect(c.x[c.x.length - 1]).toBeGreaterThan(h.split);
      for (const v of c.loss) expect(Number.isFinite(v) && v > 0).toBe(true);
      // Over the fitted part it follows the data it was fitted to (2 % noise: within 8 %).
      for (const k of runs)
        k.x.forEach((x, i) => {
          if (x > h.split) return;
          const j = c.x.findIndex((v) => v >= x * (1 - 1e-9));
          const lm = Math.log(c.loss[Math.max(0, j)]);
          expect(Math.abs(Math.log(k.loss[i]) - lm)).toBeLessThan(0.15);
          checked++;
        });
    }
    expect(checked).toBeGreaterThan(0);
    // It differs from the full fit's curve (fitted on every point): it is the hold-out's own.
    const full = r.curves[0];
    const own = h.curves[0];
    const last = own.loss[own.loss.length - 1];
    const k = full.x.findIndex((x) => x >= own.x[own.x.length - 1] * (1 - 1e-9));
    expect(Math.abs(Math.log(last / full.loss[k]))).toBeGreaterThan(0);
  });
});
