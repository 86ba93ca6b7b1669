import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { fillText, lessonValues } from '../../src/lessons/fill.ts';
import { LESSONS, LESSON_IDS } from '../../src/lessons/lessons.ts';
import { parseUrlState } from '../../src/state/url.ts';

const ctx = {
  params: DEFAULT_PARAMS,
  tAt: 100,
  curve: null,
  sweepP: null,
  sweepN: null,
  frontier: null,
  pin: null,
  pinCurve: null,
};
const KNOWN = new Set(Object.keys(lessonValues(ctx)));

/** A minimal curve result: the fields lessonValues reads. */
const curve = {
  params: DEFAULT_PARAMS,
  t: new Float64Array([1, 10]),
  Eg: new Float64Array([0.5, 0.04]),
  Etr: new Float64Array([0.5, 0.03]),
  earlyStop: { t: 412.3, Eg: 0.02821, interior: true, gain: 2.25 },
  limit: {
    kappa: 0,
    Emean: 0.0214,
    EtrMean: 0,
    postVarPerT: 274,
    Egibbs: 0.0487,
    Eg: 0.0634,
    Etr: 0,
    divergent: false,
  },
  exponents: {
    predicted: { t: -2 / 3, P: -1, N: -1, earlyStopP: -0.5, compute: -1 / 2.5, computeN: 1 / 2.5 },
    fittedT: { slope: -0.671, intercept: 0, r2: 1, xmin: 10, xmax: 1e4, n: 20 },
    bottleneck: 'time',
    contributions: { time: 0, data: 0, model: 0, noise: 0 },
    explanation: '',
  },
  ms: 1,
} as unknown as CurveResult;

describe('lessons', () => {
  it('at least 8, with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSON_IDS).size).toBe(LESSONS.length);
  });

  it('configurations are valid links (no notice) that differ from each other', () => {
    const seen = new Set<string>();
    for (const l of LESSONS) {
      const { notices } = parseUrlState(l.config);
      expect(notices, l.id).toEqual([]);
      expect(seen.has(l.config), l.id).toBe(false);
      seen.add(l.config);
    }
  });

  it('every {placeholder} is one fill.ts knows (no typo leaves a raw name on screen)', () => {
    for (const l of LESSONS) {
      for (const t of [...l.text, l.next]) {
        for (const [, name] of t.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)) {
          expect(KNOWN.has(name), `${l.id}: {${name}}`).toBe(true);
        }
      }
    }
  });

  it('fills numbers from the results, and "…" while they are not computed', () => {
    const pending = fillText('E* = {Estar} at t* ≈ {tstar}; P = {P}', lessonValues(ctx));
    expect(pending).toBe('E* = … at t* ≈ …; P = 400');
    const v = lessonValues({ ...ctx, curve });
    expect(fillText('{Estar} {tstar} {Einf} {gain} {fitT} {predT}', v)).toBe(
      '0.0282 4.1·10² 0.0634 2.25 −0.67 −0.67',
    );
    expect(fillText('{Epm} {postVar}', v)).toBe('0.0214 0.0274');
    // Text that only looks like a placeholder is left alone.
    expect(fillText('(σ²/P)^{(β−1)/β} and {α/β} and {unknownName}', v)).toBe(
      '(σ²/P)^{(β−1)/β} and {α/β} and {unknownName}',
    );
  });

  it('a divergent limit reads ∞', () => {
    const div = {
      ...curve,
      limit: { ...curve.limit, divergent: true, Eg: Infinity },
    } as CurveResult;
    expect(lessonValues({ ...ctx, curve: div }).Einf).toBe('∞');
  });
});
