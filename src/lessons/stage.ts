// What lecture mode puts on the first screen beside the lesson: the panels its text is about (the
// N sweep, the phase diagram, the measured spectrum and its Run button, the inspector, the
// decomposition: the lesson's `stage`), those of them shown in the state on screen, first the one
// to show largest; the learning curve when there is none (and without a lesson).
import type { DataSource } from '../model/params.ts';
import type { ViewState } from '../state/view.ts';
import type { Lesson, StageId } from './lessons.ts';

/** Whether a stage panel is on screen: a panel of the view, or the spectrum of measured data. */
function shown(id: StageId, panels: ViewState['panels'], data: DataSource): boolean {
  if (id === 'curve') return true;
  if (id === 'spectrum') return data !== 'powerlaw';
  return panels.includes(id);
}

/** The panels on the first screen in lecture mode, in order (never empty). */
export function stagePanels(
  lesson: Lesson | undefined,
  panels: ViewState['panels'],
  data: DataSource,
): StageId[] {
  const ids = (lesson?.stage ?? []).filter((id) => shown(id, panels, data));
  return ids.length ? ids : ['curve'];
}
