// The parameter table: defaults valid, ranges consistent, untrusted records sanitised.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  coerceValue,
  sanitizeParams,
  timeGrid,
} from '../../src/model/params.ts';

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
});
