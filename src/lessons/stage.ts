// What lecture mode puts on the first screen beside the lesson: the panels its text is about (the
// N sweep, the phase diagram, the measured spectrum and its Run button, the inspector, the
// decomposition: the lesson's `stage`), those of them shown in the state on screen, first the one
// to show largest; the learning curve when there is none (and without a lesson). How each panel
// can stand there (instead of the curve, under it, or not at all) is the panel table's
// (ui/panels.ts `stage`), passed in: the lessons do not import the UI.
import type { DataSource } from '../model/params.ts';
import type { ViewState } from '../state/view.ts';
import type { Lesson, StageId } from './lessons.ts';

/** Whether a stage panel is on screen: a panel of the view, or the spectrum of measured data. */
function shown(id: StageId, panels: ViewState['panels'], data: DataSource): boolean {
  if (id === 'curve') return true;
  if (id === 'spectrum') return data !== 'powerlaw';
  return panels.includes(id);
}

/** The stage panels a lesson names at a step (a step may name its own), in order. */
export function stageOf(lesson: Lesson | undefined, step: number): readonly StageId[] {
  if (!lesson) return [];
  return (step > 0 ? lesson.steps[step - 1]?.stage : undefined) ?? lesson.stage ?? [];
}

/** The panels on the first screen in lecture mode, in order (never empty). */
export function stagePanels(
  lesson: Lesson | undefined,
  step: number,
  panels: ViewState['panels'],
  data: DataSource,
): StageId[] {
  const ids = stageOf(lesson, step).filter((id) => shown(id, panels, data));
  return ids.length ? ids : ['curve'];
}

/** How a panel can stand on the stage: the panel table's `StageFit.place` (ui/panels.ts). */
export type StagePlace = 'stage' | 'under-curve' | 'instead-of-curve' | null;

export interface LectureStage {
  /** The figure of the first screen: the learning curve, or the lesson's panel instead of it. */
  main: StageId;
  /** A panel under it (one on the curve's time axis; the simulation's Run button), or none. */
  under: StageId | null;
}

/**
 * The first screen's figures for the stage panels of a lesson step (stagePanels): the first that
 * can stand there leads it, instead of the curve; the next that can stand under a figure goes
 * under it; panels that cannot stand there stay below the fold, and so does the curve when a
 * panel leads. A panel on the curve's time axis (the decomposition, the inspector) leads rather
 * than squeeze under the curve: at 1280 × 720 the curve, its caption at 24 px and such a panel do
 * not fit one screen.
 */
export function lectureStage(
  ids: readonly StageId[],
  place: (id: StageId) => StagePlace,
): LectureStage {
  const stands = (id: StageId) => place(id) === 'instead-of-curve' || place(id) === 'under-curve';
  const main = ids.find(stands) ?? 'curve';
  const under = ids.find((id) => id !== main && place(id) === 'under-curve') ?? null;
  return { main, under };
}
