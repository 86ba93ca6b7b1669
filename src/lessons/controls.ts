// Which sliders stand beside the plot in lecture mode: those the lecturer pinned (view key
// `controls`), else those the lesson names, else the parameters its first "Try it" change sets, topped
// up from the usual suspects (noise, data, model size) to two. At most three: a projected screen
// has room for the plot, the lesson and three sliders, not for the whole control panel.
import { PARAM_SPECS, type NumericKey } from '../model/params.ts';
import { MAX_FOCUS_CONTROLS } from '../state/view.ts';
import type { Lesson } from './lessons.ts';

const FALLBACK: readonly NumericKey[] = ['sigma2', 'P', 'N'];
const NUMERIC_KEYS = new Set<string>(
  PARAM_SPECS.filter((s) => s.kind === 'number').map((s) => s.key),
);

/** The numeric parameters a query fragment sets, in order ("alpha=1.2&beta=4" → alpha, beta). */
function changedKeys(change: string): NumericKey[] {
  return [...new URLSearchParams(change).keys()].filter((k): k is NumericKey =>
    NUMERIC_KEYS.has(k),
  );
}

/** The sliders a lesson is about (its `controls`, or the default described above). */
export function lessonControls(lesson: Lesson | undefined): NumericKey[] {
  if (lesson?.controls?.length) return lesson.controls.slice(0, MAX_FOCUS_CONTROLS);
  const keys = lesson?.steps.length ? changedKeys(lesson.steps[0].change) : [];
  for (const k of FALLBACK) if (keys.length < 2 && !keys.includes(k)) keys.push(k);
  return keys.slice(0, MAX_FOCUS_CONTROLS);
}

/** The sliders shown: the pinned ones when any, else the lesson's. */
export function focusControls(
  pinned: readonly NumericKey[],
  lesson: Lesson | undefined,
): NumericKey[] {
  return pinned.length ? pinned.slice(0, MAX_FOCUS_CONTROLS) : lessonControls(lesson);
}
