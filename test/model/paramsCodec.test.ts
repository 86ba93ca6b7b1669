// The parameter-only link codec shared by the app and the CLI: every key that is not a parameter
// is reported, values are clamped with a notice, and a link writes exactly what acts.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  REGIMES,
  actsWithData,
  actsWithSchedule,
  isActive,
  type Params,
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
        PARAM_SPECS.filter(
          (s) =>
            isActive(s.key, regime) &&
            actsWithData(s.key, p.data) &&
            actsWithSchedule(s.key, p.schedule),
        ).map((s) => s.key),
      );
      const back = read(`v=1&${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);
      expect(back.notices).toEqual([]);
      expect(back.params).toEqual(linkParams(p));
    }
    expect(linkParams({ ...DEFAULT_PARAMS, gamma: 0.5 }).gamma).toBe(DEFAULT_PARAMS.gamma);
  });
});

describe('one-pass SGD in a link (docs/theory.md §9)', () => {
  const SGD: Params = {
    ...DEFAULT_PARAMS,
    regime: 'sgd',
    eta: 0.37,
    batch: 16,
    horizon: 123457,
    decay: 0.35,
    final: 0.1,
    warmup: 250,
  };

  it('every key of the regime round-trips, under each schedule; a schedule’s own keys only with it', () => {
    let checked = 0;
    for (const schedule of ['constant', 'cosine', 'wsd'] as const) {
      for (const batch of [16, Infinity]) {
        const p = { ...SGD, schedule, batch };
        const pairs = writeParams(p);
        const keys = pairs.map(([k]) => k);
        for (const k of ['eta', 'batch', 'schedule', 'horizon', 'warmup'])
          expect(keys).toContain(k);
        // P, γ, T and the time window do not act: the link does not carry them.
        for (const k of ['P', 'gamma', 'T', 'tmin', 'tmax']) expect(keys).not.toContain(k);
        expect(keys.includes('decay')).toBe(schedule === 'wsd');
        expect(keys.includes('final')).toBe(schedule !== 'constant');
        const back = read(`v=1&${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);
        expect(back.notices).toEqual([]);
        expect(back.params).toEqual(linkParams(p));
        for (const k of keys)
          expect(back.params[k as keyof Params], k).toEqual(p[k as keyof Params]);
        checked++;
      }
    }
    expect(checked).toBe(6);
  });

  it('bad SGD values: clamped or refused with a notice naming the key, never NaN', () => {
    const r = read('?v=1&regime=sgd&eta=0&batch=0.5&schedule=adam&horizon=3&final=2&warmup=-1');
    const keys = r.notices.map((n) => n.key);
    for (const k of ['eta', 'batch', 'schedule', 'horizon', 'final', 'warmup'])
      expect(keys).toContain(k);
    for (const k of ['eta', 'batch', 'horizon', 'final', 'warmup'] as const)
      expect(Number.isFinite(r.params[k]), k).toBe(true);
    expect(r.params.schedule).toBe(DEFAULT_PARAMS.schedule);
  });

  it('a schedule’s key under another schedule is noted as not acting', () => {
    const { values } = readQuery('?v=1&regime=sgd&schedule=cosine&decay=0.3');
    const r = readParams(values, { reportInactive: true });
    expect(r.notices.map((n) => n.key)).toEqual(['decay']);
    expect(r.notices[0].message).toMatch(/decay/);
  });
});
