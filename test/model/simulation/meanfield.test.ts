// The exact simulator's view inside the mean field: the parts of E_g per draw and the per-mode
// means, against the theory (docs/theory.md §2–§3). Sizes are small (P = 100, N ≤ 200, M ≤ 400,
// 8 seeds: about 2 s in all) so the theory's finite-size corrections (a few %) stay inside
// 4 combined s.e.m.; the theory is evaluated at the simulation's M.
import { describe, expect, it } from 'vitest';
import { simulate, simulateSeed } from '../../../src/model/simulation/simulate.ts';
import { simulationModes } from '../../../src/model/simulation/simulationModes.ts';
import { computeCurve } from '../../../src/model/theory/curve.ts';
import { computeModeDetail } from '../../../src/model/theory/modes.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';

const t = Float64Array.from([1, 10, 100, 1e3, 1e4]);
const PARTS = ['signal', 'noise', 'temperature', 'init'] as const;
const MODES = [1, 3, 10, 30, 100];

function params(over: Partial<Params>): Params {
  return { ...DEFAULT_PARAMS, alpha: 1.5, beta: 1.5, P: 100, M: 400, ...over };
}

const configs: [string, Params][] = [
  ['kernel limit with noise', params({ regime: 'gf', N: Infinity, sigma2: 0.5 })],
  ['N = P with noise (interpolation)', params({ regime: 'gf', N: 100, sigma2: 0.2 })],
  ['weight decay, N > P', params({ regime: 'wd', N: 200, sigma2: 0.2, gamma: 1e-3 })],
  [
    'Langevin with random init',
    params({ regime: 'langevin', N: 150, M: 300, sigma2: 0.2, gamma: 1e-2, T: 1e-3, sigma02: 0.2 }),
  ],
];

describe('the parts of E_g: simulator against theory (4 combined s.e.m.)', () => {
  for (const [name, p] of configs) {
    it(name, () => {
      const sim = simulate(p, { t, seeds: 8, seed: 3, parts: true });
      const th = computeCurve({ ...p, M: simulationModes(p) }, { t, parts: true });
      const parts = sim.parts!;
      for (let i = 0; i < t.length; i++) {
        let sum = 0;
        for (const key of PARTS) {
          const m = parts.mean[key][i];
          sum += m;
          // The theory's own accuracy (Talbot, ~1e-8 of E_g(0)) bounds how well a part that has
          // decayed to nothing can be compared.
          const floor = 1e-6 * Math.abs(th.parts![key][i]) + 1e-8 * th.Eg[0];
          const z = Math.abs(m - th.parts![key][i]) / Math.hypot(parts.sem[key][i], floor);
          expect(
            z,
            `${key} at t = ${t[i]}: sim ${m} ± ${parts.sem[key][i]}, theory ${th.parts![key][i]}`,
          ).toBeLessThan(4);
        }
        expect(Math.abs(sum - sim.EgMean[i])).toBeLessThanOrEqual(1e-12 * sim.EgMean[i]);
      }
    });
  }

  it('per draw: the noise part is exactly linear in σ², the other parts do not depend on it', () => {
    const p = params({ regime: 'langevin', N: 150, gamma: 1e-2, T: 1e-3, sigma02: 0.2 });
    const a = simulateSeed({ ...p, sigma2: 0.1 }, t, 5, 0, { parts: true }).parts!;
    const b = simulateSeed({ ...p, sigma2: 0.3 }, t, 5, 0, { parts: true }).parts!;
    for (let i = 0; i < t.length; i++) {
      expect(b.noise[i]).toBeCloseTo(3 * a.noise[i], 12);
      expect(b.signal[i]).toBe(a.signal[i]);
      expect(b.temperature[i]).toBe(a.temperature[i]);
      expect(b.init[i]).toBe(a.init[i]);
    }
  });

  it('the exact label-noise average and the sampled noise estimate the same E_g', () => {
    const p = configs[1][1];
    const exact = simulate(p, { t, seeds: 8, seed: 11, parts: true });
    const sampled = simulate(p, { t, seeds: 8, seed: 11 });
    for (let i = 0; i < t.length; i++) {
      const z =
        Math.abs(exact.EgMean[i] - sampled.EgMean[i]) /
        Math.hypot(exact.EgSem[i], sampled.EgSem[i]);
      expect(z).toBeLessThan(4);
    }
  });
});

describe('per-mode means: simulator against ℓ_k(t) (4 s.e.m.)', () => {
  const cases: [string, Params][] = [
    ['kernel limit', configs[0][1]],
    ['N = P', configs[1][1]],
    ['M > N (read-out through L⁻¹g_k)', params({ regime: 'gf', N: 60, M: 300, sigma2: 0.2 })],
  ];
  for (const [name, p] of cases) {
    it(`${name}: modes ${MODES.join(', ')} at t = ${Array.from(t).join(', ')}`, () => {
      const sim = simulate(p, { t, seeds: 8, seed: 3, modes: MODES });
      const modes = sim.modes!;
      expect(Array.from(modes.k)).toEqual(MODES);
      const q = { ...p, M: simulationModes(p), tmin: t[0], tmax: t[t.length - 1], nt: t.length };
      MODES.forEach((k, ik) => {
        const theory = computeModeDetail(q, k).ell;
        for (let i = 0; i < t.length; i++) {
          const m = modes.mean[ik * t.length + i];
          const sem = modes.sem[ik * t.length + i];
          expect(
            Math.abs(m - theory[i]) / sem,
            `k = ${k}, t = ${t[i]}: ${m} ± ${sem} vs ${theory[i]}`,
          ).toBeLessThan(4);
        }
      });
    });
  }

  for (const [name, over] of [
    ['N = ∞', { N: Infinity }],
    ['M ≤ N', { N: 80 }],
    ['M > N', { N: 30 }],
  ] as const) {
    it(`${name}: reading out every mode rebuilds the signal part, Σ_k b_k²(1 − ℓ_k)² (one draw)`, () => {
      const p = params({ regime: 'gf', M: 60, sigma2: 0.3, ...over });
      const all = Array.from({ length: 60 }, (_, i) => i + 1);
      const r = simulateSeed(p, t, 2, 0, { parts: true, modes: all });
      for (let i = 0; i < t.length; i++) {
        let s = 0;
        for (let k = 1; k <= 60; k++)
          s += k ** -p.beta * (1 - r.modeFrac![(k - 1) * t.length + i]) ** 2;
        expect(s / r.parts!.signal[i] - 1).toBeLessThan(1e-9);
        expect(s / r.parts!.signal[i] - 1).toBeGreaterThan(-1e-9);
      }
    });
  }

  it('rejects a mode outside [1, M] with a clear message', () => {
    expect(() => simulateSeed(params({ M: 50 }), t, 1, 0, { modes: [51] })).toThrow(/\[1, 50\]/);
  });
});
