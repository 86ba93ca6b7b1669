// Real one-pass SGD on digits (src/model/sgd/simulatePool.ts) against the Gaussian theory on the
// pool's measured spectrum (docs/theory.md §9.6). A sub-pool of 300 digits (30 of each) keeps
// its kernel matrix and eigendecomposition cheap; its spectrum is computed here exactly as the
// committed spectra are (eigendecomposition of K/n, c_k = (u_k·y)²/n).
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/model/linalg/symmetricEigen.ts';
import { prepareReal } from '../../../src/model/real/realRun.ts';
import { logSteps, sgdCurve } from '../../../src/model/sgd/curve.ts';
import { poolKernel, simulatePool } from '../../../src/model/sgd/simulatePool.ts';
import { DEFAULT_SGD, sgdDataFrom, type SgdParams } from '../../../src/model/sgd/system.ts';
import { registerSpectrum } from '../../../src/model/theory/dataSpectra.ts';
import { subPool } from '../../helpers/digitAssets.ts';

describe('real SGD on a digit pool against the measured-spectrum theory', () => {
  const setup = prepareReal(subPool(30), { data: 'mnist', kernel: 'relu', task: 'parity' });
  const n = setup.n;
  const eig = symmetricEigen(poolKernel(setup).slice(), n, { vectors: true });
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => eig.values[b] - eig.values[a],
  );
  const lam = Float64Array.from(order, (i) => Math.max(0, eig.values[i]));
  const power = Float64Array.from(order, (i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += (eig.vectorsT as Float64Array)[i * n + j] * setup.y[j];
    return (s * s) / n;
  });
  for (let k = 0; k < n; k++) if (lam[k] < 1e-10 * lam[0]) lam[k] = 0;
  const data = sgdDataFrom('test/subpool', registerSpectrum('custom', { lam, power }, true));

  for (const [batch, eta] of [
    [1, 0.5],
    [8, 2],
  ]) {
    it(`kernel limit, B = ${batch}, η = ${eta}: within 3 % or 4 s.e.m. at every step`, () => {
      const p: SgdParams = { ...DEFAULT_SGD, data, N: Infinity, batch, eta, sigma2: 0.05 };
      const steps = logSteps(1, 1000, 10);
      const th = sgdCurve(p, steps);
      expect(eta).toBeLessThan(0.25 * th.edge.etaMax);
      const sim = simulatePool(setup, p, { steps, seeds: 48, seed: 2 });
      let worst = 0;
      for (let i = 0; i < steps.length; i++) {
        const dev = Math.abs(sim.EgMean[i] - th.Eg[i]);
        expect(dev).toBeLessThan(Math.max(0.03 * th.Eg[i], 4 * sim.EgSem[i]));
        worst = Math.max(worst, dev / th.Eg[i]);
      }
      console.log(
        `SGD on 300 digits, B = ${batch}, η = ${eta}: largest deviation ${(100 * worst).toFixed(1)} %`,
      );
    });
  }
});
