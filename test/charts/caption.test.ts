import { describe, expect, it } from 'vitest';
import { captionFor, paramsPhrase, regimePhrase } from '../../src/charts/caption.ts';
import {
  basicCurve,
  divergentCurve,
  earlyStopCurve,
  langevinCurve,
  makeCurve,
  makeParams,
} from './fixtures.ts';

describe('captionFor', () => {
  it('states early stopping with the engine’s numbers (docs/lessons.md #3)', () => {
    const params = makeParams({ alpha: 1.5, beta: 2, P: 400, N: Infinity, sigma2: 0.1 });
    const curve = makeCurve({
      params,
      Eg: () => 0.05,
      Etr: () => 0.04,
      earlyStop: { t: 402, Eg: 0.02821, interior: true, gain: 2.248 },
      limit: { Eg: 0.0634 },
    });
    expect(captionFor(curve, params)).toBe(
      'Test error E_g (no noise floor) and training error E_tr under gradient flow for α = 1.5, β = 2, ' +
        'P = 400, N = ∞, σ² = 0.1. Early stopping at t* ≈ 4.0·10² gives E* = 0.0282, 2.2× below E_g(∞) = 0.0634.',
    );
  });

  it('follows the figure’s state', () => {
    const c = earlyStopCurve();
    expect(captionFor(c, c.params)).toContain(`E* = ${c.earlyStop.Eg.toPrecision(3)}`);
    const b = basicCurve();
    const text = captionFor(b, b.params);
    expect(text).toContain('σ² = 0.');
    expect(text).toContain(
      'E_g is still decreasing at t = 10⁶ (E_g = 0.0105) towards E_g(∞) = 0.0100.',
    );
    expect(text).toContain('Fitted slope −0.500 over t ∈ [10, 10³] (predicted −(β−1)/α = −0.500).');
  });

  it('says when early stopping does not pay and when E_g diverges', () => {
    const c = earlyStopCurve();
    c.earlyStop = { ...c.earlyStop, interior: false, t: c.t[c.t.length - 1] * 0.5 };
    c.Eg[c.Eg.length - 1] = 0.0634;
    expect(captionFor(c, c.params)).toContain('Early stopping does not pay here: E_g(∞) = 0.0634.');
    const d = divergentCurve();
    expect(captionFor(d, d.params)).toContain(
      'under Langevin dynamics at temperature T = 10⁻⁴ without weight decay',
    );
    expect(captionFor(d, d.params)).toContain('while E_g grows without bound as t → ∞.');
    d.earlyStop = { ...d.earlyStop, interior: false };
    expect(captionFor(d, d.params)).toContain('E_g grows without bound as t → ∞ (E_g(∞) = ∞).');
  });

  it('reports the posterior errors for Langevin dynamics', () => {
    const c = langevinCurve();
    expect(captionFor(c, c.params)).toContain(
      'At t → ∞ the weights sample the Bayesian posterior: Gibbs error 0.0487, posterior-mean error 0.0214.',
    );
  });

  it('works before any result exists', () => {
    expect(captionFor(null, makeParams())).toMatch(/No result computed yet\.$/);
  });

  it('never prints NaN or Infinity', () => {
    const c = makeCurve({
      Eg: () => NaN,
      Etr: () => Infinity,
      limit: { Eg: NaN, divergent: false },
    });
    expect(captionFor(c, c.params)).not.toMatch(/NaN|Infinity/);
  });
});

describe('caption phrases', () => {
  it('names each regime with its parameters', () => {
    expect(regimePhrase(makeParams({ regime: 'wd', gamma: 0.01 }))).toBe(
      'under gradient flow with weight decay γ = 0.01',
    );
    expect(regimePhrase(makeParams({ regime: 'langevin', gamma: 1e-3, T: 1e-4 }))).toBe(
      'under Langevin dynamics at temperature T = 10⁻⁴ with weight decay γ = 10⁻³',
    );
    expect(regimePhrase(makeParams({ regime: 'bayes', gamma: 1e-3, T: 1e-4 }))).toBe(
      'of Langevin dynamics sampling the Bayesian posterior (T = 10⁻⁴, γ = 10⁻³)',
    );
  });

  it('lists M and σ₀² only when they matter', () => {
    expect(paramsPhrase(makeParams())).toBe('α = 1.5, β = 2, P = 400, N = ∞, σ² = 0.1');
    expect(paramsPhrase(makeParams({ M: 2000, sigma02: 0.5, N: 1000 }))).toBe(
      'α = 1.5, β = 2, P = 400, N = 1000, M = 2000, σ² = 0.1, σ₀² = 0.5',
    );
  });
});
