import { describe, expect, it } from 'vitest';
import {
  computeCurve,
  computeModes,
  DEFAULT_PARAMS,
  ParamError,
  type Params,
} from '../../../src/model/index.ts';
import { registerSpectrum } from '../../../src/model/theory/dataSpectra.ts';
import {
  checkModes,
  fitSpectrum,
  fittedModes,
} from '../../../src/model/theory/measuredSpectrum.ts';
import { committedSpectra } from '../../helpers/digitAssets.ts';
import { registerMnist } from '../../helpers/mnistSpectra.ts';

const base: Params = {
  ...DEFAULT_PARAMS,
  data: 'mnist',
  kernel: 'relu',
  task: 'parity',
  tmin: 1,
  tmax: 1e5,
  nt: 30,
  sigma2: 0.05,
  gamma: 1e-4,
  T: 1e-5,
};

function maxRel(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return m;
}

describe('theory on a measured spectrum', () => {
  it('the compressed sums agree with the exact sums over all modes to 1e-5 (every regime)', () => {
    for (const kernel of ['relu', 'linear'] as const) {
      const t = committedSpectra()[kernel];
      const reg = registerMnist(kernel, 'parity');
      registerSpectrum('custom', { lam: t.eigenvalues, power: t.powers.parity }, true);
      expect(reg.measured.lam.length).toBeLessThan(150); // vs 3000 exact nodes
      for (const regime of ['gf', 'wd', 'langevin', 'bayes'] as const)
        for (const [P, N] of [
          [100, Infinity],
          [1000, 500],
        ]) {
          const p = { ...base, kernel, regime, P, N };
          const a = computeCurve(p);
          const b = computeCurve({ ...p, data: 'custom' });
          expect(maxRel(a.Eg, b.Eg)).toBeLessThan(1e-5);
          expect(Math.abs(a.limit.Eg - b.limit.Eg) / b.limit.Eg).toBeLessThan(1e-5);
        }
    }
  });

  it('fits α ≈ 1.31 and β ≈ 1.42 for the ReLU NNGP kernel, even vs odd, over k = 10…300', () => {
    const reg = registerMnist('relu', 'parity');
    expect(reg.fit.lam.xmin).toBe(10);
    expect(reg.fit.lam.xmax).toBe(300);
    expect(reg.fit.alpha).toBeCloseTo(1.31, 2);
    expect(reg.fit.beta).toBeCloseTo(1.42, 2);
    const p = computeCurve(base).params;
    expect(p.alpha).toBe(reg.fit.alpha);
    expect(p.M).toBe(3000);
  });

  it('the fitted power laws reproduce the fit', () => {
    const fit = fitSpectrum(fittedModes(registerMnist('relu', 'parity').fit, 3000));
    expect(fit.alpha).toBeCloseTo(registerMnist('relu', 'parity').fit.alpha, 6);
  });

  it('a power-law spectrum given as measured modes reproduces the power-law engine', () => {
    const M = 2000;
    const lam = Float64Array.from({ length: M }, (_, i) => Math.pow(i + 1, -1.5));
    const power = Float64Array.from({ length: M }, (_, i) => Math.pow(i + 1, -2));
    registerSpectrum('custom', { lam, power });
    const p: Params = { ...DEFAULT_PARAMS, M, P: 300, N: 600, tmin: 0.1, tmax: 1e5, nt: 20 };
    const a = computeCurve({ ...p, data: 'custom' });
    const b = computeCurve(p);
    expect(maxRel(a.Eg, b.Eg)).toBeLessThan(1e-4);
  });

  it('the linear kernel: zero modes carry never-learned power', () => {
    registerMnist('linear', 'parity');
    const c = computeCurve({
      ...base,
      kernel: 'linear',
      regime: 'gf',
      P: 1e6,
      N: Infinity,
      sigma2: 0,
    });
    const t = committedSpectra().linear;
    let nullPower = 0;
    t.eigenvalues.forEach((l, k) => (nullPower += l === 0 ? t.powers.parity[k] : 0));
    expect(nullPower).toBeGreaterThan(0.1);
    expect(c.limit.Eg).toBeGreaterThanOrEqual(nullPower * 0.999);
  });

  it('the mode panel uses the measured eigenvalues', () => {
    registerMnist('relu', 'parity');
    const m = computeModes(base);
    expect(m.k[m.k.length - 1]).toBeLessThanOrEqual(3000);
    expect(Array.from(m.boundary).every((b) => Number.isInteger(b) && b >= 0 && b <= 3000)).toBe(
      true,
    );
  });

  it('a spectrum that is not loaded is a ParamError naming data', () => {
    expect(() => computeCurve({ ...base, task: 'zero' })).toThrow(ParamError);
    expect(() => computeCurve({ ...base, task: 'zero' })).toThrow(
      /spectrum mnist\/relu\/zero is not loaded/,
    );
  });

  it('bad modes are rejected with the mode named', () => {
    const lam = Float64Array.of(1, 0.5, 0.7);
    const power = Float64Array.of(1, 1, 1);
    expect(() => checkModes({ lam, power })).toThrow(
      'mode 3: eigenvalues must be sorted non-increasing',
    );
    expect(() =>
      checkModes({ lam: Float64Array.of(1, NaN), power: Float64Array.of(1, 1) }),
    ).toThrow('mode 2: eigenvalue NaN must be finite and ≥ 0');
    expect(() =>
      checkModes({ lam: Float64Array.of(1, 0.5), power: Float64Array.of(1, -1) }),
    ).toThrow('mode 2: target power -1 must be finite and ≥ 0');
  });
});
