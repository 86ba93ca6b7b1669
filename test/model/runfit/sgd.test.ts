// SGD as a fit regime (docs/theory.md §9, §10): the tables read the SGD engine's curve exactly at
// its integer steps, and (α, β) are recovered from engine-generated SGD runs at three batch sizes
// with 2 % multiplicative noise.
import { describe, expect, it } from 'vitest';
import { fitRuns } from '../../../src/model/runfit/fitRuns.ts';
import { sgdGridSteps, sgdSampler } from '../../../src/model/runfit/sgdSampler.ts';
import { FINE_TABLE } from '../../../src/model/runfit/basis.ts';
import { FitError } from '../../../src/model/runfit/progress.ts';
import { ParamError } from '../../../src/model/params.ts';
import { logSteps, sgdCurve } from '../../../src/model/sgd/curve.ts';
import { sgdParamsOf } from '../../../src/model/sgd/theory.ts';
import { FIT_BASE, noisyRuns, sgdRuns, type Truth } from './synthetic.ts';

const BASE = { ...FIT_BASE, regime: 'sgd' as const, eta: 0.3, batch: 1 };

describe('the SGD sampler', () => {
  it('gives the engine’s parts at integer steps and its noise part is linear in σ²', () => {
    const p = { ...BASE, alpha: 1.8, beta: 2.5, sigma2: 1 };
    const s = sgdSampler(p, 1e5, FINE_TABLE);
    const steps = Float64Array.from([1, 7, 16, 130, 2000, 31000]);
    const sp = sgdParamsOf(p);
    const e0 = sgdCurve({ ...sp, sigma2: 0 }, steps).Eg;
    const e3 = sgdCurve({ ...sp, sigma2: 0.3 }, steps).Eg;
    let checked = 0;
    steps.forEach((k, i) => {
      const [A, B] = s.any(k);
      // Hermite interpolation of ln E between dense nodes: 0.2 % at off-node steps.
      expect(Math.abs(A / e0[i] - 1)).toBeLessThan(2e-3);
      // E(σ² = 0.3) = A + 0.3 B (the recursion is linear in σ²), to the engine's 10⁻⁴.
      expect(Math.abs((A + 0.3 * B) / e3[i] - 1)).toBeLessThan(3e-3);
      checked++;
    });
    expect(checked).toBe(steps.length);
    expect(s.scale).toBeGreaterThan(e0[0]);
  });

  it('steps the grid densely: every integer to 16, then log-spaced', () => {
    const g = sgdGridSteps(1e4, 16);
    expect(Array.from(g.subarray(0, 17))).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(g[g.length - 1]).toBe(1e4);
    for (let i = 1; i < g.length; i++) expect(g[i]).toBeGreaterThan(g[i - 1]);
  });
});

describe('fitting SGD runs', () => {
  const truth: Truth = { alpha: 1.5, beta: 2, sigma2: 0.05, s: 4, c: 2, L0: 0.1 };
  const runs = sgdRuns(truth.s, logSteps(4, 4e4, 20), [{ batch: 1 }, { batch: 4 }, { batch: 16 }]);
  it('recovers (α, β) inside the 95 % region, the estimates inside their intervals', () => {
    const DRAWS = 3;
    let inside = 0;
    let fits = 0;
    for (let seed = 1; seed <= DRAWS; seed++) {
      const r = fitRuns(noisyRuns('steps', BASE, truth, runs, 0.02, seed), {
        axis: 'steps',
        regime: 'sgd',
        params: { eta: 0.3 },
        bootstrap: 0,
        probes: [{ alpha: truth.alpha, beta: truth.beta }],
      });
      fits++;
      expect(r.regime).toBe('sgd');
      for (const e of [r.alpha, r.beta]) {
        expect(e.ci95[0]).toBeLessThanOrEqual(e.value);
        expect(e.value).toBeLessThanOrEqual(e.ci95[1]);
      }
      // Within 0.15 of the truth (the 2 % noise's intervals are ±0.1 or narrower).
      expect(Math.abs(r.alpha.value - truth.alpha)).toBeLessThan(0.15);
      expect(Math.abs(r.beta.value - truth.beta)).toBeLessThan(0.15);
      expect(r.quality.misfit).toBe(false);
      // The app state it opens: SGD over the data's theory steps and the extrapolation.
      expect(r.params.regime).toBe('sgd');
      expect(r.params.horizon).toBeGreaterThan(1e4);
      if (r.probes[0].inside95) inside++;
      console.log(
        `SGD draw ${seed}: α = ${r.alpha.value.toFixed(3)} [${r.alpha.ci95.map((v) => v.toFixed(3))}], β = ${r.beta.value.toFixed(3)} [${r.beta.ci95.map((v) => v.toFixed(3))}], truth deviance ${r.probes[0].deviance.toFixed(2)}`,
      );
    }
    expect(fits).toBe(DRAWS);
    expect(inside).toBeGreaterThanOrEqual(DRAWS - 1);
  }, 600_000);

  it('refuses what SGD cannot fit, naming why', () => {
    const data = noisyRuns('steps', BASE, truth, runs.slice(0, 1), 0.02, 1);
    expect(() => fitRuns(data, { axis: 'P', regime: 'sgd', bootstrap: 0 })).toThrow(FitError);
    expect(() =>
      fitRuns(data, { axis: 'steps', regime: 'sgd', params: { schedule: 'cosine' }, bootstrap: 0 }),
    ).toThrow(ParamError);
  });
});
