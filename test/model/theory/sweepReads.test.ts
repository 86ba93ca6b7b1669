// A sweep over P, N or the compute C reads neither the curve's number of times nor the
// simulation's seed and seeds: the app does not ask for it again when only these move
// (compute/plan.ts, UNSWEPT).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { computeSweep } from '../../../src/model/theory/sweep.ts';
import { computeFrontier } from '../../../src/model/theory/frontier.ts';

const base: Params = { ...DEFAULT_PARAMS, P: 2000, N: 1000, sigma2: 0.05 };

describe('a sweep does not read n_t, the seed or the seeds', () => {
  for (const [axis, at] of [
    ['P', 'tstar'],
    ['N', 't'],
    ['P', 'inf'],
  ] as const)
    it(`${axis} at ${at}`, () => {
      const a = computeSweep(base, axis, at, 100);
      const b = computeSweep({ ...base, nt: 317, seed: 9, seeds: 3 }, axis, at, 100);
      expect(b).toEqual(a);
      expect(a.x.length).toBeGreaterThan(5);
    });

  it('the compute frontier', () => {
    const opts = { n: 3, Cmin: 1e3, Cmax: 1e5 };
    const a = computeFrontier(base, opts);
    expect(computeFrontier({ ...base, nt: 317, seed: 9, seeds: 3 }, opts)).toEqual(a);
  });
});
