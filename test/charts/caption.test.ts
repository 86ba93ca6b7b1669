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
      earlyStop: { case: 'inside', t: 402, Eg: 0.02821, gain: 2.248 },
      limit: { Eg: 0.0634 },
    });
    expect(captionFor(curve, params)).toBe(
      'Test error E_g on clean labels and training error E_{tr} under gradient flow for α = 1.5, β = 2, ' +
        'P = 400, N = ∞, σ² = 0.1. Early stopping pays: E_g is lowest, E* = 0.0282, at t* ≈ 4.0·10²; ' +
        'training on to t → ∞ ends at E_g(∞) = 0.0634, 2.25× higher.',
    );
  });

  it('follows the figure’s state: the fit with its window and the law with its condition', () => {
    const c = earlyStopCurve();
    expect(captionFor(c, c.params)).toContain(`E* = ${c.earlyStop.Eg.toPrecision(3)}`);
    const b = basicCurve();
    const text = captionFor(b, b.params);
    expect(text).toContain('σ² = 0.');
    expect(text).toContain(
      'No early-stopping gain: E_g decreases monotonically to E_g(∞) = 0.0100',
    );
    expect(text).toContain('At t_{max} = 10⁶ it is still at 0.0105.');
    expect(text).toContain('Where the slope is stable (t ∈ [10, 10³]) E_g falls as t^{−0.500};');
    expect(text).toContain('the time-limited law predicts −(β−1)/α = −0.667');
  });

  it('three cases of early stopping, each in its own words', () => {
    const c = earlyStopCurve();
    const inside = captionFor(c, c.params);
    expect(inside).toContain('Early stopping pays');
    c.earlyStop = { ...c.earlyStop, case: 'beyond', side: 'after', t: 3e6 };
    expect(captionFor(c, c.params)).toContain('E_g is still falling at t_{max} = 10⁶; its minimum');
    expect(captionFor(c, c.params)).toContain('beyond the window');
    c.earlyStop = { ...c.earlyStop, case: 'beyond', side: 'before', t: 3e-3 };
    expect(captionFor(c, c.params)).toContain('before the window starts');
    c.earlyStop = {
      case: 'none',
      t: Infinity,
      Eg: 0.0634,
      gain: 1,
      side: null,
      monotone: false,
      open: null,
    };
    const none = captionFor(c, c.params);
    expect(none).toContain('No early-stopping gain');
    expect(none).not.toMatch(/1\.0×|does not pay/);
    const d = divergentCurve();
    expect(captionFor(d, d.params)).toContain(
      'under Langevin dynamics at temperature T = 10⁻⁴ without weight decay',
    );
    expect(captionFor(d, d.params)).toContain('E_g grows without bound as t → ∞.');
  });

  it('reports the posterior errors for Langevin dynamics', () => {
    const c = langevinCurve();
    expect(captionFor(c, c.params)).toContain(
      'At t → ∞ the weights sample the Bayesian posterior: Gibbs error 0.0487, posterior-mean error 0.0214.',
    );
  });

  it('names E_tr only while it is drawn', () => {
    const c = basicCurve();
    expect(captionFor(c, c.params)).toMatch(
      /^Test error E_g on clean labels and training error E_\{tr\} /,
    );
    const hidden = captionFor(c, c.params, undefined, { showEtr: false });
    expect(hidden).toMatch(/^Test error E_g on clean labels under /);
    expect(hidden).not.toMatch(/E_\{tr\}|E_tr|training error/);
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
