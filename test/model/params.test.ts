// The parameter table: defaults valid, ranges consistent, untrusted records sanitised.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  ParamError,
  coerceValue,
  describeRange,
  validateParams,
  sanitizeParams,
  timeGrid,
} from '../../src/model/params.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { simulateSeed } from '../../src/model/simulation/simulate.ts';
import { simulationModes } from '../../src/model/simulation/simulationModes.ts';

describe('parameter table', () => {
  it('every default lies in its range and every key is unique', () => {
    const keys = new Set<string>();
    for (const s of PARAM_SPECS) {
      expect(keys.has(s.key)).toBe(false);
      keys.add(s.key);
      if (s.kind === 'number') {
        expect(s.min).toBeLessThan(s.max);
        const d = s.default;
        expect(d === Infinity ? s.allowInf : d >= s.min && d <= s.max, s.key).toBe(true);
        expect(coerceValue(s, String(d === Infinity ? 'inf' : d)).reason, s.key).toBeNull();
      } else expect(s.options).toContain(s.default);
    }
    expect(sanitizeParams({}).notes).toEqual([]);
  });

  it('prototype keys from an untrusted record are ignored, not applied', () => {
    const { params, notes } = sanitizeParams({
      toString: '1',
      __proto__: '2',
      constructor: 'x',
      hasOwnProperty: 3,
    });
    expect(params).toEqual(DEFAULT_PARAMS);
    expect(Object.keys(params).sort()).toEqual(Object.keys(DEFAULT_PARAMS).sort());
    // Reported, not dropped silently ("__proto__" in a literal is not an own key).
    expect(notes.map((n) => [n.key, n.to, n.reason])).toEqual([
      ['toString', '', 'not a parameter'],
      ['constructor', '', 'not a parameter'],
      ['hasOwnProperty', '', 'not a parameter'],
    ]);
  });

  it('clamps and reports; accepts inf only where allowed', () => {
    const { params, notes } = sanitizeParams({
      alpha: '99',
      N: 'inf',
      P: 'inf',
      sigma2: '-1',
      nt: '12.4',
    });
    expect(params.alpha).toBe(4);
    expect(params.N).toBe(Infinity);
    expect(params.P).toBe(1e7);
    expect(params.sigma2).toBe(0);
    expect(params.nt).toBe(12);
    expect(notes.map((n) => n.key).sort()).toEqual(['P', 'alpha', 'nt', 'sigma2']);
  });

  it('the time grid is log-spaced and hits both ends exactly', () => {
    const t = timeGrid(1e-2, 1e6, 25);
    expect(t[0]).toBe(1e-2);
    expect(t[24]).toBe(1e6);
    for (let i = 1; i < 25; i++) expect(t[i] / t[i - 1]).toBeCloseTo(10 ** (8 / 24), 10);
  });

  it('grids of different sizes share their times at equal fractions bit for bit (a dragged n_t hits the cache)', () => {
    const shared = (n: number, m: number) => {
      const a = timeGrid(3e-2, 7e5, n + 1);
      const b = timeGrid(3e-2, 7e5, m + 1);
      let count = 0;
      for (let i = 0; i <= n; i++)
        for (let j = 0; j <= m; j++)
          if (i * m === j * n) {
            expect(a[i], `${i}/${n} = ${j}/${m}`).toBe(b[j]);
            count++;
          }
      return count;
    };
    expect(shared(200, 100)).toBe(101);
    expect(shared(198, 297)).toBe(100);
    expect(shared(150, 240)).toBe(31);
  });
});

describe('validateParams: one validation, derived from the table', () => {
  it('accepts each bound of every numeric spec and rejects just outside it, naming the key', () => {
    for (const s of PARAM_SPECS) {
      if (s.kind !== 'number') continue;
      const at = (v: number) => () =>
        validateParams({ ...DEFAULT_PARAMS, [s.key]: v }, { keys: [s.key] });
      expect(at(s.min), s.key).not.toThrow();
      expect(at(s.max), s.key).not.toThrow();
      for (const v of [s.min - Math.max(1e-9, s.min * 1e-9), s.max * (1 + 1e-9), NaN]) {
        expect(at(v), `${s.key} = ${v}`).toThrowError(ParamError);
        try {
          at(v)();
        } catch (err) {
          expect((err as ParamError).param).toBe(s.key);
          expect((err as ParamError).message).toContain(describeRange(s));
        }
      }
      if (s.allowInf) expect(at(Infinity), s.key).not.toThrow();
      else expect(at(Infinity), s.key).toThrowError(ParamError);
      if (s.integer) expect(at(s.min + 0.5), s.key).toThrowError(ParamError);
    }
  });

  it('the engine and the simulator use it: α = 1.04 (table minimum 1.05) and M = 1 (minimum 2) are errors', () => {
    expect(() => computeCurve({ ...DEFAULT_PARAMS, alpha: 1.04 })).toThrowError(/alpha.*1\.05/);
    const small = { ...DEFAULT_PARAMS, P: 8, N: 8, M: 1 };
    expect(() => simulateSeed(small, Float64Array.of(1), 1, 0)).toThrowError(/M.*\[2, /);
    expect(() => simulationModes(small)).toThrowError(ParamError);
  });

  it('whole configurations: tmin < tmax and the Bayesian posterior needs γ > 0', () => {
    expect(() => validateParams({ ...DEFAULT_PARAMS, tmin: 10, tmax: 10 })).toThrowError(/tmax/);
    expect(() => validateParams({ ...DEFAULT_PARAMS, regime: 'bayes', gamma: 0 })).toThrowError(
      /gamma > 0/,
    );
    expect(() => validateParams(DEFAULT_PARAMS)).not.toThrow();
  });
});
