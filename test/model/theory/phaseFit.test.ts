// The measured side of the phase diagram: the fitted slope at a grid point is the slope the
// exponent table (or the frontier panel) fits from the engine's curves there, and deep inside each
// region at large P and N it agrees with the law within 0.05 — except the compute law for
// β−1 > α, which is approached only slowly (docs/theory.md §6).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';
import { computeCurve } from '../../../src/model/theory/curve.ts';
import { computeFrontier } from '../../../src/model/theory/frontier.ts';
import { computeSweep } from '../../../src/model/theory/sweep.ts';
import { exponentRows } from '../../../src/claims/exponentTable.ts';
import {
  PHASE_FRONTIER,
  fitPhasePoint,
  fitPhasePoints,
} from '../../../src/model/theory/phaseFit.ts';
import type { PhaseExponent } from '../../../src/model/theory/phase.ts';

const opts = { window: 'auto' as const };
const at = (q: Partial<Params>, alpha: number, beta: number): Params => ({
  ...DEFAULT_PARAMS,
  ...q,
  alpha,
  beta,
});

describe('fitted exponents equal the slopes fitted directly from engine curves', () => {
  const base = DEFAULT_PARAMS;
  it('time: the learning curve’s fitted slope, with the exponent table’s verdict', () => {
    let fits = 0;
    for (const [a, b] of [
      [1.5, 2],
      [2.5, 4],
      [1.2, 3],
    ]) {
      const pt = fitPhasePoint('time', base, a, b, opts);
      const curve = computeCurve(at({}, a, b), { window: 'auto' });
      expect([pt.fitted, pt.gap]).toEqual([curve.fitT.fit?.slope ?? NaN, curve.fitT.gap]);
      const row = exponentRows(curve, null, null, { at: 'tstar', tAt: NaN })[0];
      expect(pt.verdict).toEqual(row.verdict);
      if (pt.fit) fits++;
    }
    expect(fits).toBeGreaterThan(0);
  });
  it('data and model: the sweep’s fitted slope (NaN and its reason where it has none)', () => {
    for (const [e, axis, where] of [
      ['data-inf', 'P', 'inf'],
      ['data-tstar', 'P', 'tstar'],
      ['model-inf', 'N', 'inf'],
    ] as const) {
      const pt = fitPhasePoint(e, base, 2, 3, opts);
      const s = computeSweep(at({}, 2, 3), axis, where, NaN);
      if (s.fit) expect(pt.fitted).toBe(s.fit.slope);
      else expect([pt.fitted, pt.gap]).toEqual([NaN, s.fitGap]);
      expect(pt.verdict).toEqual(s.law);
    }
  });
  it('compute: the frontier’s fit; its 7 budgets give the panel’s 10-budget slope within 10⁻³', () => {
    const q = { P: 1e7, sigma2: 0 };
    const pt = fitPhasePoint('compute', { ...base, ...q }, 1.5, 2, opts);
    expect(pt.fitted).toBe(computeFrontier(at(q, 1.5, 2), PHASE_FRONTIER).fitL!.slope);
    expect(Math.abs(pt.fitted - computeFrontier(at(q, 1.5, 2)).fitL!.slope)).toBeLessThan(1e-3);
    const steep = fitPhasePoint('compute', { ...base, ...q }, 1.5, 3.5, opts);
    expect(Math.abs(steep.fitted - computeFrontier(at(q, 1.5, 3.5)).fitL!.slope)).toBeLessThan(
      1e-3,
    );
  });
});

describe('a column computed together equals its points computed one by one', () => {
  // A batch shares κ along a column (one α) and runs its scans in lockstep; nothing may change.
  for (const e of ['time', 'data-tstar', 'data-inf', 'compute'] as const)
    it(e, () => {
      const base = { ...DEFAULT_PARAMS, P: 2000, sigma2: e === 'data-inf' ? 0 : 0.05, N: Infinity };
      const ab: [number, number][] = [
        [1.5, 1.6],
        [1.5, 2.4],
        [2.2, 3],
        [1.5, 4],
      ];
      const together = fitPhasePoints(e, base, ab, opts);
      const alone = ab.map(([a, b]) => fitPhasePoint(e, base, a, b, opts));
      expect(together).toEqual(alone);
      expect(together.some((p) => p.fit)).toBe(true);
    });
});

const DEEP: [PhaseExponent, Partial<Params>, [number, number][]][] = [
  // P = 10⁷, N = ∞, no noise: the time law has six decades of t. (At N = P = 10⁷ and β − 1 > α
  // the curve meets the model's error N^{−α}, amplified at N = P, already at t ≈ N^{α²/(β−1)} ≈
  // 2·10³ for (1.2, 4): a slow tail at 10⁻⁷ that the engine now resolves and the fit reads.)
  [
    'time',
    { P: 1e7, N: Infinity, sigma2: 0 },
    [
      [1.5, 2],
      [3, 5],
      [1.2, 4],
      [2.5, 1.5],
    ],
  ],
  // Kernel limit, no noise, P around 10⁴: both terms of −min(β−1, 2α).
  [
    'data-inf',
    { N: Infinity, sigma2: 0, P: 1e4 },
    [
      [1.5, 2],
      [3, 3],
      [1.2, 5.5],
      [1.5, 5.5],
    ],
  ],
  [
    'data-tstar',
    { N: Infinity, sigma2: 0.05, P: 1e4 },
    [
      [1.5, 2],
      [3, 5],
      [1.2, 4],
    ],
  ],
  // P = 10⁷ ≫ N ≈ 10³: both terms of −min(β−1, α).
  [
    'model-inf',
    { P: 1e7, N: 1000, sigma2: 0 },
    [
      [3, 2.5],
      [1.2, 5],
      [2, 1.5],
      [1.5, 5],
    ],
  ],
  [
    'compute',
    { P: 1e7, sigma2: 0 },
    [
      [1.5, 2],
      [3, 2.5],
      [2, 2],
    ],
  ],
];

describe('fitted against predicted deep inside each region at large P and N', () => {
  for (const [e, q, points] of DEEP)
    it(`${e}: within 0.05 at ${points.map((p) => `(${p.join(', ')})`).join(' ')}`, () => {
      for (const [a, b] of points) {
        const pt = fitPhasePoint(e, { ...DEFAULT_PARAMS, ...q }, a, b, opts);
        expect(pt.verdict.law, `${e} (${a}, ${b})`).not.toBeNull();
        expect(Math.abs(pt.fitted - pt.predicted), `${e} (${a}, ${b})`).toBeLessThan(0.05);
      }
    });

  it('compute, β−1 > α: the slope at C = 10³…10⁹ is 0.05–0.1 shallower than the asymptote', () => {
    for (const [a, b] of [
      [1.2, 5],
      [1.5, 3.5],
    ]) {
      const pt = fitPhasePoint('compute', { ...DEFAULT_PARAMS, P: 1e7, sigma2: 0 }, a, b, opts);
      const d = pt.fitted - pt.predicted;
      expect(d).toBeGreaterThan(0.05);
      expect(d).toBeLessThan(0.1);
    }
  });
});
