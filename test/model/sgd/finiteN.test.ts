// The finite-N spectrum of the SGD engine (docs/theory.md §9.5): the deterministic equivalent of
// Σ_A = AΛAᵀ/N against exact identities and exact sums, against the Laplace engine in the η → 0
// limit, and against the average over sampled A of the exact recursion.
import { describe, expect, it } from 'vitest';
import { computeCurve, DEFAULT_PARAMS } from '../../../src/model/index.ts';
import { flowLimit, logSteps, sgdCurve } from '../../../src/model/sgd/curve.ts';
import { finiteNMeasure } from '../../../src/model/sgd/finiteN.ts';
import { sampledTheory } from '../../../src/model/sgd/simulate.ts';
import { nodesFromModes } from '../../../src/model/sgd/nodes.ts';
import {
  DEFAULT_SGD,
  finiteMeasure,
  sgdDataFrom,
  sgdSystem,
  type SgdParams,
} from '../../../src/model/sgd/system.ts';
import { registerMnist } from '../../helpers/mnistSpectra.ts';

// κ_* (df(κ_*) = N) and E_approx = Σ_k c_k κ_* / (λ_k + κ_*) by exact sums over k = 1..M.
function exactApprox(alpha: number, beta: number, M: number, N: number) {
  const df = (k: number) => {
    let s = 0;
    for (let j = 1; j <= M; j++) s += j ** -alpha / (j ** -alpha + k);
    return s;
  };
  let lo = 1e-12;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const m = Math.sqrt(lo * hi);
    if (df(m) > N) lo = m;
    else hi = m;
  }
  const ks = Math.sqrt(lo * hi);
  let E = 0;
  let Sw = 0;
  let Sl = 0;
  for (let j = 1; j <= M; j++) {
    const l = j ** -alpha;
    E += (j ** -beta * ks) / (l + ks);
    Sw += j ** -beta;
    Sl += l;
  }
  return { kstar: ks, Eapprox: E, Sw, Slam: Sl };
}

describe('the deterministic-equivalent spectrum of Σ_A', () => {
  for (const [alpha, beta, N] of [
    [1.5, 2, 50],
    [1.5, 2, 200],
    [1.2, 1.5, 200],
    [2, 4, 1000],
  ]) {
    it(`α = ${alpha}, β = ${beta}, N = ${N}, M = 4000: count N, trace S_λ, target S_w − E_approx to 1e-5`, () => {
      const M = 4000;
      const m = finiteNMeasure({ kind: 'powerlaw', alpha, beta, M }, N);
      const ex = exactApprox(alpha, beta, M, N);
      expect(Math.abs(m.kappaStar - ex.kstar) / ex.kstar).toBeLessThan(1e-8);
      expect(Math.abs(m.Eapprox - ex.Eapprox) / ex.Eapprox).toBeLessThan(1e-8);
      expect(Math.abs(m.mass.count - N) / N).toBeLessThan(1e-5);
      expect(Math.abs(m.mass.trace - ex.Slam) / ex.Slam).toBeLessThan(1e-5);
      const target = ex.Sw - ex.Eapprox;
      expect(Math.abs(m.mass.target - target) / target).toBeLessThan(1e-5);
      // The compressed nodes carry the same trace and target.
      let tr = 0;
      let tg = 0;
      for (let i = 0; i < m.nodes.lam.length; i++) {
        tr += m.nodes.wl[i];
        tg += m.nodes.wc[i];
      }
      expect(Math.abs(tr - ex.Slam) / ex.Slam).toBeLessThan(1e-5);
      expect(Math.abs(tg - target) / target).toBeLessThan(1e-5);
      expect(m.nodes.lam.length).toBeLessThan(160);
    });
  }

  it('N > M: M positive eigenvalues, nothing out of reach', () => {
    const m = finiteNMeasure({ kind: 'powerlaw', alpha: 1.5, beta: 2, M: 100 }, 1000);
    expect(m.Eapprox).toBe(0);
    expect(Math.abs(m.mass.count - 100)).toBeLessThan(1e-3);
    expect(m.muMin).toBeGreaterThan(0);
  });

  for (const N of [50, 1000]) {
    it(`N = ${N}: gradient flow on these nodes equals the Laplace engine at P = 1e7 to 2e-4`, () => {
      for (const [alpha, beta] of [
        [1.5, 2],
        [1.2, 1.5],
        [2, 4],
      ]) {
        const g = computeCurve({
          ...DEFAULT_PARAMS,
          alpha,
          beta,
          N,
          M: Infinity,
          P: 1e7,
          sigma2: 0,
          sigma02: 0.1,
          regime: 'gf',
          tmin: 0.1,
          tmax: 1e4,
          nt: 20,
        });
        const sys = sgdSystem({ ...DEFAULT_SGD, alpha, beta, N, sigma02: 0.1 }, 1e4);
        const f = flowLimit(sys, g.t);
        // (The Laplace engine's P = 1e7 is itself ~N/P away from P = ∞.)
        for (let i = 0; i < g.t.length; i++)
          expect(Math.abs(f[i] - g.Eg[i]) / g.Eg[i]).toBeLessThan(2e-4);
      }
    });
  }
});

describe('measured spectra (MNIST, 3000 modes)', () => {
  it('N = ∞: the compressed nodes against the exact sum over the modes to 1e-5', () => {
    const reg = registerMnist('relu', 'parity');
    const sys = sgdSystem({ ...DEFAULT_SGD, data: sgdDataFrom('mnist/relu/parity', reg) }, 1e5);
    const exact = { ...sys, nodes: nodesFromModes(reg.modes.lam, reg.modes.power) };
    const t = [0.1, 1, 10, 100, 1e3, 1e4, 1e5];
    const a = flowLimit(sys, t);
    const b = flowLimit(exact, t);
    for (let i = 0; i < t.length; i++) expect(Math.abs(a[i] - b[i]) / b[i]).toBeLessThan(1e-5);
  });

  for (const [kernel, N] of [
    ['relu', 200],
    ['linear', 1000],
  ] as const) {
    it(`${kernel} kernel, N = ${N}: the identities and the Laplace engine at P = 1e7 to 2e-4`, () => {
      const reg = registerMnist(kernel, 'parity');
      const p: SgdParams = { ...DEFAULT_SGD, N, data: sgdDataFrom(`mnist/${kernel}/parity`, reg) };
      const m = finiteMeasure(p);
      // N above the linear kernel's rank: every positive mode is reached.
      const rank = reg.measured.M;
      expect(Math.abs(m.mass.count - Math.min(N, rank)) / Math.min(N, rank)).toBeLessThan(1e-5);
      const Sw = reg.modes.power.reduce((x, y) => x + y, 0);
      expect(Math.abs(m.mass.target - (Sw - m.Eapprox)) / Sw).toBeLessThan(1e-5);
      const g = computeCurve({
        ...DEFAULT_PARAMS,
        data: 'mnist',
        kernel,
        task: 'parity',
        N,
        P: 1e7,
        sigma2: 0,
        regime: 'gf',
        tmin: 0.1,
        tmax: 1e4,
        nt: 12,
      });
      const f = flowLimit(sgdSystem(p, 1e4), g.t);
      for (let i = 0; i < g.t.length; i++)
        expect(Math.abs(f[i] - g.Eg[i]) / g.Eg[i]).toBeLessThan(2e-4);
    });
  }
});

describe('the deterministic equivalent against the average over sampled A', () => {
  // The exact recursion given A (Σ_A's eigenvalues, target powers and E_approx(A)) averaged
  // over 48 draws of A: the leading-order equivalent is off by O(1/N). The bound is the
  // larger of the stated fraction and 4 s.e.m. of the average over A.
  const cases: [number, Partial<SgdParams>, number][] = [
    [50, { batch: 1, eta: 0.3 }, 0.04],
    [50, { batch: 8, eta: 0.8, schedule: 'cosine' }, 0.02],
    [200, { batch: 1, eta: 0.3 }, 0.015],
    [200, { batch: 8, eta: 0.8, schedule: 'cosine' }, 0.015],
  ];
  for (const [N, extra, tol] of cases) {
    it(`N = ${N}, B = ${extra.batch}: within ${tol * 100} % at every step`, () => {
      const M = 400;
      const p: SgdParams = { ...DEFAULT_SGD, ...extra, M, N, horizon: 1e4, sigma2: 0.05 };
      const steps = logSteps(1, 1e4, 13);
      const th = sgdCurve(p, steps);
      const mc = sampledTheory(p, { M, steps, seeds: 48, seed: 5 });
      let worst = 0;
      for (let i = 0; i < steps.length; i++) {
        const dev = Math.abs(mc.EgMean[i] - th.Eg[i]);
        expect(dev).toBeLessThan(Math.max(tol * th.Eg[i], 4 * mc.EgSem[i]));
        worst = Math.max(worst, dev / th.Eg[i]);
      }
      console.log(
        `DE vs MC over A, N = ${N}, B = ${extra.batch}: largest deviation ${(100 * worst).toFixed(2)} %`,
      );
    });
  }
});
