// Words that say what is not drawn: a ticked panel outside its regime (the Panels menu), and
// one-pass SGD's training error, which is E_g + σ² and at σ² = 0 lies under E_g's line.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeSgdCurve } from '../../src/model/sgd/theory.ts';
import { etrLegendClaim } from '../../src/claims/sgd.ts';
import { engineOracle } from '../../src/claims/verify.ts';
import { panelRegimeNote } from '../../src/ui/panels.ts';
import { PANELS } from '../../src/state/view.ts';
import { REGIMES } from '../../src/model/regimes.ts';

const oracle = engineOracle();
const sgd = (over: Partial<Params> = {}): Params => ({
  ...DEFAULT_PARAMS,
  regime: 'sgd',
  horizon: 1000,
  nt: 20,
  ...over,
});

describe('Panels menu: a ticked panel outside its regime says it draws nothing', () => {
  it('names the fixed-dataset panels under one-pass SGD and the SGD panel elsewhere', () => {
    expect(panelRegimeNote('scalingP', 'sgd')?.plain).toBe('(not drawn under one-pass SGD)');
    expect(panelRegimeNote('scalingP', 'gf')).toBeNull();
    expect(panelRegimeNote('sgd', 'gf')?.plain).toBe('(only under one-pass SGD; not drawn now)');
    expect(panelRegimeNote('sgd', 'sgd')).toBeNull();
  });

  it('every note passes its check, in every regime', () => {
    let notes = 0;
    for (const r of REGIMES)
      for (const p of PANELS) {
        const n = panelRegimeNote(p, r);
        if (!n) continue;
        notes++;
        expect(n.check(oracle, n), `${p} under ${r}`).toEqual([]);
      }
    // Under SGD every fixed-dataset panel has one, and the SGD panel under each of the other four.
    expect(notes).toBeGreaterThan(REGIMES.length);
  });
});

describe('one-pass SGD: the training error’s legend entry', () => {
  it('at σ² = 0 says E_tr = E_g and that its line lies under E_g’s', () => {
    const c = computeSgdCurve(sgd({ sigma2: 0 }));
    const k = etrLegendClaim(c);
    expect(k.plain).toContain('σ² = 0');
    expect(k.markup).not.toContain('E_g + σ²');
    expect(k.check(oracle, k)).toEqual([]);
  });

  it('at σ² > 0 says E_tr = E_g + σ²', () => {
    const c = computeSgdCurve(sgd({ sigma2: 0.1 }));
    const k = etrLegendClaim(c);
    expect(k.markup).toContain('E_g + σ²');
    expect(k.check(oracle, k)).toEqual([]);
  });

  it('fails its check when the curve’s E_tr is not E_g + σ²', () => {
    const c = computeSgdCurve(sgd({ sigma2: 0.1 }));
    const bent = { ...c, Etr: Float64Array.from(c.Etr, (e, i) => (i === 3 ? 2 * e : e)) };
    const k = etrLegendClaim(bent);
    expect(k.check(oracle, k).length).toBeGreaterThan(0);
  });
});
