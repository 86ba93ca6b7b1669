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
  LESSON_BOOK,
  applyLesson,
  goToStep,
  lessonChanges,
  lessonState,
  lessonStates,
  withChange,
} from '../../src/lessons/apply.ts';
import { LESSONS, LESSON_IDS, lessonById, type Lesson } from '../../src/lessons/lessons.ts';
import { lectureStage, stageOf, stagePanels, type StagePlace } from '../../src/lessons/stage.ts';
import { createAppStore, urlStateOf } from '../../src/state/store.ts';
import { parseUrlState, serializeUrlState } from '../../src/state/url.ts';
import { DEFAULT_VIEW } from '../../src/state/view.ts';

const book = { lessons: LESSON_BOOK };
/** Every sentence and "Try it" text of a lesson. */
const allTexts = (l: Lesson) => [
  ...[...l.text, ...l.steps.flatMap((s) => s.then)].flatMap((s) => [s.text, s.otherwise ?? '']),
  ...l.steps.map((s) => s.text),
];

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

  it('configurations and step changes are valid links (no notice) that differ from each other', () => {
    const seen = new Set<string>();
    for (const l of LESSONS) {
      const { notices } = parseUrlState(l.config, book);
      expect(notices, l.id).toEqual([]);
      expect(seen.has(l.config), l.id).toBe(false);
      seen.add(l.config);
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(1);
      // Each "Try it" change is a valid link fragment over the step before, and changes something.
      const states = lessonStates(l);
      expect(states).toHaveLength(l.steps.length + 1);
      l.steps.forEach((step, i) => {
        const read = parseUrlState(step.change, { base: states[i] });
        expect(read.notices, `${l.id} step ${i + 1}`).toEqual([]);
        expect(serializeUrlState(states[i + 1]), l.id).not.toBe(serializeUrlState(states[i]));
        expect(states[i + 1].view.step).toBe(i + 1);
        // A promise is made of claims: every sentence of a step's state names one.
        for (const t of step.then) expect(t.when, `${l.id}: ${t.text}`).toBeDefined();
      });
    }
  });

  it('every {placeholder} is one fill.ts knows (no typo leaves a raw name on screen)', () => {
    for (const l of LESSONS)
      for (const t of allTexts(l))
        for (const [, name] of t.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g))
          expect(KNOWN.has(name), `${l.id}: {${name}}`).toBe(true);
    // The "Try it" texts are read before the step is taken: they quote no number of the state.
    for (const l of LESSONS)
      for (const s of l.steps) expect(s.text, l.id).not.toMatch(/\{[A-Za-z][A-Za-z0-9]*\}/);
  });

  it('fills numbers from the live results, "…" while they are not computed', () => {
    expect(fillText('E* = {Estar} at t* ≈ {tstar}; P = {P}', lessonValues(empty))).toBe(
      'E* = … at t* ≈ …; P = 10⁶',
    );
    const p = { ...DEFAULT_PARAMS, P: 400, N: Infinity, sigma2: 0.1, M: 20000 };
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

  it('?lesson=ID&step=K opens that step’s state; the link’s own keys win', () => {
    const dd = lessonById('double-descent')!;
    const opened = parseUrlState('?lesson=double-descent', book).state;
    expect(opened).toEqual(lessonState(dd));
    expect(opened.view.lesson).toBe('double-descent');
    const changed = parseUrlState('?lesson=double-descent&N=600', book).state;
    expect(changed.params.N).toBe(600);
    expect(changed.params.P).toBe(300);
    const step = parseUrlState('?lesson=double-descent&step=1', book);
    expect(step.notices).toEqual([]);
    expect(step.state).toEqual(lessonState(dd, 1));
    expect(step.state.params.N).toBe(600);
    // A step beyond the last, or without a lesson, is named.
    const far = parseUrlState('?v=1&lesson=double-descent&step=7', book);
    expect(far.state.view.step).toBe(dd.steps.length);
    expect(far.notices.map((n) => n.key)).toEqual(['step']);
    expect(parseUrlState('?v=1&step=1', book).notices.map((n) => n.key)).toEqual(['step']);
  });

  it('lesson links report repeated keys and conflicting lessons like any other link', () => {
    const twice = parseUrlState('?v=1&lesson=compute&alpha=2&alpha=3', book);
    expect(twice.state.params.alpha).toBe(3);
    expect(twice.notices.map((n) => n.key)).toEqual(['alpha']);
    // Two lessons: the last is used, named in the notice, and it is its state that opens.
    const two = parseUrlState('?v=1&lesson=compute&lesson=noise', book);
    expect(two.notices.map((n) => n.key)).toEqual(['lesson']);
    expect(two.notices[0].message).toMatch(/“lesson” appears 2 times; the last value \(“noise”\)/);
    expect(two.state).toEqual(lessonState(lessonById('noise')!));
  });

  it('every view setting round-trips inside a lesson (a default that differs from the lesson’s is written)', () => {
    const compute = lessonById('compute')!;
    const store = createAppStore();
    applyLesson(store, 'compute');
    // Press 1: the scaling panels at t*, the default view, but not this lesson's.
    store.getState().setView({ at: 'tstar' });
    const q = serializeUrlState(urlStateOf(store.getState()), book);
    expect(q).toContain('at=tstar');
    expect(parseUrlState(q, book).state.view.at).toBe('tstar');
    // Every view setting moved back to its default, and the pins removed, come back as they were.
    const real = lessonById('real-digits')!;
    const st = lessonState(real);
    const moved = {
      ...st,
      pins: [],
      view: { ...st.view, panels: DEFAULT_VIEW.panels, timeWindow: 'auto' as const },
    };
    const back = parseUrlState(serializeUrlState(moved, book), book);
    expect(back.notices).toEqual([]);
    expect(back.state.view.panels).toEqual(DEFAULT_VIEW.panels);
    expect(back.state.view.timeWindow).toBe('auto');
    const six = lessonState(lessonById('stop-vs-decay')!);
    const unpinned = parseUrlState(serializeUrlState({ ...six, pins: [] }, book), book).state;
    expect(unpinned.pins).toEqual([]);
    // In its own state a lesson's link is short: the lesson and its parameters.
    expect(serializeUrlState(lessonState(compute), book)).not.toMatch(/panels=|at=|tat=/);
  });

  it('names what the user changed away from the step, and nothing when unchanged', () => {
    const dd = lessonById('double-descent')!;
    const st = lessonState(dd);
    expect(lessonChanges(dd, st.params, st.view)).toEqual([]);
    const moved = withChange(st, 'N=600');
    const ch = lessonChanges(dd, moved.params, moved.view);
    expect(ch.map((c) => `${c.name} = ${c.lessonValue}`)).toEqual(['N = 300']);
    expect(lessonChanges(dd, st.params, { ...st.view, at: 'tstar' })[0].name).toBe(
      'scaling panels',
    );
    // A parameter Play is sweeping, and the window it holds fixed, are not the user's changes.
    const playing = { ...st.params, N: 512, tmin: 0.1, tmax: 1e5 };
    const view = { ...st.view, timeWindow: 'manual' as const };
    expect(lessonChanges(dd, playing, view, { playing: ['N'] })).toEqual([]);
    expect(DEFAULT_VIEW.timeWindow).toBe('auto');
  });
});

describe('lesson steps ("Try it", "Back")', () => {
  it('"Try it" goes to the next step, which is not a user change; pressed twice, it stays there', () => {
    for (const l of LESSONS) {
      const store = createAppStore();
      applyLesson(store, l.id);
      const s = () => store.getState();
      for (let k = 1; k <= l.steps.length; k++) {
        const press = () => goToStep(store, l, s().view.step + 1);
        const from = s().view.step;
        press();
        expect(s().view.step, l.id).toBe(from + 1);
        const at = lessonState(l, k);
        expect(urlStateOf(s()), l.id).toEqual(at);
        // No "You changed" banner: the lesson made this change.
        expect(lessonChanges(l, s().params, s().view), l.id).toEqual([]);
        // The button the second press would hit names the same step: nothing changes.
        const before = urlStateOf(s());
        goToStep(store, l, k);
        expect(urlStateOf(s())).toEqual(before);
      }
      // No step after the last.
      goToStep(store, l, l.steps.length + 1);
      expect(s().view.step).toBe(l.steps.length);
      // Back returns to each earlier state.
      for (let k = l.steps.length - 1; k >= 0; k--) {
        goToStep(store, l, k);
        expect(urlStateOf(s()), l.id).toEqual(lessonState(l, k));
      }
    }
  });

  it('lesson 6: "Try it" says no "You changed regime, γ" (the lesson made the change)', () => {
    const l = lessonById('stop-vs-decay')!;
    const store = createAppStore();
    applyLesson(store, l.id);
    goToStep(store, l, 1);
    const s = store.getState();
    expect(s.params.regime).toBe('wd');
    expect(s.params.gamma).toBe(0.03);
    expect(s.pins.map((p) => p.regime)).toEqual(['gf']);
    expect(lessonChanges(l, s.params, s.view)).toEqual([]);
  });

  it('what the user changed stays theirs across a step, and is still named', () => {
    const l = lessonById('noise')!;
    const store = createAppStore();
    applyLesson(store, l.id);
    store.getState().setParam('P', 800);
    goToStep(store, l, 1);
    const s = store.getState();
    expect([s.params.P, s.params.sigma2]).toEqual([800, 0.4]);
    // The pin of the step is the state before it, at the user's P.
    expect([s.pins[0].P, s.pins[0].sigma2]).toEqual([800, 0.1]);
    expect(lessonChanges(l, s.params, s.view).map((c) => c.key)).toEqual(['P']);
  });
});

describe('stage panels (lecture mode’s first screen)', () => {
  it('every lesson step’s stage is shown in its own state; the curve otherwise', () => {
    for (const l of LESSONS)
      for (let k = 0; k <= l.steps.length; k++) {
        const st = lessonState(l, k);
        const stage = stagePanels(l, k, st.view.panels, st.params.data);
        expect(stage, `${l.id} step ${k}`).toEqual([
          ...(stageOf(l, k).length ? stageOf(l, k) : ['curve']),
        ]);
      }
    const phase = lessonById('phase')!;
    expect(stagePanels(phase, 0, ['scalingN'], 'powerlaw')).toEqual(['scalingN']);
    expect(stagePanels(phase, 0, [], 'powerlaw')).toEqual(['curve']);
    expect(stagePanels(lessonById('real-digits'), 0, [], 'mnist')).toEqual(['spectrum']);
    expect(stagePanels(undefined, 0, ['phase'], 'powerlaw')).toEqual(['curve']);
    // A step may name its own: the compute lesson's step is about the N-sweep's knee.
    expect(stageOf(lessonById('compute'), 1)[0]).toBe('scalingN');
  });

  it('the first panel that can stand there leads the stage; one more goes under it', () => {
    const place = (id: string): StagePlace =>
      id === 'curve'
        ? 'stage'
        : ['decomposition', 'order', 'inspector', 'simulation'].includes(id)
          ? 'under-curve'
          : id === 'formulas'
            ? null
            : 'instead-of-curve';
    expect(lectureStage(['spectrum', 'simulation'], place)).toEqual({
      main: 'spectrum',
      under: 'simulation',
    });
    expect(lectureStage(['inspector', 'order'], place)).toEqual({
      main: 'inspector',
      under: 'order',
    });
    expect(lectureStage(['formulas', 'phase', 'scalingN'], place)).toEqual({
      main: 'phase',
      under: null,
    });
    expect(lectureStage(['curve'], place)).toEqual({ main: 'curve', under: null });
    expect(lectureStage(['formulas'], place)).toEqual({ main: 'curve', under: null });
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

  it('a lesson without `controls` gets the parameters its first "Try it" sets, then σ², P', () => {
    const base = LESSONS[0];
    const step = (change: string) => [{ text: '', change, then: [] }];
    const lesson = { ...base, controls: undefined, steps: step('beta=3') };
    expect(lessonControls(lesson)).toEqual(['beta', 'sigma2']);
    expect(lessonControls({ ...lesson, steps: step('regime=bayes') })).toEqual(['sigma2', 'P']);
  });

  it('pinned sliders win over the lesson’s', () => {
    expect(focusControls(['T'], LESSONS[0])).toEqual(['T']);
    expect(focusControls([], LESSONS[0])).toEqual(LESSONS[0].controls);
  });
});
