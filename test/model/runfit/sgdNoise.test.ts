// The noise part of SGD's fit tables (docs/theory.md §9.2, §10): B from zero initial error at
// σ² = 1 does not read the target, so the cache shared across β returns what a fresh propagation
// at another β gives; its key changes with every input the propagation is given; B agrees with
// the engine's E_g(σ² = 1) − E_g(σ² = 0); and the fit's looser block tolerance keeps A close to
// the step-by-step recursion.
import { describe, expect, it } from 'vitest';
import { sgdGridSteps, FIT_PROPAGATION } from '../../../src/model/runfit/sgdSampler.ts';
import {
  contentKey,
  noiseInputs,
  noisePart,
  propagateNoise,
  type NoiseInputs,
} from '../../../src/model/runfit/sgdNoise.ts';
import { propagate } from '../../../src/model/sgd/propagate.ts';
import { recursionCurve } from '../../../src/model/sgd/recursion.ts';
import { intrinsicTimes, schedulePieces } from '../../../src/model/sgd/schedule.ts';
import {
  DEFAULT_SGD,
  scheduleOf,
  sgdSystem,
  type SgdParams,
} from '../../../src/model/sgd/system.ts';

const STEPS = sgdGridSteps(1e5, 24);

/** The SGD system, schedule and its pieces at these SGD parameters, on the steps of STEPS. */
function systemAt(p: Partial<SgdParams>) {
  const sp = { ...DEFAULT_SGD, ...p };
  const sch = scheduleOf(sp);
  const sys = sgdSystem(sp, intrinsicTimes(sch, [STEPS[STEPS.length - 1]])[0]);
  return { sch, sys, pieces: schedulePieces(sch) };
}

/** The fit's inputs of a noise propagation at these SGD parameters. */
function inputsAt(p: Partial<SgdParams>): NoiseInputs {
  const { sys, sch } = systemAt(p);
  return noiseInputs(sys, sch, STEPS, FIT_PROPAGATION);
}

/** Largest relative difference of two curves (exact zeros equal). */
function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, a[i] === b[i] ? 0 : Math.abs(a[i] / b[i] - 1));
  return w;
}

/** Every numeric leaf of a value (typed arrays element by element), with a way to change it. */
function leaves(v: unknown, path: string, out: { path: string; set: (x: unknown) => unknown }[]) {
  if (typeof v === 'number') return;
  if (ArrayBuffer.isView(v)) {
    const a = v as Float64Array;
    for (const i of new Set([0, a.length >> 1, a.length - 1]))
      out.push({ path: `${path}[${i}]`, set: (root) => bump(root, `${path}[${i}]`) });
    return;
  }
  if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'number' || typeof x === 'string')
        out.push({ path: `${path}.${k}`, set: (root) => bump(root, `${path}.${k}`) });
      else leaves(x, `${path}.${k}`, out);
    }
}

/** A deep copy of root with the leaf at `path` changed (numbers moved, strings altered). */
function bump(root: unknown, path: string): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const parts = path.match(/[^.[\]]+/g)!;
  let o = copy as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) o = o[p] as Record<string, unknown>;
  const last = parts[parts.length - 1];
  const x = o[last];
  const n = x as number;
  o[last] = typeof x === 'string' ? `${x}'` : Number.isFinite(n) ? n * (1 + 1e-15) + 1e-300 : 1;
  return copy;
}

describe('the noise part of the SGD tables', () => {
  it('does not depend on β: the cached B equals B propagated afresh at another β', () => {
    let compared = 0;
    for (const batch of [1, 4]) {
      const cached = noisePart(inputsAt({ alpha: 1.7, beta: 2, batch }));
      for (const beta of [1.3, 4.5]) {
        const fresh = propagateNoise(inputsAt({ alpha: 1.7, beta, batch }));
        expect(fresh.length).toBe(STEPS.length);
        expect(maxRel(cached, fresh)).toBeLessThanOrEqual(1e-12);
        // And the cache serves that β from the same entry.
        expect(noisePart(inputsAt({ alpha: 1.7, beta, batch }))).toBe(cached);
        compared++;
      }
    }
    expect(compared).toBe(4);
  });

  it('is keyed by every input the propagation is given', () => {
    const base = inputsAt({ alpha: 2.2, beta: 3, batch: 4 });
    const key = contentKey(base);
    const all: { path: string; set: (x: unknown) => unknown }[] = [];
    leaves(base, '', all);
    // The nodes, their weights, the tail, σ², σ₀², B, the schedule, the steps, the tolerance.
    for (const p of [
      '.sys.nodes.lam[0]',
      '.sys.nodes.wl[0]',
      '.sys.nodes.tail.Ia[0]',
      '.sys.batch',
    ])
      expect(all.map((l) => l.path)).toContain(p);
    expect(all.length).toBeGreaterThan(20);
    for (const l of all) expect(contentKey(l.set(base)), l.path).not.toBe(key);
    // Values that differ only past the digits of a double's shortest form still differ.
    expect(contentKey([0.1 + 0.2])).not.toBe(contentKey([0.3]));
    expect(contentKey({ a: -0 })).not.toBe(contentKey({ a: 0 }));
    expect(() => contentKey({ f: () => 1 })).toThrow(TypeError);
    // Other parameters: α, η, B and the schedule each give another key; β does not.
    const other = [{ alpha: 2.3 }, { eta: 0.31 }, { batch: 5 }, { warmup: 10 }, { N: 500 }];
    for (const p of other)
      expect(contentKey(inputsAt({ alpha: 2.2, beta: 3, batch: 4, ...p }))).not.toBe(key);
    expect(contentKey(inputsAt({ alpha: 2.2, beta: 5, batch: 4 }))).toBe(key);
  });

  it('is E_g(σ² = 1) − E_g(σ² = 0) of the engine, and within 10⁻⁵ of the recursion', () => {
    let checked = 0;
    for (const [alpha, beta, batch, eta] of [
      [1.5, 2, 1, 0.3],
      [2.5, 4, 16, 0.05],
      [1.2, 1.4, 4, 0.6],
    ]) {
      const { sch, sys, pieces } = systemAt({ alpha, beta, batch, eta });
      const B = propagateNoise(noiseInputs(sys, sch, STEPS, FIT_PROPAGATION));
      const e0 = propagate({ ...sys, sigma2: 0 }, pieces, STEPS).Eg;
      const e1 = propagate({ ...sys, sigma2: 1 }, pieces, STEPS).Eg;
      const r0 = recursionCurve({ ...sys, sigma2: 0 }, pieces, STEPS);
      const exact = recursionCurve({ ...sys, sigma2: 1 }, pieces, STEPS).map((e, i) => e - r0[i]);
      expect(B[0]).toBe(0);
      // From step 1 on: the difference of two runs carries each run's error relative to G ≥ 1.
      const diff = e1.map((e, i) => e - e0[i]).subarray(1);
      expect(maxRel(B.subarray(1), diff)).toBeLessThan(1e-4);
      expect(maxRel(B.subarray(1), exact.subarray(1))).toBeLessThan(1e-5);
      checked++;
    }
    expect(checked).toBe(3);
  });

  it('keeps A within 3·10⁻⁴ of the step-by-step recursion at the fit’s block tolerance', () => {
    let checked = 0;
    for (const [alpha, beta, batch, eta] of [
      [1.5, 2, 1, 0.3],
      [2.4, 4, 1, 0.6],
      [3.4, 5.4, 1, 0.6],
      [1.3, 3, 1, 0.05],
    ]) {
      const { sys, pieces } = systemAt({ alpha, beta, batch, eta, sigma2: 0 });
      const A = propagate(sys, pieces, STEPS, FIT_PROPAGATION).Eg;
      expect(maxRel(A, recursionCurve(sys, pieces, STEPS))).toBeLessThan(3e-4);
      checked++;
    }
    expect(checked).toBe(4);
  });
});
