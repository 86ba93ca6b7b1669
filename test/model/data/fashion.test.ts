// The Fashion-MNIST pool and its measured spectra (committed under public/data/, rebuilt by
// test/model/data/regenerate.test.ts): the pool as its record describes it, the spectra's sums
// (docs/theory.md §0), and the fitted exponents in plausible ranges.
import { describe, expect, it } from 'vitest';
import { normalisedInputs } from '../../../src/model/data/pool.ts';
import { committedPool, committedSpectra } from '../../helpers/digitAssets.ts';
import { registerMeasured } from '../../helpers/mnistSpectra.ts';

const pool = committedPool('fashion');
const spectra = committedSpectra('fashion');
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('Fashion-MNIST pool', () => {
  it('300 images of each of the 10 classes, 784 pixels each, not all blank', () => {
    expect([pool.n, pool.dim]).toEqual([3000, 784]);
    for (let c = 0; c < 10; c++) expect(pool.labels.filter((l) => l === c).length).toBe(300);
    let lit = 0;
    for (let i = 0; i < pool.n; i++) if (pool.pixels[i * 784 + 14 * 28 + 14] > 0) lit++;
    expect(lit).toBeGreaterThan(1500);
  });

  it('inputs centred on the pool mean with unit root-mean-square norm', () => {
    const X = normalisedInputs(pool);
    let ss = 0;
    const mean = new Float64Array(784);
    for (let i = 0; i < pool.n; i++)
      for (let j = 0; j < 784; j++) {
        const v = X[i * 784 + j];
        ss += v * v;
        mean[j] += v / pool.n;
      }
    expect(ss / pool.n).toBeCloseTo(1, 10);
    expect(Math.max(...mean.map(Math.abs))).toBeLessThan(1e-12);
  });
});

describe('Fashion-MNIST measured spectra', () => {
  it('eigenvalues sum to Tr K/n (linear: 1, ReLU NNGP: 1/2), powers to |y|²/n = 1', () => {
    expect(sum(spectra.linear.eigenvalues)).toBeCloseTo(1, 8);
    expect(sum(spectra.relu.eigenvalues)).toBeCloseTo(0.5, 8);
    for (const k of ['linear', 'relu'] as const)
      for (const t of ['footwear', 'tops'] as const)
        expect(sum(spectra[k].powers[t])).toBeCloseTo(1, 8);
  });

  it('the linear kernel has rank 784 (every pixel varies), the ReLU kernel full rank 3000', () => {
    const positive = (a: Float64Array) => a.filter((v) => v > 0).length;
    expect(positive(spectra.linear.eigenvalues)).toBe(784);
    expect(positive(spectra.relu.eigenvalues)).toBe(3000);
  });

  it('the fitted α, β lie in plausible ranges (k = 10…300), as docs/theory.md §0 states them', () => {
    const fit = (k: 'linear' | 'relu', t: 'footwear' | 'tops') =>
      registerMeasured('fashion', k, t).fit;
    // ReLU NNGP: α ≈ 1.18; β ≈ 1.39 (footwear), 1.26 (tops). Linear: α ≈ 1.29, β ≈ 1.06, 1.10.
    const want = {
      relu: { alpha: 1.178, footwear: 1.393, tops: 1.255 },
      linear: { alpha: 1.293, footwear: 1.061, tops: 1.103 },
    };
    for (const k of ['linear', 'relu'] as const)
      for (const t of ['footwear', 'tops'] as const) {
        const f = fit(k, t);
        expect(f.alpha, `${k}/${t} α`).toBeGreaterThan(1.05);
        expect(f.alpha, `${k}/${t} α`).toBeLessThan(2);
        expect(f.beta, `${k}/${t} β`).toBeGreaterThan(1);
        expect(f.beta, `${k}/${t} β`).toBeLessThan(2);
        expect(Math.abs(f.alpha - want[k].alpha), `${k}/${t} α`).toBeLessThan(2e-3);
        expect(Math.abs(f.beta - want[k][t]), `${k}/${t} β`).toBeLessThan(2e-3);
      }
    // The same images, one kernel: α does not depend on the task.
    expect(fit('relu', 'tops').alpha).toBe(fit('relu', 'footwear').alpha);
  });
});
