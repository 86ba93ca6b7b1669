// A KappaCache kept across computations (the curve worker's, workers/theoryApi.ts): the curves are
// exactly those computed without it, it is actually used when κ is unchanged, and it stays bounded.
import { describe, expect, it } from 'vitest';
import { computeCurve, scansInWindow } from '../../../src/model/theory/curve.ts';
import { KappaCache } from '../../../src/model/theory/engine.ts';
import { resetWork, WORK } from '../../../src/model/theory/work.ts';
import { DEFAULT_PARAMS, type Params } from '../../../src/model/params.ts';

const states: Partial<Params>[] = [
  {},
  { sigma02: 0.5 },
  { sigma02: 2, beta: 2.4 },
  { sigma2: 0.3 },
  { tmax: 1e6 },
  { alpha: 2.1 },
  { regime: 'langevin', gamma: 1e-3, T: 1e-4 },
  { regime: 'langevin', gamma: 1e-3, T: 3e-4, sigma02: 1 },
  { N: 1000, beta: 1.8 },
];

describe('a KappaCache across computations', () => {
  it('gives exactly the curves computed without it (every array, every key point)', () => {
    const cache = new KappaCache({ maxTables: 4, maxTimes: 500 });
    let checked = 0;
    for (const window of ['auto', 'manual'] as const)
      for (const s of states) {
        const p = { ...DEFAULT_PARAMS, ...s };
        const cached = computeCurve(p, { window, cache });
        const fresh = computeCurve(p, { window });
        expect(cached.t).toEqual(fresh.t);
        expect(cached.Eg).toEqual(fresh.Eg);
        expect(cached.Etr).toEqual(fresh.Etr);
        expect(cached.earlyStop).toEqual(fresh.earlyStop);
        expect(cached.window).toEqual(fresh.window);
        expect(cached.fitT).toEqual(fresh.fitT);
        expect(cached.diagnosis).toEqual(fresh.diagnosis);
        checked++;
      }
    expect(checked).toBe(2 * states.length);
  });

  it('gives exactly the curve computed without it where a grid time is held from another grid (t_max, while n_t moves)', () => {
    // t_max lies at or past the scan's last time: its row was warm-started from the row before it,
    // which differs between the two grids; every row now starts from the scan (curve.ts).
    const cache = new KappaCache({ maxTables: 4, maxTimes: 2000 });
    for (const s of [
      { alpha: 1.2, beta: 1.1 },
      { regime: 'wd', gamma: 1e-3 },
    ] as Partial<Params>[]) {
      const p = { ...DEFAULT_PARAMS, ...s, nt: 200 };
      computeCurve({ ...p, nt: 207 }, { window: 'auto', cache });
      resetWork();
      const cached = computeCurve(p, { window: 'auto', cache });
      expect(WORK.cachedNodes).toBeGreaterThan(0);
      const fresh = computeCurve(p, { window: 'auto' });
      expect(cached.Eg).toEqual(fresh.Eg);
      expect(cached.Etr).toEqual(fresh.Etr);
      expect(cached.diagnosis).toEqual(fresh.diagnosis);
    }
  });

  it('solves nothing again when only the target, the noise or the initialisation moves, and sums V again only for a new target', () => {
    const cache = new KappaCache({ maxTables: 4, maxTimes: 2000 });
    computeCurve({ ...DEFAULT_PARAMS, sigma02: 1 }, { window: 'auto', cache });
    for (const s of [{ sigma02: 2 }, { sigma02: 2, sigma2: 0.2 }, { sigma02: 2, beta: 2.2 }]) {
      resetWork();
      computeCurve({ ...DEFAULT_PARAMS, ...s }, { window: 'auto', cache });
      // The scan's times are the same: at least its κ come from the table.
      expect(WORK.cachedNodes).toBeGreaterThan(WORK.times * 2);
      // And V, V' with them while the target stays (β = 2.2 is a new target: summed anew, but
      // for a time this curve evaluates twice).
      if (s.beta) expect(WORK.cachedV).toBeLessThan(WORK.cachedNodes / 10);
      else expect(WORK.cachedV).toBeGreaterThan(WORK.times * 2);
    }
  });

  it('keeps the tables used last, and at most its bound of times in all', () => {
    const cache = new KappaCache({ maxTables: 3, maxTimes: 400 });
    let most = 0;
    for (const alpha of [1.2, 1.4, 1.6, 1.8, 2.0]) {
      resetWork();
      computeCurve({ ...DEFAULT_PARAMS, alpha }, { window: 'auto', cache });
      expect(cache.size.tables).toBeLessThanOrEqual(3);
      most = Math.max(most, WORK.times);
      // Trimmed before each computation: over the bound by at most what one curve added.
      expect(cache.size.times).toBeLessThanOrEqual(400 + 2 * WORK.times);
    }
    expect(most).toBeGreaterThan(100);
    computeCurve({ ...DEFAULT_PARAMS, alpha: 2.0, beta: 2.5 }, { window: 'auto', cache });
    expect(cache.size.times).toBeLessThanOrEqual(400 + 2 * most);
  });

  it("drops the times used longest ago: a dragged n_t keeps the scan's times", () => {
    const manual = { window: 'manual' as const };
    // Reference: an unbounded cache, one curve, then another n_t (its grid is new, its scan not).
    const kept = new KappaCache({ maxTables: 3, maxTimes: Infinity });
    computeCurve({ ...DEFAULT_PARAMS, nt: 50 }, { ...manual, cache: kept });
    resetWork();
    computeCurve({ ...DEFAULT_PARAMS, nt: 397 }, { ...manual, cache: kept });
    const hitsKept = WORK.cachedNodes;
    expect(hitsKept).toBeGreaterThan(0);
    // Bounded at room for one curve and a half: many other grids pass through it meanwhile.
    const bounded = new KappaCache({ maxTables: 3, maxTimes: 700 });
    computeCurve({ ...DEFAULT_PARAMS, nt: 50 }, { ...manual, cache: bounded });
    for (const nt of [300, 310, 320, 330, 340, 350]) {
      computeCurve({ ...DEFAULT_PARAMS, nt }, { ...manual, cache: bounded });
      expect(bounded.size.times).toBeLessThanOrEqual(700 + 2 * 400);
    }
    resetWork();
    computeCurve({ ...DEFAULT_PARAMS, nt: 397 }, { ...manual, cache: bounded });
    // The scan's times were used by every curve: none was dropped, they all hit again (and a
    // few grid times that these grids share with n_t = 397's).
    expect(WORK.cachedNodes).toBeGreaterThanOrEqual(hitsKept);
  });

  it('stores the reciprocals of its sums only for a batch in lockstep, which reads them back', () => {
    // One target never reads them: storing them would cost it a write per mode and node.
    const cache = new KappaCache();
    computeCurve({ ...DEFAULT_PARAMS, nt: 80 }, { window: 'auto', cache });
    expect(cache.recip.length).toBe(0);
    expect(cache.sharesReciprocals).toBe(false);
    // Two targets on the same eigenvalues: the second sums V from the first's reciprocals, and
    // the scans are exactly those of each target alone.
    resetWork();
    const ps = [1.6, 2.4].map((beta) => ({ ...DEFAULT_PARAMS, beta }));
    const together = scansInWindow(ps, true, false, cache);
    expect(WORK.storedPasses).toBeGreaterThan(0);
    expect(cache.recip.length).toBeGreaterThan(0);
    expect(cache.sharesReciprocals).toBe(false);
    ps.forEach((p, i) => {
      const alone = scansInWindow([p], true)[0];
      expect(together[i].scan.Eg).toEqual(alone.scan.Eg);
      expect(together[i].window).toEqual(alone.window);
    });
  });
});
