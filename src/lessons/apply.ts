// Moving between lessons and within one. A lesson owns its state: its configuration is parsed by
// the URL codec (it has the URL's shape) and applied as one history entry, so Back returns to the
// previous lesson; a link "?lesson=ID" opens that state (explicit keys of the link on top); the
// panel names what the user changed and offers to reset it; "Try next" applies the lesson's next
// change over the current state.
import type { Params } from '../model/params.ts';
import { PARAM_SPECS } from '../model/params.ts';
import { formatParam } from '../format/number.ts';
import { urlStateOf, type AppStore } from '../state/store.ts';
import { paramSymbol } from '../state/symbols.ts';
import { parseUrlState, serializeUrlState, type UrlState } from '../state/url.ts';
import type { ViewState } from '../state/view.ts';
import { LESSONS, LESSON_IDS, lessonById, type Lesson } from './lessons.ts';

export function lessonState(lesson: Lesson): UrlState {
  return parseUrlState(lesson.config, { lessonIds: LESSON_IDS }).state;
}

export function applyLesson(store: AppStore, id: string): void {
  const lesson = lessonById(id);
  if (!lesson) return;
  const state = lessonState(lesson);
  const s = store.getState();
  // The lesson sets the configuration and panels; the theme and the pinned lecture sliders are the
  // presenter's choice.
  state.view = { ...state.view, lesson: id, theme: s.view.theme, controls: s.view.controls };
  s.applyUrlState(state, 'push', []);
}

/** Next (+1) or previous (−1) lesson; from no lesson, +1 starts at the first. */
export function stepLesson(store: AppStore, delta: 1 | -1): void {
  const current = LESSONS.findIndex((l) => l.id === store.getState().view.lesson);
  const next = current < 0 ? (delta > 0 ? 0 : LESSONS.length - 1) : current + delta;
  if (next < 0 || next >= LESSONS.length) return;
  applyLesson(store, LESSONS[next].id);
}

export function leaveLesson(store: AppStore): void {
  store.getState().setView({ lesson: null });
}

/** Apply a lesson's "Try next" change (a query fragment) over the current state. */
export function applyNext(store: AppStore, lesson: Lesson): void {
  const s = store.getState();
  s.applyUrlState(withChange(urlStateOf(s), lesson.next.change), 'push', []);
}

/** The state `base` with the keys of `change` (a query fragment) set. */
export function withChange(base: UrlState, change: string): UrlState {
  const q = new URLSearchParams(serializeUrlState(base));
  for (const [k, v] of new URLSearchParams(change)) q.set(k, v);
  return parseUrlState(q.toString(), { lessonIds: LESSON_IDS }).state;
}

/**
 * A link naming a lesson opens the lesson's state: the lesson's configuration with the link's own
 * keys on top (a link copied inside a lesson carries the user's changes). Other links unchanged.
 */
export function expandLessonLink(search: string): string {
  const q = new URLSearchParams(search);
  const lesson = lessonById(q.get('lesson'));
  if (!lesson) return search;
  const merged = new URLSearchParams(lesson.config);
  for (const [k, v] of q) merged.set(k, v);
  return `?${merged.toString()}`;
}

export interface LessonChange {
  key: string;
  /** The symbol of the changed quantity, e.g. "N", "σ²". */
  name: string;
  /** The lesson's value, formatted. */
  lessonValue: string;
}

const TIME_KEYS = new Set<keyof Params>(['tmin', 'tmax', 'nt']);

/**
 * What the user changed away from the lesson's state: parameters (the time window only when the
 * lesson or the user typed one) and where the scaling panels evaluate E_g.
 */
export function lessonChanges(lesson: Lesson, params: Params, view: ViewState): LessonChange[] {
  const ls = lessonState(lesson);
  const out: LessonChange[] = [];
  const bothAuto = ls.view.timeWindow === 'auto' && view.timeWindow === 'auto';
  for (const spec of PARAM_SPECS) {
    const k = spec.key;
    if (k === 'seed' || k === 'seeds') continue;
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
  if (ls.view.timeWindow !== view.timeWindow)
    out.push({ key: 'window', name: 'time window', lessonValue: ls.view.timeWindow });
  if (ls.view.at !== view.at)
    out.push({ key: 'at', name: 'scaling panels', lessonValue: AT_WORDS[ls.view.at] });
  else if (ls.view.at === 't' && ls.view.tAt !== view.tAt)
    out.push({ key: 'tat', name: 'fixed time', lessonValue: formatParam(ls.view.tAt) });
  return out;
}

const AT_WORDS: Record<ViewState['at'], string> = {
  tstar: 'at t*',
  t: 'at fixed t',
  inf: 'at t → ∞',
};
