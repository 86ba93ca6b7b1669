// Real one-pass SGD (src/model/sgd/simulate.ts) against the theory (docs/theory.md §9.6): the
// mean over seeds (and over draws of A at finite N) within 4 s.e.m. of the theory curve at every
// sampled step, for each schedule, N = ∞ and N = 200, B = 1 and 8.
import { describe, expect, it } from 'vitest';
import { logSteps, sgdCurve } from '../../../src/model/sgd/curve.ts';
import { sampleSpectrum, simulateSgd } from '../../../src/model/sgd/simulate.ts';
import { DEFAULT_SGD, type SgdParams } from '../../../src/model/sgd/system.ts';
import { Rng } from '../../../src/model/simulation/random.ts';

const S = 400;
const SEEDS = 96;

describe('real SGD against the theory', () => {
  for (const [N, M] of [
    [Infinity, 128],
    [200, 400],
  ]) {
    for (const schedule of ['constant', 'cosine', 'wsd'] as const) {
      it(`N = ${N} (M = ${M}), ${schedule}, B = 1 and 8: within 4 s.e.m. at every step`, () => {
        let compared = 0;
        let worst = 0;
        for (const batch of [1, 8]) {
          const p: SgdParams = {
            ...DEFAULT_SGD,
            M,
            N,
            batch,
            eta: batch === 1 ? 0.3 : 0.8,
            schedule,
            horizon: S,
            warmup: schedule === 'cosine' ? 20 : 0,
            sigma2: 0.05,
            sigma02: 0.05,
          };
          const steps = logSteps(1, S, 12);
          const th = sgdCurve(p, steps);
          const sim = simulateSgd(p, { M, steps, seeds: SEEDS, seed: 3 });
          for (let i = 0; i < steps.length; i++) {
            expect(sim.EgSem[i]).toBeGreaterThan(0);
            expect(Math.abs(sim.EgMean[i] - th.Eg[i])).toBeLessThan(4 * sim.EgSem[i]);
            worst = Math.max(worst, Math.abs(sim.EgMean[i] - th.Eg[i]) / sim.EgSem[i]);
            compared++;
          }
        }
        expect(compared).toBeGreaterThanOrEqual(20);
        console.log(
          `real SGD, N = ${N}, ${schedule}: largest |mean − theory| = ${worst.toFixed(2)} s.e.m.`,
        );
      });
    }
  }

  it('a drawn Σ_A keeps the trace of Λ in mean and the target split into reach + E_approx', () => {
    const M = 300;
    const N = 60;
    let trace = 0;
    let total = 0;
    const draws = 40;
    for (let i = 0; i < draws; i++) {
      const sp = sampleSpectrum(1.5, 2, N, M, new Rng(9, i));
      expect(sp.mu.length).toBe(N);
      for (let j = 0; j < N; j++) trace += sp.mu[j] / draws;
      let c = sp.residual;
      for (let j = 0; j < N; j++) c += sp.coef[j] ** 2;
      total = Math.max(total, Math.abs(c - sumPow(2, M)) / sumPow(2, M));
    }
    // E Tr Σ_A = Tr Λ; the target power splits exactly into its reachable part and the rest.
    expect(Math.abs(trace - sumPow(1.5, M)) / sumPow(1.5, M)).toBeLessThan(0.02);
    expect(total).toBeLessThan(1e-10);
  });
});

function sumPow(p: number, M: number): number {
  let s = 0;
  for (let k = 1; k <= M; k++) s += k ** -p;
  return s;
}
