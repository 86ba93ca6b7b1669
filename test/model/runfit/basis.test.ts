// The basis tables (docs/theory.md §10): ln A and ln B interpolated in ln t (or ln P, ln N) against
// the engine evaluated directly (order-12 Talbot, exact limits), over the whole range, in every
// kind of curve: the time law alone, finite P with its plateau, the top modes' exponential decay
// (α = 3, 4), the interpolation peak (N < P), and the size axes.
import { describe, expect, it } from 'vitest';
import { buildTable, FINE_TABLE, interpolate } from '../../../src/model/runfit/basis.ts';
import { makeEngine } from '../../../src/model/theory/engine.ts';
import { computeLimit } from '../../../src/model/theory/limits.ts';
import { TimeEvaluator } from '../../../src/model/theory/timeEval.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';

const p = (alpha: number, beta: number, P: number, N: number): Params => ({
  ...DEFAULT_PARAMS,
  alpha,
  beta,
  P,
  N,
  sigma2: 1,
  regime: 'gf',
  M: Infinity,
});

/** Largest relative error of A and B where each exceeds 1e-6 of E(0), at n points off the nodes. */
function worst(axis: 'steps' | 'P' | 'N', q: Params, lo: number, hi: number, n = 120) {
  const tb = buildTable(axis, q, lo, hi, FINE_TABLE);
  const lx = Float64Array.from(
    { length: n },
    (_, i) => Math.log(lo) + ((i + 0.37) / n) * Math.log(hi / lo),
  );
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  expect(interpolate(tb, 0, lx, 0, n, A, B, null, null)).toBe(true);
  const e = makeEngine({ ...q, tmax: hi }, axis === 'steps' ? hi : q.tmax);
  const ev = new TimeEvaluator(e);
  const floor = 1e-6 * e.sp.Sw;
  let err = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.exp(lx[i]);
    const [a, b] =
      axis === 'steps'
        ? (() => {
            const x = ev.at(v, { train: false, parts: true }).parts!;
            return [x.signal, x.noise];
          })()
        : (() => {
            const l = computeLimit(makeEngine({ ...q, [axis]: v })).parts;
            return [l.signal, l.noise];
          })();
    if (a > floor) err = Math.max(err, Math.abs(A[i] / a - 1));
    if (b > floor) err = Math.max(err, Math.abs(B[i] / b - 1));
  }
  return { err, nodes: tb.u.length };
}

describe('basis tables', () => {
  const cases: [string, Params][] = [
    ['time law alone, P = 10⁷', p(1.2, 3, 1e7, Infinity)],
    ['finite P: learning, noise fitting, plateau', p(1.5, 2, 1000, Infinity)],
    ['fast decay of the top modes, α = 3', p(3, 5, 300, Infinity)],
    ['α = 4, β = 6', p(4, 6, 100, Infinity)],
    ['N < P: the rise to the interpolation peak', p(2, 1.5, 1000, 500)],
    ['slow spectrum and target, α = 1.1, β = 1.2', p(1.1, 1.2, 1e4, Infinity)],
  ];
  for (const [name, q] of cases)
    it(`steps, ${name}: within 1.5e-3 of the engine`, () => {
      const { err, nodes } = worst('steps', q, 1e-3, 1e8);
      expect(err).toBeLessThan(1.5e-3);
      expect(nodes).toBeLessThan(130);
    });
  it('dataset size at t → ∞ (N = ∞) and model size through N = P: within 1.5e-3', () => {
    expect(worst('P', p(1.5, 2, 400, Infinity), 1, 1e7).err).toBeLessThan(1.5e-3);
    // The peak at N = P = 3000 itself is a pole; the points here avoid it by a few per cent.
    expect(worst('N', p(1.5, 3, 3000, 1000), 1, 2500).err).toBeLessThan(1.5e-3);
    expect(worst('N', p(1.5, 3, 3000, 1000), 3500, 1e7).err).toBeLessThan(1.5e-3);
  });
});
