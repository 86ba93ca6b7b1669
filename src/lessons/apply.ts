// Moving between lessons and along one. A lesson is a sequence of states: step 0 is its
// configuration (parsed by the URL codec: it has the URL's shape), step k the state after its first
// k "Try it" changes, each a link fragment read over the step before. Going to a lesson or a step
// is one history entry, so Back returns to where it was; a link "?lesson=ID&step=K" opens that
// state with the link's own keys on top (the codec reads it over LESSON_BOOK). The panel names
// what the user changed away from the step's state and offers to reset it; a step the lesson took
// is not a user change.
import { PARAM_SPECS, enforceConstraints, type Params } from '../model/params.ts';
import { formatParam } from '../format/number.ts';
import type { AppStore } from '../state/store.ts';
import { paramSymbol } from '../state/symbols.ts';
import { parseUrlState, serializeUrlState, type LessonBook, type UrlState } from '../state/url.ts';
import { DEFAULT_VIEW, SWEEP_AT_LABELS, type ViewState } from '../state/view.ts';
import { LESSONS, LESSON_IDS, lessonById, type Lesson } from './lessons.ts';

/** The state `base` with the keys of `change` (a query fragment, as a link writes them) set. */
export function withChange(base: UrlState, change: string): UrlState {
  return parseUrlState(change, { base }).state;
}

const STATES = new Map<string, readonly UrlState[]>();

/** The states of a lesson's steps: its configuration, then each step's change over the last. */
export function lessonStates(lesson: Lesson): readonly UrlState[] {
  let states = STATES.get(lesson.id);
  if (!states) {
    const own = parseUrlState(lesson.config).state;
    const list: UrlState[] = [{ ...own, view: { ...own.view, lesson: lesson.id, step: 0 } }];
    lesson.steps.forEach((s, i) => {
      const next = withChange(list[i], s.change);
      list.push({ ...next, view: { ...next.view, step: i + 1 } });
    });
    STATES.set(lesson.id, (states = list));
  }
  return states;
}

/** The state of a lesson at a step (0: its own configuration). */
export function lessonState(lesson: Lesson, step = 0): UrlState {
  const states = lessonStates(lesson);
  return states[Math.max(0, Math.min(step, states.length - 1))];
}

/** The lessons as the URL codec reads and writes them. */
export const LESSON_BOOK: LessonBook = {
  ids: LESSON_IDS,
  steps: (id) => lessonById(id)?.steps.length ?? 0,
  stateAt: (id, k) => lessonState(lessonById(id)!, k),
};

export function applyLesson(store: AppStore, id: string, step = 0): void {
  const lesson = lessonById(id);
  if (!lesson) return;
  const state = lessonState(lesson, step);
  const s = store.getState();
  // The lesson sets the configuration and panels; the theme and the pinned lecture sliders are the
  // presenter's choice.
  const view = { ...state.view, theme: s.view.theme, controls: s.view.controls };
  s.applyUrlState({ ...state, view }, 'push', []);
}

/** Next (+1) or previous (−1) lesson; from no lesson, +1 starts at the first. */
export function stepLesson(store: AppStore, delta: 1 | -1): void {
  const current = LESSONS.findIndex((l) => l.id === store.getState().view.lesson);
  const next = current < 0 ? (delta > 0 ? 0 : LESSONS.length - 1) : current + delta;
  if (next < 0 || next >= LESSONS.length) return;
  applyLesson(store, LESSONS[next].id);
}

export function leaveLesson(store: AppStore): void {
  store.getState().setView({ lesson: null, step: 0 });
}

/** The keys the steps between two step numbers set (their changes' keys). */
function steppedKeys(lesson: Lesson, a: number, b: number): Set<string> {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return new Set(
    lesson.steps.slice(lo, hi).flatMap((s) => [...new URLSearchParams(s.change).keys()]),
  );
}

/**
 * Go to step k of the lesson on screen ("Try it": k + 1; "Back": k − 1): the step's state, with
 * what the user changed on the way kept (parameters and pins away from the current step's state
 * that no step in between sets), so the user's changes stay theirs and the lesson's are the
 * lesson's. The step's pins are re-read against the result, as a link's pins are (a pin of "the
 * state before" follows the user's P). Pressing twice goes to the same step twice: the second
 * press changes nothing.
 */
export function goToStep(store: AppStore, lesson: Lesson, k: number): void {
  const s = store.getState();
  if (s.view.lesson !== lesson.id || k < 0 || k > lesson.steps.length) return;
  const from = lessonState(lesson, s.view.step);
  const to = lessonState(lesson, k);
  const stepped = steppedKeys(lesson, s.view.step, k);
  const params = { ...to.params } as Record<keyof Params, unknown>;
  for (const { key } of PARAM_SPECS)
    if (!stepped.has(key) && !Object.is(s.params[key], from.params[key]))
      params[key] = s.params[key];
  const view = { ...to.view, theme: s.view.theme, controls: s.view.controls };
  const state: UrlState = { params: enforceConstraints(params as Params, []), view, pins: [] };
  const userPins =
    !stepped.has('pins') &&
    serializePins(s.pins, s.params) !== serializePins(from.pins, from.params);
  if (userPins) state.pins = [...s.pins];
  else {
    const written = new URLSearchParams(serializeUrlState(to)).get('pins');
    if (written !== null)
      state.pins = withChange(state, `pins=${encodeURIComponent(written)}`).pins;
  }
  s.applyUrlState(state, 'push', []);
}

/** Pins as a link writes them (relative to their configuration), to compare two lists. */
function serializePins(pins: readonly Params[], params: Params): string {
  return serializeUrlState({ params, view: DEFAULT_VIEW, pins: [...pins] });
}

export interface LessonChange {
  key: string;
  /** The symbol of the changed quantity, e.g. "N", "σ²". */
  name: string;
  /** The lesson's value, formatted. */
  lessonValue: string;
}

const TIME_KEYS = new Set<keyof Params>(['tmin', 'tmax', 'nt']);

export interface ChangeOptions {
  /** Keys Play is sweeping right now: its frames are not the user's changes (play/runPlay.ts). */
  playing?: readonly (keyof Params)[];
}

/**
 * What the user changed away from the state of the lesson's current step: parameters (the time
 * window only when the lesson or the user typed one) and where the scaling panels evaluate E_g.
 */
export function lessonChanges(
  lesson: Lesson,
  params: Params,
  view: ViewState,
  { playing = [] }: ChangeOptions = {},
): LessonChange[] {
  const ls = lessonState(lesson, view.step);
  const out: LessonChange[] = [];
  // While Play sweeps a parameter it holds the time window fixed: neither is the user's change.
  const sweeping = playing.length > 0;
  const bothAuto = ls.view.timeWindow === 'auto' && (view.timeWindow === 'auto' || sweeping);
  for (const spec of PARAM_SPECS) {
    const k = spec.key;
    if (k === 'seed' || k === 'seeds' || playing.includes(k)) continue;
    if (bothAuto && TIME_KEYS.has(k)) continue;
    const a = ls.params[k];
    const b = params[k];
    if (Object.is(a, b)) continue;
    out.push({
      key: k,
      name: paramSymbol(k),
      lessonValue: typeof a === 'number' ? formatParam(a) : String(a),
    });
  }
  if (ls.view.timeWindow !== view.timeWindow && !sweeping)
    out.push({ key: 'window', name: 'time window', lessonValue: ls.view.timeWindow });
  if (ls.view.at !== view.at)
    out.push({ key: 'at', name: 'scaling panels', lessonValue: SWEEP_AT_LABELS[ls.view.at] });
  else if (ls.view.at === 't' && ls.view.tAt !== view.tAt)
    out.push({ key: 'tat', name: 'fixed time', lessonValue: formatParam(ls.view.tAt) });
  return out;
}
