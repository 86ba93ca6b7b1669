// The parameter-only link codec shared by the app and the CLI: every key that is not a parameter
// is reported, values are clamped with a notice, and a link writes exactly what acts.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  REGIMES,
  actsWithData,
  isActive,
} from '../../src/model/params.ts';
import { linkParams, readParams, readQuery, writeParams } from '../../src/model/paramsCodec.ts';

const read = (q: string, otherKeys: string[] = []) => {
  const { values, notices } = readQuery(q);
  const r = readParams(values, { otherKeys });
  return { ...r, notices: [...notices, ...r.notices] };
};

describe('parameter codec', () => {
  it('reports every key that is not a parameter, and applies none of them', () => {
    const r = read('?v=1&alpha=2&alhpa=3&lesson=noise&__proto__=1');
    expect(r.params).toEqual({ ...DEFAULT_PARAMS, alpha: 2 });
    expect(r.given).toEqual(['alpha']);
    expect(r.notices.map((n) => n.key)).toEqual(['alhpa', 'lesson', '__proto__']);
    expect(r.notices[0].message).toBe('alhpa = “3”: not a parameter; ignored.');
  });

  it('keys the caller reads itself are neither parameters nor reported', () => {
    const r = read('?v=1&alpha=2&lesson=noise&zzz=1', ['lesson']);
    expect(r.notices.map((n) => n.key)).toEqual(['zzz']);
  });

  it('clamps with a notice and lists what the link gave', () => {
    const r = read('?v=1&P=0&regime=wd&gamma=0.01');
    expect(r.params.P).toBe(1);
    expect(r.given).toEqual(['P', 'regime', 'gamma']);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0].message).toMatch(/^P = “0”: below the minimum 1; set to 1\.$/);
  });

  it('writes the regime and exactly the parameters acting in it; reading it back gives linkParams', () => {
    for (const regime of REGIMES) {
      const p = { ...DEFAULT_PARAMS, regime, gamma: 0.02, T: 0.003, sigma02: 0.5 };
      const pairs = writeParams(p);
      expect(pairs.map(([k]) => k)).toEqual(
        PARAM_SPECS.filter((s) => isActive(s.key, regime) && actsWithData(s.key, p.data)).map(
          (s) => s.key,
        ),
      );
      const back = read(`v=1&${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);
      expect(back.notices).toEqual([]);
      expect(back.params).toEqual(linkParams(p));
    }
    expect(linkParams({ ...DEFAULT_PARAMS, gamma: 0.5 }).gamma).toBe(DEFAULT_PARAMS.gamma);
  });
});
