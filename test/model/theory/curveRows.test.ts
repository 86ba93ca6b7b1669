// A curve's grid split across two workers (curve.ts curveRows, joinRows; src/compute/splitCurve.ts):
// the joined curve is bit for bit the curve computed whole, whatever each worker's cache holds.
import { describe, expect, it } from 'vitest';
import { computeCurve, curveRows, joinRows, splitsRows } from '../../../src/model/theory/curve.ts';
import { KappaCache } from '../../../src/model/theory/engine.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';

const states: Partial<Params>[] = [
  { nt: 300 },
  { alpha: 1.2, beta: 1.1, nt: 200 },
  { regime: 'wd', gamma: 1e-3, nt: 151 },
  { regime: 'langevin', gamma: 1e-3, T: 1e-2, sigma02: 1, nt: 250 },
  { N: 1000, sigma2: 0.1, nt: 333 },
  { M: 4000, nt: 120 },
  { P: 100, N: 50, nt: 400 },
];

describe('a curve split across two workers', () => {
  it('joins to exactly the curve computed whole (every array, every key point), with warm caches', () => {
    let checked = 0;
    for (const window of ['auto', 'manual'] as const)
      for (const s of states) {
        const p = { ...DEFAULT_PARAMS, ...s } as Params;
        const whole = computeCurve(p, { window });
        // Each worker's cache holds another grid of the same state (a dragged n_t).
        const a = new KappaCache({ maxTables: 4, maxTimes: 4000 });
        const b = new KappaCache({ maxTables: 4, maxTimes: 4000 });
        computeCurve({ ...p, nt: p.nt + 7 }, { window, cache: a });
        computeCurve({ ...p, nt: p.nt - 5 }, { window, cache: b });
        const h = Math.floor(p.nt / 2);
        const part = computeCurve(p, { window, cache: a, from: h });
        expect(Number.isNaN(part.Eg[h - 1])).toBe(true);
        const joined = joinRows(part, curveRows(p, { window, cache: b }, h));
        expect(joined.t).toEqual(whole.t);
        expect(joined.Eg).toEqual(whole.Eg);
        expect(joined.Etr).toEqual(whole.Etr);
        expect(joined.resolution).toEqual(whole.resolution);
        expect(joined.earlyStop).toEqual(whole.earlyStop);
        expect(joined.fitT).toEqual(whole.fitT);
        expect(joined.diagnosis).toEqual(whole.diagnosis);
        checked++;
      }
    expect(checked).toBe(2 * states.length);
  });

  it('keeps the last row (t_max, which the diagnosis reads) with the call that diagnoses', () => {
    const p = { ...DEFAULT_PARAMS, nt: 10 };
    const part = computeCurve(p, { window: 'auto', from: 99 });
    expect(Number.isFinite(part.Eg[9])).toBe(true);
    expect(Number.isNaN(part.Eg[8])).toBe(true);
    expect(part.diagnosis).toEqual(computeCurve(p, { window: 'auto' }).diagnosis);
  });

  it('refuses rows of another grid, and a curve in steps', () => {
    const p = { ...DEFAULT_PARAMS, nt: 100 };
    const part = computeCurve(p, { window: 'auto', from: 50 });
    const other = curveRows({ ...p, nt: 101 }, { window: 'auto' }, 50);
    expect(() => joinRows(part, other)).toThrow(/another grid/);
    const sgd = { ...DEFAULT_PARAMS, regime: 'sgd' } as Params;
    expect(splitsRows(sgd)).toBe(false);
    expect(() => curveRows(sgd, {}, 10)).toThrow(/whole/);
  });
});
