import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, SPEC_BY_KEY } from '../../src/model/params.ts';
import { focusControls, lessonControls } from '../../src/lessons/controls.ts';
import { formatNumber } from '../../src/format/number.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import {
  fillText,
  lessonValues,
  sentenceText,
  type LessonContext,
} from '../../src/lessons/fill.ts';
import {
  expandLessonLink,
  lessonChanges,
  lessonState,
  withChange,
} from '../../src/lessons/apply.ts';
import { LESSONS, LESSON_IDS, lessonById } from '../../src/lessons/lessons.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { DEFAULT_VIEW } from '../../src/state/view.ts';

const empty: LessonContext = {
  params: DEFAULT_PARAMS,
  at: 'tstar',
  tAt: 100,
  curve: null,
  sweepP: null,
  sweepN: null,
  frontier: null,
  pin: null,
  pinCurve: null,
};
const KNOWN = new Set(Object.keys(lessonValues(empty)));

describe('lessons', () => {
  it('at least 8, with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSON_IDS).size).toBe(LESSONS.length);
  });

  it('configurations are valid links (no notice) that differ from each other', () => {
    const seen = new Set<string>();
    for (const l of LESSONS) {
      const { notices } = parseUrlState(l.config, { lessonIds: LESSON_IDS });
      expect(notices, l.id).toEqual([]);
      expect(seen.has(l.config), l.id).toBe(false);
      seen.add(l.config);
      // The "Try next" change is a valid link fragment too.
      const q = new URLSearchParams(l.config);
      for (const [k, v] of new URLSearchParams(l.next.change)) q.set(k, v);
      const next = parseUrlState(q.toString(), { lessonIds: LESSON_IDS });
      expect(next.notices, `${l.id} next`).toEqual([]);
    }
  });

  it('every {placeholder} is one fill.ts knows (no typo leaves a raw name on screen)', () => {
    for (const l of LESSONS) {
      const texts = [...l.text.flatMap((s) => [s.text, s.otherwise ?? '']), l.next.text];
      for (const t of texts)
        for (const [, name] of t.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g))
          expect(KNOWN.has(name), `${l.id}: {${name}}`).toBe(true);
    }
  });

  it('fills numbers from the live results, "…" while they are not computed', () => {
    expect(fillText('E* = {Estar} at t* ≈ {tstar}; P = {P}', lessonValues(empty))).toBe(
      'E* = … at t* ≈ …; P = 400',
    );
    const p = { ...DEFAULT_PARAMS, N: Infinity, sigma2: 0.1, M: 20000 };
    const curve = computeCurve(p, { window: 'auto' });
    const v = lessonValues({ ...empty, params: p, curve });
    // docs/lessons.md #3: E* = 0.0282, E(∞) = 0.0634 (the engine's E* is 0.02815).
    expect(Math.abs(curve.earlyStop.Eg - 0.0282)).toBeLessThan(1e-4);
    expect(v.Estar).toBe(formatNumber(curve.earlyStop.Eg, 3));
    expect(v.Einf).toBe('0.0634');
    expect(v.predT).toBe('−0.67');
    // Text that only looks like a placeholder is left alone.
    expect(fillText('(σ²/P)^{(β−1)/β} and {α/β} and {unknownName}', v)).toBe(
      '(σ²/P)^{(β−1)/β} and {α/β} and {unknownName}',
    );
  });

  it('a sentence whose claim is pending waits; one whose claim fails shows its alternative', () => {
    const dd = lessonById('double-descent')!;
    const s = dd.text[0];
    expect(sentenceText(s, empty, lessonValues(empty))).toBeNull();
    const p = lessonState(dd).params;
    const at600 = { ...p, N: 600 };
    const curve = computeCurve(at600, { window: 'auto' });
    const ctx = { ...empty, params: at600, at: 'inf' as const, curve };
    const text = sentenceText(s, ctx, lessonValues(ctx))!;
    expect(text).toContain('N = 600 and P = 300');
    expect(text).not.toContain('diverges');
  });

  it('?lesson=ID opens the lesson’s state; the link’s own keys win', () => {
    const dd = lessonById('double-descent')!;
    const opened = parseUrlState(expandLessonLink('?lesson=double-descent'), {
      lessonIds: LESSON_IDS,
    }).state;
    expect(opened.params).toEqual(lessonState(dd).params);
    expect(opened.view.lesson).toBe('double-descent');
    const changed = parseUrlState(expandLessonLink('?lesson=double-descent&N=600'), {
      lessonIds: LESSON_IDS,
    }).state;
    expect(changed.params.N).toBe(600);
    expect(changed.params.P).toBe(300);
    expect(expandLessonLink('?alpha=2')).toBe('?alpha=2');
  });

  it('names what the user changed away from the lesson, and nothing when unchanged', () => {
    const dd = lessonById('double-descent')!;
    const st = lessonState(dd);
    expect(lessonChanges(dd, st.params, st.view)).toEqual([]);
    const moved = withChange(st, dd.next.change);
    const ch = lessonChanges(dd, moved.params, moved.view);
    expect(ch.map((c) => `${c.name} = ${c.lessonValue}`)).toEqual(['N = 300']);
    expect(lessonChanges(dd, st.params, { ...st.view, at: 'tstar' })[0].name).toBe(
      'scaling panels',
    );
    expect(DEFAULT_VIEW.timeWindow).toBe('auto');
  });
});

describe('lecture sliders', () => {
  it('every lesson names two or three sliders, each a numeric parameter', () => {
    for (const l of LESSONS) {
      const keys = lessonControls(l);
      expect(keys.length, l.id).toBeGreaterThanOrEqual(2);
      expect(keys.length, l.id).toBeLessThanOrEqual(3);
      for (const k of keys) expect(SPEC_BY_KEY[k].kind, `${l.id}: ${k}`).toBe('number');
    }
  });

  it('a lesson without `controls` gets the parameters its "Try next" sets, then σ², P', () => {
    const base = LESSONS[0];
    const lesson = { ...base, controls: undefined, next: { text: '', change: 'beta=3' } };
    expect(lessonControls(lesson)).toEqual(['beta', 'sigma2']);
    expect(lessonControls({ ...lesson, next: { text: '', change: 'regime=bayes' } })).toEqual([
      'sigma2',
      'P',
    ]);
  });

  it('pinned sliders win over the lesson’s', () => {
    expect(focusControls(['T'], LESSONS[0])).toEqual(['T']);
    expect(focusControls([], LESSONS[0])).toEqual(LESSONS[0].controls);
  });
});
