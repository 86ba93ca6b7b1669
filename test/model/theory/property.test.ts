// Property test over the whole declared parameter box: every output finite (or an
// explicit ∞ limit flagged divergent), or a ParamError naming the parameter — never NaN.
import { describe, expect, it } from 'vitest';
import { computeCurve } from '../../../src/model/theory/curve.ts';
import { computeModes } from '../../../src/model/theory/modes.ts';
import { computeSweep } from '../../../src/model/theory/sweep.ts';
import { PARAM_SPECS, ParamError, REGIMES, type Params } from '../../../src/model/params.ts';
import { rng } from '../../state/random.ts';

/** A random configuration: each parameter uniform on its slider scale, edges and ∞ often. */
export function randomParams(r: () => number): Params {
  const out: Record<string, unknown> = {};
  for (const s of PARAM_SPECS) {
    if (s.kind === 'enum') {
      // The regime varies; the data stay the power law's (one draw each, as for every key).
      const u = r();
      out[s.key] = s.key === 'regime' ? REGIMES[Math.floor(u * REGIMES.length)] : s.default;
      continue;
    }
    const u = r();
    let v: number;
    if (u < 0.08) v = s.min;
    else if (u < 0.16) v = s.max;
    else if (s.allowInf && u < 0.3) v = Infinity;
    else if (s.scale === 'log') {
      const lo = s.min > 0 ? s.min : (s.logMin ?? 1e-6);
      v =
        s.min === 0 && u < 0.22
          ? 0
          : Math.exp(Math.log(lo) + r() * (Math.log(s.max) - Math.log(lo)));
    } else v = s.min + r() * (s.max - s.min);
    if (s.integer && Number.isFinite(v)) v = Math.round(v);
    out[s.key] = v;
  }
  const p = out as unknown as Params;
  if (!(p.tmax > p.tmin))
    [p.tmin, p.tmax] = [Math.min(p.tmin, p.tmax) / 10, Math.max(p.tmin, p.tmax)];
  p.nt = Math.min(p.nt, 40); // keeps the suite fast; nt only sets the grid density
  return p;
}

function checkFinite(label: string, xs: ArrayLike<number>) {
  for (let i = 0; i < xs.length; i++)
    if (!Number.isFinite(xs[i])) throw new Error(`${label}[${i}] = ${xs[i]}`);
}

describe('1000 random configurations across the box', () => {
  it('curves are finite everywhere; limits finite unless flagged divergent', () => {
    const r = rng(20261128);
    let typed = 0;
    for (let i = 0; i < 1000; i++) {
      const p = randomParams(r);
      const tag = `#${i} ${JSON.stringify(p)}`;
      try {
        const c = computeCurve(p);
        checkFinite(`${tag} Eg`, c.Eg);
        checkFinite(`${tag} Etr`, c.Etr);
        expect(c.Eg.length, tag).toBe(p.nt);
        expect(c.Etr.length, tag).toBe(p.nt);
        for (const v of c.Eg) expect(v, tag).toBeGreaterThanOrEqual(0);
        for (const v of c.Etr) expect(v, tag).toBeGreaterThanOrEqual(0);
        const es = c.earlyStop;
        if (es.case === 'none') expect(es.Eg === c.limit.Eg && es.t === Infinity, tag).toBe(true);
        else expect(Number.isFinite(es.Eg) && Number.isFinite(es.t) && es.Eg >= 0, tag).toBe(true);
        expect(Number.isNaN(c.limit.Eg), tag).toBe(false);
        if (!c.limit.divergent) expect(Number.isFinite(c.limit.Eg), tag).toBe(true);
        expect(Number.isFinite(c.limit.Emean) || c.limit.divergent, tag).toBe(true);
        for (const e of c.diagnosis.effects) expect(Number.isNaN(e.after), tag).toBe(false);
        if (c.fitT.fit) expect(Number.isFinite(c.fitT.fit.slope), tag).toBe(true);
      } catch (err) {
        if (!(err instanceof ParamError)) throw new Error(`${tag}: ${(err as Error).stack}`);
        expect(PARAM_SPECS.map((s) => s.key)).toContain(err.param);
        typed++;
      }
    }
    // The box is valid by construction: typed errors should be rare, not the rule.
    expect(typed).toBeLessThan(50);
  });

  it('modes and sweeps are finite on 60 random configurations', () => {
    const r = rng(7);
    for (let i = 0; i < 60; i++) {
      const p = randomParams(r);
      const tag = `#${i} ${JSON.stringify(p)}`;
      const m = computeModes(p);
      checkFinite(`${tag} modes`, m.frac);
      checkFinite(`${tag} boundary`, m.boundary);
      const s = computeSweep(
        p,
        i % 2 ? 'P' : 'N',
        (['inf', 't', 'tstar'] as const)[i % 3],
        p.tmax,
        { n: 5 },
      );
      expect(s.Eg.length, tag).toBeGreaterThanOrEqual(5);
      for (const v of s.Eg) expect(Number.isNaN(v), tag).toBe(false);
    }
  });

  it('out-of-domain values raise a ParamError naming the parameter', () => {
    const base = randomParams(rng(1));
    const bad: [keyof Params, number][] = [
      ['alpha', 1],
      ['beta', 0.5],
      ['P', 0],
      ['sigma2', -1],
      ['N', NaN],
      ['tmax', 0],
    ];
    for (const [key, v] of bad) {
      expect(() => computeCurve({ ...base, [key]: v })).toThrowError(ParamError);
      try {
        computeCurve({ ...base, [key]: v });
      } catch (err) {
        expect((err as ParamError).param).toBe(key);
      }
    }
  });
});
