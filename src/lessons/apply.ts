// Moving between lessons: a lesson's configuration is parsed by the URL codec (it has the URL's
// shape) and applied as one history entry, so Back returns to the previous lesson.
import type { AppStore } from '../state/store.ts';
import { parseUrlState } from '../state/url.ts';
import { LESSONS, LESSON_IDS, lessonById } from './lessons.ts';

export function applyLesson(store: AppStore, id: string): void {
  const lesson = lessonById(id);
  if (!lesson) return;
  const { state } = parseUrlState(lesson.config, { lessonIds: LESSON_IDS });
  const s = store.getState();
  // The lesson sets the configuration and panels; the theme is the presenter's choice.
  state.view = { ...state.view, lesson: id, theme: s.view.theme };
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
