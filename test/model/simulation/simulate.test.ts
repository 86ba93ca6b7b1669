// Tests of the exact finite-size simulator (src/model/simulate.ts and src/model/simulation/).
// 1. Against every file in test/fixtures/reference/ (64-seed simulations from an independent
//    implementation): |mean_ours − mean_ref| ≤ 4·sqrt(sem_ours² + sem_ref²) at every time, for E_g
//    and E_tr (plus an absolute floor of 1e-12·E_tr(0) for training errors that are exactly 0),
//    with 12 or 16 of our seeds per file (refSeeds: 12 for the expensive ones).
// 2. The reductions (Bartlett + Cholesky, geometry.ts / data.ts) against the direct construction
//    (direct.ts): same statistics over many seeds, in every branch (kernel, M ≤ N, M > N, P < n).
// 3. Closed forms: t = 0, interpolation at t = ∞, Bayes = Langevin at t = ∞, linear diffusion.
// 4. The API: determinism, progress, cancellation, validation, aggregation, never NaN.
import { describe, it, expect } from 'vitest';
import {
  aggregateSeeds,
  CancelledError,
  simulate,
  simulateSeed,
} from '../../../src/model/simulation/simulate.ts';
import { simulationModes } from '../../../src/model/simulation/simulationModes.ts';
import { DEFAULT_PARAMS, type Params, type Regime } from '../../../src/model/params.ts';
import { Rng } from '../../../src/model/simulation/random.ts';
import { drawGeometry } from '../../../src/model/simulation/geometry.ts';
import { drawData } from '../../../src/model/simulation/data.ts';
import { analyseModes } from '../../../src/model/simulation/modes.ts';
import { evaluateErrors } from '../../../src/model/simulation/evaluate.ts';
import { simulateSeedDirect } from '../../helpers/direct.ts';
import { loadReferences } from '../../helpers/reference.ts';

function params(over: Partial<Params>): Params {
  return { ...DEFAULT_PARAMS, M: 1000, ...over };
}

/** Largest |z| of ours vs theirs over all times, with the combined s.e.m. and an absolute floor. */
function maxZ(
  mean: ArrayLike<number>,
  sem: ArrayLike<number>,
  refMean: number[],
  refSem: number[],
  floor: number,
): number {
  let z = 0;
  for (let i = 0; i < refMean.length; i++) {
    const d = Math.abs(mean[i] - refMean[i]);
    z = Math.max(z, d / Math.sqrt(sem[i] ** 2 + refSem[i] ** 2 + floor ** 2));
  }
  return z;
}

/**
 * Seeds per reference file. Below 12 the s.e.m. estimate itself is too noisy for a 4-s.e.m.
 * criterion (with 10 seeds S03 once reached |z| = 4.5 at one time; 12, 16, 32 and 64 seeds give
 * max |z| of about 2, 2, 2.8 and 1.9 there), so 12 is the floor; files that are cheap per seed get
 * 16. Cost per seed: ≈ N²M/2 multiply-adds for random features with M > N (the test covariance),
 * P²M/2 for the kernel limit (P < M), roughly doubled with Langevin noise or a random start
 * (a second Gram or explicit eigenvectors): the 12-seed
 * files are those above 3·10⁸ (0.25–0.9 s per seed), which is what keeps this file near 45 s.
 */
function refSeeds(rp: Params): number {
  const N = rp.N;
  const n = Math.min(N, rp.M);
  const side = Number.isFinite(N) && rp.M > N ? n : Math.min(rp.P, n);
  const cost = ((side * side * rp.M) / 2) * (rp.T > 0 || rp.sigma02 > 0 ? 2 : 1);
  return cost > 3e8 ? 12 : 16;
}

const refFiles = loadReferences();

describe('simulator vs the reference simulations (test/fixtures/reference, 64 seeds)', () => {
  it('finds the reference files', () => {
    expect(refFiles.length).toBeGreaterThanOrEqual(10);
  });
  for (const ref of refFiles) {
    const file = ref.name;
    it(`${file}: E_g and E_tr within 4 combined s.e.m. at every time`, () => {
      const rp = ref.params;
      const p = rp;
      const t = Float64Array.from(ref.t);
      // SIM_REF_SEEDS overrides the per-file count (e.g. 32 for a slower, sharper check).
      const seeds = Number(process.env.SIM_REF_SEEDS ?? refSeeds(rp));
      const r = simulate(p, { t, seeds, seed: 20260 });
      const floor = 1e-12 * ref.sim.Etr_mean[0];
      const zg = maxZ(r.EgMean, r.EgSem, ref.sim.Eg_mean, ref.sim.Eg_sem, floor);
      const ztr = maxZ(r.EtrMean, r.EtrSem, ref.sim.Etr_mean, ref.sim.Etr_sem, floor);
      console.log(
        `${file}: max |z| E_g ${zg.toFixed(2)}, E_tr ${ztr.toFixed(2)} (${seeds} seeds, ${(r.ms / seeds).toFixed(0)} ms/seed)`,
      );
      expect(zg).toBeLessThanOrEqual(4);
      expect(ztr).toBeLessThanOrEqual(4);
    }, 240_000); // CPU-bound over 12–16 seeds: minutes on a loaded machine, not an assertion of speed
  }
});

describe('reduced simulator vs the direct construction (same law)', () => {
  const t = Float64Array.from([0, 0.3, 3, 30, 300, 1e4, Infinity]);
  const cases: [string, Partial<Params>][] = [
    ['kernel, P < M, GF + noise', { N: Infinity, P: 12, M: 20, sigma2: 0.1 }],
    [
      'kernel, P > M, Langevin + init',
      { N: Infinity, P: 25, M: 14, gamma: 0.01, T: 1e-3, sigma02: 0.3 },
    ],
    ['RF M > N, P > N, weight decay + noise', { N: 10, P: 16, M: 24, sigma2: 0.05, gamma: 0.02 }],
    ['RF M > N, P < N, Langevin', { N: 18, P: 9, M: 26, gamma: 0.005, T: 2e-3, sigma02: 0.2 }],
    ['RF M < N, P > M, GF + init', { N: 20, P: 22, M: 12, sigma02: 0.5 }],
    ['RF M < N, P < M, Langevin γ = 0', { N: 24, P: 8, M: 15, T: 1e-3, sigma2: 0.02 }],
  ];
  for (const [name, over] of cases) {
    it(name, () => {
      const p = params({
        alpha: 1.4,
        beta: 1.8,
        sigma2: 0,
        gamma: 0,
        T: 0,
        sigma02: 0,
        regime: 'langevin',
        ...over,
      });
      const S = 400;
      const reduced = [];
      const direct = [];
      const rng = new Rng(99, 1);
      for (let s = 0; s < S; s++) {
        reduced.push(simulateSeed(p, t, 5, s));
        direct.push(simulateSeedDirect(p, t, rng));
      }
      const a = aggregateSeeds(reduced, t, 0);
      const b = aggregateSeeds(direct, t, 0);
      for (let i = 0; i < t.length; i++) {
        if (!Number.isFinite(b.EgMean[i])) {
          expect(a.EgMean[i]).toBe(b.EgMean[i]);
          continue;
        }
        const zg = Math.abs(a.EgMean[i] - b.EgMean[i]) / Math.hypot(a.EgSem[i], b.EgSem[i], 1e-13);
        const ztr =
          Math.abs(a.EtrMean[i] - b.EtrMean[i]) / Math.hypot(a.EtrSem[i], b.EtrSem[i], 1e-13);
        expect(zg, `E_g at t = ${t[i]}`).toBeLessThan(4);
        expect(ztr, `E_tr at t = ${t[i]}`).toBeLessThan(4);
      }
    });
  }
});

/** One draw through the internal pipeline, to compare with per-seed closed forms. */
function drawOne(p: Params, seed: number) {
  const rng = new Rng(seed, 0);
  const geom = drawGeometry(p.alpha, p.beta, p.N, simulationModes(p), rng);
  const data = drawData(geom, p.P, p.sigma2, rng);
  const modes = analyseModes(geom, data, { needCovariance: true });
  return { geom, data, modes };
}

describe('closed forms', () => {
  it('t = 0: E_g = S_w + σ0² Tr Σ_test and E_tr = |y|²/P + σ0² Tr K̂, per seed', () => {
    for (const over of [
      { N: 60, P: 90, M: 150 },
      { N: 60, P: 30, M: 150 },
      { N: Infinity, P: 40, M: 80 },
      { N: 200, P: 50, M: 70 },
    ]) {
      const p = params({
        alpha: 1.5,
        beta: 2,
        sigma2: 0.1,
        sigma02: 0.7,
        T: 1e-3,
        gamma: 0.01,
        ...over,
      });
      const { geom, data, modes } = drawOne(p, 3);
      const r = evaluateErrors(modes, Float64Array.from([0]), {
        gamma: p.gamma,
        T: p.T,
        sigma02: p.sigma02,
      });
      let Sw = 0;
      for (let k = 1; k <= p.M; k++) Sw += k ** -p.beta;
      expect(r.Eg[0]).toBeCloseTo(Sw + p.sigma02 * geom.traceSigma, 10);
      let y2: number;
      let trK = 0;
      for (let i = 0; i < modes.m; i++) trK += modes.mu[i];
      if (data.path === 'weight') y2 = data.yTop2 + data.yBot2;
      else y2 = data.y.reduce((s, v) => s + v * v, 0);
      expect(r.Etr[0]).toBeCloseTo(y2 / p.P + p.sigma02 * trK, 10);
    }
  });

  it('noiseless kernel regression with P > M interpolates the target: E_g(∞) = E_tr(∞) = 0', () => {
    const p = params({
      N: Infinity,
      P: 300,
      M: 120,
      alpha: 1.3,
      beta: 1.6,
      sigma2: 0,
      regime: 'gf',
    });
    const r = simulateSeed(p, Float64Array.from([1, 1e3, Infinity]), 1, 0);
    expect(r.Eg[0]).toBeGreaterThan(1e-3);
    expect(r.Eg[2]).toBeLessThan(1e-12);
    expect(r.Etr[2]).toBeLessThan(1e-12);
  });

  it('ridgeless regression with P < n fits the training set exactly: E_tr(∞) = 0 even with noise', () => {
    for (const N of [Infinity, 400]) {
      const p = params({ N, P: 100, M: 500, sigma2: 0.2, regime: 'gf' });
      const r = simulateSeed(p, Float64Array.from([1e8, Infinity]), 2, 0);
      expect(r.Etr[1]).toBeLessThan(1e-12);
      expect(Number.isFinite(r.Eg[1])).toBe(true);
    }
  });

  it('the Bayes regime is the t → ∞ limit of Langevin (Gibbs error), flat in t', () => {
    const base = { N: 150, P: 100, M: 300, sigma2: 0.05, gamma: 0.01, T: 1e-3 };
    const t = Float64Array.from([0.1, 10, 1e4]);
    const bayes = simulateSeed(params({ ...base, regime: 'bayes' }), t, 4, 2);
    const lang = simulateSeed(
      params({ ...base, regime: 'langevin', sigma02: 0 }),
      Float64Array.from([Infinity, 1e9]),
      4,
      2,
    );
    for (let i = 0; i < t.length; i++) {
      expect(bayes.Eg[i]).toBe(lang.Eg[0]);
      expect(bayes.Etr[i]).toBe(lang.Etr[0]);
    }
    expect(lang.Eg[1]).toBeCloseTo(lang.Eg[0], 8);
  });

  it('Langevin at γ = 0 diffuses linearly in the null space (N > P): E_g(∞) = +∞, never NaN', () => {
    const p = params({ N: 300, P: 100, M: 600, T: 1e-4, gamma: 0, regime: 'langevin' });
    const r = simulateSeed(p, Float64Array.from([1e6, 2e6, 4e6, Infinity]), 6, 0);
    const { modes } = drawOne(p, 6);
    // Slope 2T·(null-space test variance) once every non-null mode has equilibrated.
    const slope = (r.Eg[2] - r.Eg[1]) / 2e6;
    expect(slope).toBeCloseTo(2 * p.T * modes.nullTrace, 8);
    expect(r.Eg[3]).toBe(Infinity);
    expect(Number.isNaN(r.Etr[3])).toBe(false);
  });

  it('gradient flow decreases the training error monotonically', () => {
    const p = params({ N: 80, P: 60, M: 200, sigma2: 0.1, regime: 'gf' });
    const t = Float64Array.from({ length: 30 }, (_, i) => 10 ** (-2 + i / 4));
    const r = simulateSeed(p, t, 8, 0);
    for (let i = 1; i < t.length; i++)
      expect(r.Etr[i]).toBeLessThanOrEqual(r.Etr[i - 1] * (1 + 1e-12));
  });
});

describe('API', () => {
  const small = params({ N: 40, P: 30, M: 80, sigma2: 0.1, regime: 'gf' });
  const t = Float64Array.from([0.1, 10, 1000]);

  it('is deterministic in (seed, seedIndex) and independent across seed indices', () => {
    const a = simulateSeed(small, t, 17, 3);
    const b = simulateSeed(small, t, 17, 3);
    const c = simulateSeed(small, t, 17, 4);
    const d = simulateSeed(small, t, 18, 3);
    expect(Array.from(a.Eg)).toEqual(Array.from(b.Eg));
    expect(Array.from(a.Etr)).toEqual(Array.from(b.Etr));
    expect(a.Eg[2]).not.toBe(c.Eg[2]);
    expect(a.Eg[2]).not.toBe(d.Eg[2]);
  });

  it('calls onProgress once per seed and aggregates mean and s.e.m.', () => {
    const calls: [number, number][] = [];
    const r = simulate(small, { t, seeds: 5, seed: 2, onProgress: (d, n) => calls.push([d, n]) });
    expect(calls).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    const runs = [0, 1, 2, 3, 4].map((i) => simulateSeed(small, t, 2, i));
    for (let i = 0; i < t.length; i++) {
      const xs = runs.map((x) => x.Eg[i]);
      const m = xs.reduce((s, v) => s + v, 0) / 5;
      const sd = Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / 4);
      expect(r.EgMean[i]).toBeCloseTo(m, 12);
      expect(r.EgSem[i]).toBeCloseTo(sd / Math.sqrt(5), 12);
    }
    expect(r.seeds).toBe(5);
    const one = aggregateSeeds([runs[0]], t, 1);
    expect(Array.from(one.EgSem)).toEqual([0, 0, 0]);
  });

  it('throws CancelledError between seeds when asked', () => {
    let done = 0;
    const run = () =>
      simulate(small, {
        t,
        seeds: 10,
        seed: 1,
        onProgress: (d) => (done = d),
        shouldCancel: () => done >= 2,
      });
    expect(run).toThrow(CancelledError);
    expect(done).toBe(2);
    try {
      run();
    } catch (e) {
      expect((e as Error).name).toBe('CancelledError');
    }
  });

  it('rejects invalid input with an error naming the parameter', () => {
    const bad: [Partial<Params>, string][] = [
      [{ P: 0 }, 'P'],
      [{ P: 2.5 }, 'P'],
      [{ N: 0 }, 'N'],
      [{ N: NaN }, 'N'],
      [{ M: 0 }, 'M'],
      [{ M: -Infinity }, 'M'],
      [{ alpha: NaN }, 'alpha'],
      [{ beta: Infinity }, 'beta'],
      [{ sigma2: -1 }, 'sigma2'],
      [{ gamma: NaN, regime: 'wd' }, 'gamma'],
      [{ T: -1, regime: 'langevin' }, 'T'],
      [{ sigma02: Infinity }, 'sigma02'],
    ];
    for (const [over, name] of bad)
      expect(() => simulateSeed({ ...small, ...over }, t, 1, 0), name).toThrow(
        new RegExp(`\\b${name}\\b`),
      );
    expect(() => simulateSeed(small, Float64Array.from([NaN]), 1, 0)).toThrow(/time/);
    expect(() => simulate(small, { t, seeds: 0, seed: 1 })).toThrow(/seeds/);
  });

  it('chooses the number of modes', () => {
    expect(simulationModes(params({ M: 777 }))).toBe(777);
    expect(simulationModes(params({ M: Infinity, P: 100, N: 300 }))).toBe(2048);
    expect(simulationModes(params({ M: Infinity, P: 1000, N: Infinity }))).toBe(4000);
    expect(simulationModes(params({ M: Infinity, P: 5000, N: 100 }))).toBe(8192);
  });

  it('is finite on edge sizes and every regime (never NaN)', () => {
    const tt = Float64Array.from([0, 1e-3, 1, 1e8]);
    const sizes: Partial<Params>[] = [
      { P: 1, N: 1, M: 2 },
      { P: 1, N: Infinity, M: 3 },
      { P: 5, N: 2, M: 2 },
      { P: 3, N: 9, M: 2 },
      { P: 7, N: 7, M: 7 },
      { P: 2000, N: 3, M: 50 },
    ];
    for (const s of sizes)
      for (const regime of ['gf', 'wd', 'langevin', 'bayes'] as Regime[]) {
        const r = simulateSeed(
          params({ ...s, regime, sigma2: 0.1, gamma: 0.01, T: 1e-3, sigma02: 0.2 }),
          tt,
          1,
          0,
        );
        for (let i = 0; i < tt.length; i++) {
          expect(Number.isFinite(r.Eg[i]), `${JSON.stringify(s)} ${regime}`).toBe(true);
          expect(Number.isFinite(r.Etr[i])).toBe(true);
          expect(r.Eg[i]).toBeGreaterThanOrEqual(0);
          expect(r.Etr[i]).toBeGreaterThanOrEqual(0);
        }
      }
  });
});
