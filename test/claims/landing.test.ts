// The landing state (no link keys: the parameter table's defaults and the default view) shows
// what the app is for: stable fitted slopes in t, P and N, each within 0.05 of the law that
// predicts it, with the law's condition met (docs/theory.md §6, §8). Read through the exponent
// table's rows, the objects the scaling panels' labels, the table and the caption show, and each
// row's claims checked against the engine.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { DEFAULT_VIEW } from '../../src/state/view.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { computeSweep } from '../../src/model/theory/sweep.ts';
import { exponentRows } from '../../src/claims/exponentTable.ts';
import { scalingFitLabel } from '../../src/claims/scalingClaims.ts';
import { engineOracle, verifyClaim } from '../../src/claims/verify.ts';

/** The largest distance between a fitted slope and its law accepted on the landing page. */
const LANDING_TOL = 0.05;

describe('the landing state', () => {
  const p = { ...DEFAULT_PARAMS };
  const setting = { at: DEFAULT_VIEW.at, tAt: DEFAULT_VIEW.tAt };
  const curve = computeCurve(p, { window: DEFAULT_VIEW.timeWindow });
  const sweepP = computeSweep(p, 'P', setting.at, setting.tAt);
  const sweepN = computeSweep(p, 'N', setting.at, setting.tAt);
  const rows = exponentRows(curve, sweepP, sweepN, setting);

  it('shows a fitted slope in t, P and N within 0.05 of its law, the law’s condition met', () => {
    expect(rows.map((r) => r.key)).toEqual(['t', 'P', 'N']);
    const laws = { t: 'time', P: 'data', N: 'model' };
    for (const r of rows) {
      expect(r.fit, `${r.key}: ${r.fitWhy}`).not.toBeNull();
      // A law (not n/a, not a flat "does not matter" law) whose condition holds: the verdict.
      expect(r.verdict.law, `${r.key}: ${r.condition}`).toBe(laws[r.key]);
      expect(Math.abs(r.fit!.slope - r.verdict.value), r.key).toBeLessThanOrEqual(LANDING_TOL);
      // At least a decade of stable slope (the fit's own rule), on the side of the law's range.
      expect(Math.log10(r.fit!.xmax / r.fit!.xmin), r.key).toBeGreaterThanOrEqual(1 - 1e-9);
    }
    // The size laws are judged over their fit windows: the window's top is far below the other.
    const [, rowP, rowN] = rows;
    expect(rowP.fit!.xmax * 10).toBeLessThanOrEqual(p.N);
    expect(rowN.fit!.xmax * 10).toBeLessThanOrEqual(p.P);
    // The time law's range (10 ≲ t ≲ tHi) overlaps its fit window by more than a decade.
    const rowT = rows[0];
    const overlap = Math.min(rowT.fit!.xmax, rowT.verdict.facts.tHi) / Math.max(10, rowT.fit!.xmin);
    expect(Math.log10(overlap)).toBeGreaterThanOrEqual(1);
  });

  it('every claim of the three rows holds, checked against the engine', () => {
    const o = engineOracle();
    let n = 0;
    for (const r of rows)
      for (const c of [r.claims.fitted, r.claims.predicted, r.claims.law]) {
        expect(verifyClaim(c, o), `${c.id}: ${c.plain}`).toEqual([]);
        n++;
      }
    expect(n).toBe(9);
  });

  it('the scaling panels’ labels state the fit and the prediction, never “no stable slope”', () => {
    for (const [sweep, row] of [
      [sweepP, rows[1]],
      [sweepN, rows[2]],
    ] as const) {
      const label = scalingFitLabel(sweep, row, p);
      expect(label.claim.plain).toMatch(/^fit: slope −\d\.\d\d · predicted −\d\.\d\d$/);
      expect(label.claim.plain).not.toMatch(/no stable slope|n\/a/);
      expect(Math.abs(label.predicted - row.fit!.slope)).toBeLessThanOrEqual(LANDING_TOL);
    }
  });
});
