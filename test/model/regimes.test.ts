// The regime table (src/model/regimes.ts): its records, the predicates derived from it, and the
// parameter table derived from them. The per-parameter lists below are the facts of
// docs/theory.md §0 written out once more, so that a record changed by mistake fails here.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  SPEC_BY_KEY,
  effectiveParams,
  sanitizeParams,
  validateParams,
  type Params,
} from '../../src/model/params.ts';
import {
  REGIME,
  REGIMES,
  hasDynamics,
  regimesWith,
  showsPosterior,
  withWeightDecay,
  type Regime,
} from '../../src/model/regimes.ts';

const ALL: Regime[] = ['gf', 'wd', 'langevin', 'bayes'];
const DYNAMIC: Regime[] = ['gf', 'wd', 'langevin'];

describe('the regime records', () => {
  it('are the four regimes of docs/theory.md §0, in the order of the controls', () => {
    expect(REGIMES).toEqual(ALL);
    for (const r of REGIMES) {
      expect(REGIME[r].id).toBe(r);
      for (const words of [REGIME[r].label, REGIME[r].short, REGIME[r].noun, REGIME[r].phrase])
        expect(words.length, r).toBeGreaterThan(1);
      expect(REGIME[r].description.length, r).toBeGreaterThan(80);
    }
  });

  it('name only parameters of the table (own parameters, the positive one)', () => {
    const named = REGIMES.flatMap((r) => [...REGIME[r].own, REGIME[r].positive?.key ?? 'P']);
    expect(named.length).toBeGreaterThan(0);
    for (const key of named) expect(SPEC_BY_KEY, key).toHaveProperty(key);
  });

  it('fill every placeholder of their caption phrase from γ and T only', () => {
    for (const r of REGIMES)
      for (const phrase of [REGIME[r].phrase, REGIME[r].phraseNoDecay ?? ''])
        expect(phrase.replace(/\{γ\}|\{T\}/g, ''), r).not.toMatch(/[{}]/);
  });
});

describe('the parameter table derives where each parameter acts from the records', () => {
  const acts: Record<string, Regime[]> = {
    gamma: ['wd', 'langevin', 'bayes'],
    T: ['langevin', 'bayes'],
    sigma02: DYNAMIC,
    tmin: DYNAMIC,
    tmax: DYNAMIC,
    nt: DYNAMIC,
  };
  it.each(PARAM_SPECS.map((s) => [s.key, s] as const))('%s', (key, spec) => {
    expect([...spec.regimes]).toEqual(acts[key] ?? ALL);
  });

  it('regimesWith reads the features', () => {
    expect(regimesWith('weightDecay')).toEqual(acts.gamma);
    expect(regimesWith('temperature')).toEqual(acts.T);
    expect(regimesWith('dynamics')).toEqual(DYNAMIC);
    expect(regimesWith('dataset')).toEqual(ALL);
  });
});

describe('predicates', () => {
  it('hasDynamics: every regime but the posterior has a time axis', () => {
    expect(ALL.filter(hasDynamics)).toEqual(DYNAMIC);
  });

  it('showsPosterior: exactly where T acts and T > 0 (the Gibbs law exp(−L/T), §4)', () => {
    const shown = (regime: Regime, T: number) => showsPosterior({ regime, T });
    expect(ALL.filter((r) => shown(r, 1e-4))).toEqual(['langevin', 'bayes']);
    expect(ALL.filter((r) => shown(r, 0))).toEqual([]);
  });

  it('withWeightDecay: gradient flow gains it as "wd"; the others have it', () => {
    expect(ALL.map(withWeightDecay)).toEqual(['wd', 'wd', 'langevin', 'bayes']);
  });

  it('effectiveParams neutralises what does not act: γ = T = 0 (gf), T = 0 (wd), σ₀² = 0 (bayes)', () => {
    const p: Params = { ...DEFAULT_PARAMS, gamma: 0.01, T: 0.02, sigma02: 0.5 };
    const eff = (regime: Regime) => {
      const q = effectiveParams({ ...p, regime });
      return [q.gamma, q.T, q.sigma02];
    };
    expect(eff('gf')).toEqual([0, 0, 0.5]);
    expect(eff('wd')).toEqual([0.01, 0, 0.5]);
    expect(eff('langevin')).toEqual([0.01, 0.02, 0.5]);
    expect(eff('bayes')).toEqual([0.01, 0.02, 0]);
    // Nothing else moves.
    const q = effectiveParams({ ...p, regime: 'gf' });
    expect({ ...q, gamma: p.gamma, T: p.T }).toEqual({ ...p, regime: 'gf' });
  });

  it('the posterior needs γ > 0: rejected by validation, reset (and said) in a link', () => {
    expect(() => validateParams({ ...DEFAULT_PARAMS, regime: 'bayes', gamma: 0 })).toThrowError(
      'the Bayesian posterior needs gamma > 0 (prior variance T/γ)',
    );
    const { params, notes } = sanitizeParams({ regime: 'bayes', gamma: '0' });
    expect(params.gamma).toBe(1e-3);
    expect(notes).toContainEqual({
      key: 'gamma',
      from: '0',
      to: '0.001',
      reason: 'the Bayesian posterior needs γ > 0 (prior variance T/γ)',
    });
    expect(() => validateParams({ ...DEFAULT_PARAMS, regime: 'langevin', gamma: 0 })).not.toThrow();
  });
});
