// The frontier of a decaying schedule: every budget is a whole schedule with its own horizon
// (docs/theory.md §9.8), so more compute buys a lower L* (a fixed horizon would leave the larger
// budgets training at η_min = 0 after it, and L* flat).
import { describe, expect, it } from 'vitest';
import { errorAfter } from '../../../src/model/sgd/batch.ts';
import { sgdFrontier } from '../../../src/model/sgd/frontier.ts';
import type { SgdParams } from '../../../src/model/sgd/system.ts';

const P: SgdParams = {
  alpha: 1.5,
  beta: 2,
  M: Infinity,
  N: Infinity,
  sigma2: 0,
  sigma02: 0,
  eta: 0.3,
  batch: 8,
  schedule: 'cosine',
  horizon: 1e4,
  decay: 0.2,
  final: 0,
  warmup: 0,
  data: null,
};

describe('the SGD frontier under a decaying schedule', () => {
  it('each budget runs its own schedule: L* falls with C, and equals the run at N*, s*', () => {
    const f = sgdFrontier(P, { Cmin: 8e4, Cmax: 8e7, n: 4, Nmin: 4, Nmax: 1e3 });
    expect(f.C.length).toBe(4);
    for (let i = 1; i < f.C.length; i++) expect(f.Lstar[i]).toBeLessThan(0.8 * f.Lstar[i - 1]);
    // The first budget's best grid point, rerun as a whole cosine schedule of s = C/(N·B) steps.
    const N = f.Nstar[0];
    const direct = errorAfter({ ...P, N: Math.round(N) }, f.C[0] / (Math.round(N) * P.batch));
    // The parabola refinement moves L* off the grid point by a few per cent at most.
    expect(Math.abs(direct / f.Lstar[0] - 1)).toBeLessThan(0.05);
  });
});
