// Real learning on the MNIST pool against the theory on the measured spectrum, and the real-run
// formulas against a direct ridge solve.
import { describe, expect, it } from 'vitest';
import { computeCurve, DEFAULT_PARAMS, timeGrid, type Params } from '../../../src/model/index.ts';
import { drawDistinct } from '../../../src/model/data/pool.ts';
import { prepareReal, realDraw, runReal, RealCancelled } from '../../../src/model/real/realRun.ts';
import { Rng } from '../../../src/model/simulation/random.ts';
import { reluKernel } from '../../../src/model/data/kernels.ts';
import { committedPool } from '../../helpers/digitAssets.ts';
import { registerMnist } from '../../helpers/mnistSpectra.ts';

const pool = committedPool();
const setup = prepareReal(pool, { data: 'mnist', kernel: 'relu', task: 'parity' });
registerMnist('relu', 'parity');

const base: Params = {
  ...DEFAULT_PARAMS,
  data: 'mnist',
  kernel: 'relu',
  task: 'parity',
  regime: 'gf',
  N: Infinity,
  sigma2: 0,
  gamma: 1e-3,
  T: 1e-4,
  sigma02: 0,
  seed: 1,
};
const t = timeGrid(1, 1e5, 11);

/** Largest deviation in units of the tolerance max(3 % of theory, 4 s.e.m.), and the worst %. */
function compare(p: Params, label?: string) {
  const real = runReal(setup, p, t);
  const theory = computeCurve(p, { t, light: true }).Eg;
  let ratio = 0;
  let pct = 0;
  for (let i = 0; i < t.length; i++) {
    const dev = Math.abs(real.EgMean[i] - theory[i]);
    ratio = Math.max(ratio, dev / Math.max(0.03 * theory[i], 4 * real.EgSem[i]));
    pct = Math.max(pct, (100 * dev) / theory[i]);
  }
  // The deviation is stated in docs/theory.md §7; the log shows it on every run.
  if (label)
    console.log(
      `${label}: largest deviation ${pct.toFixed(1)} % (${ratio.toFixed(2)} of the tolerance)`,
    );
  return { ratio, pct };
}

describe('theory on the measured spectrum predicts real learning (ReLU NNGP, even vs odd)', () => {
  it('gradient flow, P = 100: within 3 % or 4 s.e.m. for t = 1…1e5', () => {
    const r = compare({ ...base, P: 100, seeds: 12 }, 'P = 100');
    expect(r.ratio).toBeLessThan(1);
  });
  it('gradient flow, P = 400: within 3 % or 4 s.e.m. for t = 1…1e5', () => {
    const r = compare({ ...base, P: 400, seeds: 6 }, 'P = 400');
    expect(r.ratio).toBeLessThan(1);
  });
  it('random ReLU features N = 200 (P = 400, through the interpolation peak): finite-N theory', () => {
    expect(compare({ ...base, P: 400, N: 200, seeds: 4 }, 'N = 200').ratio).toBeLessThan(1);
  });
  it('random ReLU features N = 1000 (P = 400): finite-N theory', () => {
    expect(compare({ ...base, P: 400, N: 1000, seeds: 3 }, 'N = 1000').ratio).toBeLessThan(1);
  });
  it('gradient flow, P = 1000 (a third of the pool): the deviation is stated, below 8 %', () => {
    // Finite-pool effects: the training digits are a third of the pool the error is measured on,
    // which the theory (fresh test points) does not see; docs/theory.md §7 quotes the number.
    const r = compare({ ...base, P: 1000, seeds: 3 }, 'P = 1000');
    expect(r.pct).toBeLessThan(8);
  }, 240_000);
  it('Langevin (T = 1e-4, γ = 1e-3, noise averaged exactly), P = 200', () => {
    expect(compare({ ...base, regime: 'langevin', P: 200, seeds: 6 }).ratio).toBeLessThan(1);
  });
});

describe('real-run formulas', () => {
  it('t → ∞ with weight decay is the ridge predictor K(x, X)(K + Pγ)⁻¹y (direct solve)', () => {
    const P = 25;
    const gamma = 0.01;
    const p = { ...base, regime: 'wd' as const, P, gamma, seeds: 1, seed: 7 };
    const got = realDraw(setup, p, Float64Array.of(Infinity), 0).Eg[0];
    // Recover the draw's indices: the same stream, the same partial Fisher–Yates.
    const idx = drawDistinct(setup.n, P, new Rng(p.seed, 0));
    const k = (i: number, j: number) => {
      let g = 0;
      const d = setup.dim;
      for (let q = 0; q < d; q++) g += setup.X[i * d + q] * setup.X[j * d + q];
      return reluKernel(g, setup.norms[i], setup.norms[j]);
    };
    // Solve (K + Pγ) a = y by Gaussian elimination.
    const A = Array.from({ length: P }, (_, a) =>
      Array.from({ length: P + 1 }, (_, b) =>
        b === P ? setup.y[idx[a]] : k(idx[a], idx[b]) + (a === b ? P * gamma : 0),
      ),
    );
    for (let c = 0; c < P; c++)
      for (let r = c + 1; r < P; r++) {
        const f = A[r][c] / A[c][c];
        for (let q = c; q <= P; q++) A[r][q] -= f * A[c][q];
      }
    const a = new Array<number>(P).fill(0);
    for (let r = P - 1; r >= 0; r--) {
      let s = A[r][P];
      for (let q = r + 1; q < P; q++) s -= A[r][q] * a[q];
      a[r] = s / A[r][r];
    }
    let e = 0;
    for (let x = 0; x < setup.n; x++) {
      let f = 0;
      for (let b = 0; b < P; b++) f += k(x, idx[b]) * a[b];
      e += (f - setup.y[x]) ** 2;
    }
    expect(Math.abs(got - e / setup.n) / (e / setup.n)).toBeLessThan(1e-9);
  });

  it('cancels between draws', () => {
    let calls = 0;
    expect(() =>
      runReal(setup, { ...base, P: 10, seeds: 5 }, t, { shouldCancel: () => ++calls > 2 }),
    ).toThrow(RealCancelled);
  });

  it('rejects sizes it cannot run, naming the parameter', () => {
    expect(() => realDraw(setup, { ...base, P: 5000 }, t, 0)).toThrow(
      /real runs need an integer P/,
    );
    expect(() => realDraw(setup, { ...base, P: 100, N: 1e6 }, t, 0)).toThrow(
      /N = inf or an integer/,
    );
  });
});
