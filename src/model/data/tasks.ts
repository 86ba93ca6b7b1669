// Binary tasks on a pool, labels ±1 (docs/theory.md §0: the target y of a measured source). Each
// source's record (sources.ts) lists its tasks and the classes each labels +1; the task keys are
// the values of the `task` parameter (URL, CLI).
import { ALL_TASKS, type TaskKey, type TaskSpec } from './sources.ts';

export type { TaskKey } from './sources.ts';

/** Every task key of every source (the `task` parameter's options). */
export const TASKS: readonly TaskKey[] = ALL_TASKS.map((t) => t.key);

export const TASK_LABELS = Object.fromEntries(ALL_TASKS.map((t) => [t.key, t.label])) as Record<
  TaskKey,
  string
>;

/** The ±1 labels of the task for the given class labels. */
export function taskLabels(task: Pick<TaskSpec, 'positive'>, classes: Uint8Array): Float64Array {
  const y = new Float64Array(classes.length);
  for (let i = 0; i < classes.length; i++) y[i] = task.positive.includes(classes[i]) ? 1 : -1;
  return y;
}
