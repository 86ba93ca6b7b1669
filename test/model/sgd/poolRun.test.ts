// The real-run worker's entry under one-pass SGD (src/model/sgd/simRun.ts poolSgdRun): seeds in
// turn with the running mean after each, cancel between seeds, the N it runs (the kernel limit
// above POOL_SIM_MAX_N), the steps it samples, a diverging run without NaN, and the claim that
// compares it with the measured-spectrum theory of its own pool (docs/theory.md §9.6).
import { describe, expect, it } from 'vitest';
import { sgdPoolAgreement, simOverflowClaim } from '../../../src/claims/simulation.ts';
import { measureModes } from '../../../src/model/data/measure.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { prepareReal } from '../../../src/model/real/realRun.ts';
import { CancelledError } from '../../../src/model/simulation/simulate.ts';
import { sgdCurve } from '../../../src/model/sgd/curve.ts';
import { poolSgdRun } from '../../../src/model/sgd/simRun.ts';
import {
  POOL_SIM_MAX_N,
  POOL_SIM_WORK,
  poolSimLastStep,
  poolSimSteps,
} from '../../../src/model/sgd/simSteps.ts';
import { sgdDataFrom } from '../../../src/model/sgd/system.ts';
import { sgdRunParams } from '../../../src/model/sgd/theory.ts';
import { registerSpectrum } from '../../../src/model/theory/dataSpectra.ts';
import { subPool } from '../../helpers/digitAssets.ts';

const BASE: Params = {
  ...DEFAULT_PARAMS,
  regime: 'sgd',
  data: 'mnist',
  kernel: 'relu',
  task: 'parity',
  N: Infinity,
  batch: 1,
  eta: 0.5,
  sigma2: 0.05,
  horizon: 400,
  seeds: 3,
};

describe('real SGD on a pool as the real-run worker runs it', () => {
  const small = prepareReal(subPool(10), BASE);

  it('runs the seeds at its steps, reporting the running mean after each', () => {
    const partial: number[] = [];
    const r = poolSgdRun(small, BASE, {
      onSeed: (done, total, p) => partial.push(done, total, p.seeds),
    });
    expect(partial).toEqual([1, 3, 1, 2, 3, 2, 3, 3, 3]);
    expect(Array.from(r.t)).toEqual(Array.from(poolSimSteps(BASE, small.n)));
    expect(r.t[r.t.length - 1]).toBe(BASE.horizon);
    expect(r.seeds).toBe(3);
    for (const v of r.EgMean) expect(v).toBeGreaterThan(0);
  });

  it('stops between seeds when cancelled', () => {
    let seeds = 0;
    expect(() =>
      poolSgdRun(small, BASE, { onSeed: () => seeds++, shouldCancel: () => seeds >= 1 }),
    ).toThrow(CancelledError);
    expect(seeds).toBe(1);
  });

  it('runs N random features up to its cap and the kernel limit above it', () => {
    const limit = poolSgdRun(small, BASE);
    const above = poolSgdRun(small, { ...BASE, N: 10 * POOL_SIM_MAX_N });
    expect(Array.from(above.EgMean)).toEqual(Array.from(limit.EgMean));
    const features = poolSgdRun(small, { ...BASE, N: 32 });
    const last = features.t.length - 1;
    expect(Number.isFinite(features.EgMean[last])).toBe(true);
    // 32 features cannot fit what the kernel fits: the error stays above the kernel limit's.
    expect(features.EgMean[last]).toBeGreaterThan(limit.EgMean[last]);
  });

  it('stops where its work per seed runs out, before a long horizon', () => {
    const p = { ...BASE, horizon: 1e7, batch: 8 };
    const last = poolSimLastStep(p, 3000);
    expect(last).toBe(Math.floor(POOL_SIM_WORK / (8 * 3000)));
    expect(poolSimLastStep({ ...p, N: 64 }, 3000)).toBe(Math.floor(POOL_SIM_WORK / (8 * 2 * 64)));
  });

  it('a diverging run stops its seeds at the divergence cap of the theory: Infinity, never NaN, said so', () => {
    const r = poolSgdRun(small, { ...BASE, eta: 500, horizon: 2000 });
    const over = Array.from(r.EgMean).findIndex((v) => v === Infinity);
    expect(over).toBeGreaterThan(0);
    for (const a of [r.EgMean, r.EgSem, r.EtrMean, r.EtrSem])
      for (const v of a) expect(Number.isNaN(v)).toBe(false);
    const claim = simOverflowClaim(r);
    expect(claim?.plain).toBe(
      `Eg passed 10³⁰ Eg(0) from step ${r.t[over]} on in at least one seed, which stopped there: this run diverges (its points end there).`,
    );
    expect(simOverflowClaim(poolSgdRun(small, BASE))).toBeNull();
  });
});

describe('real SGD on 300 digits against the theory on their measured spectrum', () => {
  const setup = prepareReal(subPool(30), BASE);
  const m = measureModes(setup.X, setup.n, setup.dim, 'relu', [setup.y]);
  const entry = registerSpectrum('test/poolrun', { lam: m.eigenvalues, power: m.powers[0] }, true);
  const data = sgdDataFrom('test/poolrun', entry);

  for (const batch of [1, 8]) {
    it(`B = ${batch}, N = ∞: the claim counts the steps within 2 s.e.m. as the theory places them`, () => {
      const p = { ...BASE, batch, horizon: 1000, seeds: 24 };
      const r = poolSgdRun(setup, p);
      const th = sgdCurve({ ...sgdRunParams(p), data }, r.t);
      const claim = sgdPoolAgreement(r, { t: r.t, Eg: th.Eg });
      let inside = 0;
      for (let i = 0; i < r.t.length; i++)
        if (Math.abs(r.EgMean[i] - th.Eg[i]) <= 2 * r.EgSem[i]) inside++;
      expect(claim?.plain).toContain(`At ${inside} of ${r.t.length} sampled steps`);
      expect(claim?.check({} as never, claim)).toEqual([]);
      // η = 0.5 is below a quarter of the edge: most steps agree (docs/theory.md §9.6).
      expect(inside).toBeGreaterThanOrEqual(Math.ceil(0.7 * r.t.length));
      console.log(`300 digits, B = ${batch}: ${claim?.plain.slice(0, 110)}`);
    });
  }
});
