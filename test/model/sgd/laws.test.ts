// The SGD laws as data (docs/theory.md §9.7) and the batch, learning-rate and compute panels'
// numbers (§9.8): fitted slopes against the laws, the critical batch and the optimal η against
// their definitions.
import { describe, expect, it } from 'vitest';
import {
  batchSweep,
  compareSchedules,
  criticalBatch,
  errorAfter,
  etaSweep,
} from '../../../src/model/sgd/batch.ts';
import { sgdCurve } from '../../../src/model/sgd/curve.ts';
import { sgdLaws, sgdLawValue } from '../../../src/model/sgd/exponents.ts';
import { sgdFrontier } from '../../../src/model/sgd/frontier.ts';
import { DEFAULT_SGD, type SgdParams } from '../../../src/model/sgd/system.ts';

const at = (p: SgdParams) => sgdLaws(p, p, sgdCurve(p, [1]).edge);

describe('the law records', () => {
  it('branch and value: the noise term when β > 2α (and B finite), the target term otherwise', () => {
    const base: SgdParams = { ...DEFAULT_SGD, sigma2: 0, eta: 0.3, batch: 4 };
    expect(at({ ...base, beta: 2 }).s).toMatchObject({ branch: 'target', gap: null });
    expect(at({ ...base, beta: 2 }).s.value).toBeCloseTo(-1 / 1.5, 12);
    expect(at({ ...base, beta: 5 }).s).toMatchObject({ branch: 'noise', gap: null });
    expect(at({ ...base, beta: 5 }).s.value).toBeCloseTo(-(2 - 1 / 1.5), 12);
    expect(at({ ...base, beta: 5, batch: Infinity }).s.value).toBeCloseTo(-4 / 1.5, 12);
    expect(sgdLawValue('B-samples', 1.5, 5, 4)).toBeCloseTo(1 - 1 / 1.5, 12);
    expect(sgdLawValue('eta-steps', 1.5, 2, 4)).toBeCloseTo(-1 / 1.5, 12);
  });

  it('the conditions: label noise, a decaying schedule, the edge, full batch, no room', () => {
    const base: SgdParams = { ...DEFAULT_SGD, sigma2: 0, eta: 0.3, batch: 4 };
    expect(at({ ...base, sigma2: 0.1 }).s.gap).toBe('label-noise');
    expect(at({ ...base, schedule: 'cosine' }).s.gap).toBe('schedule');
    expect(at({ ...base, eta: 5 }).s.gap).toBe('unstable');
    expect(at({ ...base, batch: Infinity })['B-steps'].gap).toBe('full-batch');
    expect(at({ ...base, batch: Infinity }).s.gap).toBeNull();
    expect(at({ ...base, N: 30 }).s.gap).toBe('no-room');
    for (const v of Object.values(at({ ...base, sigma2: 0.1 }))) expect(v.value).toBeNaN();
  });
});

describe('E_g against the batch size', () => {
  it('noise phase (β = 6): ∝ 1/B at fixed steps (slope −1 within 0.05)', () => {
    const p: SgdParams = { ...DEFAULT_SGD, beta: 6, sigma2: 0, eta: 0.3 };
    const b = batchSweep(p, { steps: 1e4, samples: 1e5, Bmax: 256 });
    expect(b.fitSteps).not.toBeNull();
    expect(Math.abs(b.fitSteps!.slope - sgdLawValue('B-steps', 1.5, 6, 2))).toBeLessThan(0.05);
  });

  it('target phase (β = 2): ∝ B^{(β−1)/α} at fixed samples (within 0.05), flat at fixed steps', () => {
    const p: SgdParams = { ...DEFAULT_SGD, beta: 2, sigma2: 0, eta: 0.3 };
    const b = batchSweep(p, { steps: 1e4, samples: 1e5, Bmax: 256 });
    expect(Math.abs(b.fitSamples!.slope - sgdLawValue('B-samples', 1.5, 2, 2))).toBeLessThan(0.05);
    expect(b.fitSteps).toBeNull();
  });

  it('the critical batch: doubling costs the set fraction there and less below', () => {
    const p: SgdParams = { ...DEFAULT_SGD, sigma2: 0.05, eta: 0.3 };
    const n = 1e5;
    const cb = criticalBatch(p, n);
    expect(cb.B).toBeGreaterThan(2);
    expect(cb.B).toBeLessThan(1e3);
    expect(Math.abs(cb.ratio - (1 + cb.cost))).toBeLessThan(0.01);
    const below = cb.B / 1.5;
    const r =
      errorAfter({ ...p, batch: 2 * below }, n / (2 * below)) /
      errorAfter({ ...p, batch: below }, n / below);
    expect(r).toBeLessThan(1 + cb.cost);
  });
});

describe('E_g at the horizon against η', () => {
  it('the optimum is below the edge and no grid point beats it', () => {
    const p: SgdParams = { ...DEFAULT_SGD, sigma2: 0.05, batch: 1 };
    const e = etaSweep(p, 1e4);
    expect(e.etaOpt).toBeLessThan(e.etaMax);
    for (const E of e.Eg) expect(e.Eopt).toBeLessThanOrEqual(E * (1 + 1e-12));
    // Beyond the edge the run diverges.
    expect(e.Eg[e.Eg.length - 1]).toBe(Infinity);
  });
});

describe('schedules side by side', () => {
  it('decaying the rate at the end pays: wsd and cosine end below constant, sorted lowest first', () => {
    const p: SgdParams = { ...DEFAULT_SGD, eta: 0.3, batch: 1, horizon: 1e4, sigma2: 0.05 };
    const r = compareSchedules(p);
    expect(r.map((x) => x.schedule).sort()).toEqual(['constant', 'cosine', 'wsd']);
    for (let i = 1; i < r.length; i++) expect(r[i].Eg).toBeGreaterThanOrEqual(r[i - 1].Eg);
    expect(r[r.length - 1].schedule).toBe('constant');
    for (const x of r) expect(x.Eg).toBe(sgdCurve({ ...p, schedule: x.schedule }, [1e4]).Eg[0]);
  });
});

describe('the compute-optimal frontier, C = N·B·s', () => {
  it('target phase (1.5, 2): L* slope within 0.02 of −ab/(a + b) = −0.4', () => {
    const f = sgdFrontier({ ...DEFAULT_SGD, sigma2: 0, eta: 0.3, batch: 4 }, { Cmax: 1e8 });
    expect(Math.abs(f.fitL!.slope - f.predicted.L)).toBeLessThan(0.02);
    expect(f.predicted.L).toBeCloseTo(-0.4, 12);
    expect(Math.abs(f.fitN!.slope - f.predicted.N)).toBeLessThan(0.03);
  });
});

describe('bad input', () => {
  it('names the parameter, never a NaN', async () => {
    const { SgdParamError } = await import('../../../src/model/sgd/system.ts');
    const cases: [Partial<SgdParams>, string][] = [
      [{ eta: 0 }, 'eta'],
      [{ eta: NaN }, 'eta'],
      [{ batch: 0.5 }, 'batch'],
      [{ alpha: 1 }, 'alpha'],
      [{ N: 1e9 }, 'N'],
      [{ schedule: 'cosine', horizon: 0 }, 'horizon'],
      [{ decay: 0 }, 'decay'],
      [{ final: 2 }, 'final'],
      [{ warmup: -1 }, 'warmup'],
      [{ sigma2: -1 }, 'sigma2'],
    ];
    for (const [extra, key] of cases) {
      let err: unknown = null;
      try {
        sgdCurve({ ...DEFAULT_SGD, ...extra }, [1, 10]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SgdParamError);
      expect((err as InstanceType<typeof SgdParamError>).param).toBe(key);
    }
    expect(() => sgdCurve(DEFAULT_SGD, [10, 5])).toThrow(RangeError);
    // Beyond the edge: Infinity and a flag, not NaN.
    const c = sgdCurve({ ...DEFAULT_SGD, eta: 3 }, [1, 1e4]);
    expect(c.Eg[1]).toBe(Infinity);
    expect(c.unstable).toBe(true);
    expect(c.floor).toBe(Infinity);
  });
});
