// "Shows the posterior" has one meaning everywhere (src/model/regimes.ts showsPosterior): the
// t → ∞ state is the Gibbs law ∝ exp(−L/T) of docs/theory.md §4, which exists only at T > 0 in a
// regime where T acts. At T = 0 the Bayesian posterior collapses onto its mean, the ridge
// predictor: no Gibbs or posterior-mean line, no posterior sentence or formula, and the t → ∞
// split of the decomposition names the ridge's bias and variance. Every site is checked on
// engine results in every regime, at T = 0 and T > 0.
import { describe, expect, it } from 'vitest';
import { captionFor } from '../../src/charts/caption.ts';
import { formulaItems } from '../../src/charts/Formulas.tsx';
import { referenceSpecs } from '../../src/charts/learningCurveRefs.ts';
import { limitSplitSentence } from '../../src/claims/decomposition.ts';
import { claimHolds } from '../../src/lessons/claims.ts';
import type { LessonContext } from '../../src/lessons/fill.ts';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { REGIMES, showsPosterior } from '../../src/model/regimes.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import type { CurveResult } from '../../src/model/types.ts';

const base: Params = { ...DEFAULT_PARAMS, nt: 20, gamma: 1e-2, sigma2: 0.05 };
const STATES = REGIMES.flatMap((regime) =>
  [0, 1e-3].map((T): [string, Params] => [`${regime}, T = ${T}`, { ...base, regime, T }]),
);

function sites(p: Params, c: CurveResult) {
  const ctx: LessonContext = {
    params: p,
    at: 'inf',
    tAt: 100,
    curve: c,
    sweepP: null,
    sweepN: null,
    frontier: null,
    pin: null,
    pinCurve: null,
  };
  return {
    lines: referenceSpecs(c).some((r) => r.testId === 'posterior-mean-line'),
    caption: captionFor(c, p).includes('sample the Bayesian posterior'),
    formula: formulaItems(p, c).some((f) => f.key === 'posterior'),
    split: limitSplitSentence(p, c.limit.parts, c.limit.Eg).includes('posterior mean'),
    lesson: claimHolds('reachesPosterior', ctx),
  };
}

describe('one meaning of "shows the posterior"', () => {
  it('states cover both meanings', () => {
    expect(STATES.filter(([, p]) => showsPosterior(p))).toHaveLength(2);
    expect(STATES).toHaveLength(8);
  });

  it.each(STATES)('%s: every site agrees with showsPosterior', (_, p) => {
    const c = computeCurve(p);
    expect(c.limit.divergent).toBe(false);
    const want = showsPosterior(p);
    expect(sites(p, c)).toEqual({
      lines: want,
      caption: want,
      formula: want,
      split: want,
      lesson: want,
    });
  });

  it('the Bayesian posterior at T = 0 is the ridge predictor: its split names the ridge', () => {
    const p: Params = { ...base, regime: 'bayes', T: 0 };
    const c = computeCurve(p);
    // The ridge predictor's error is the posterior mean's, and there is no posterior variance.
    expect(c.limit.Egibbs).toBe(c.limit.Emean);
    expect(limitSplitSentence(p, c.limit.parts, c.limit.Eg)).toMatch(
      /^t → ∞: signal \(ridge bias\) \S+ \+ label noise \(ridge variance\) \S+ = E_g\(∞\) = \S+\.$/,
    );
  });
});
