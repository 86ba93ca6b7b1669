// Binary tasks on the digits, labels ±1 (docs/theory.md §0: the target y of the MNIST world).
// The task keys are the values of the `task` parameter (URL, CLI).

export type TaskKey = 'parity' | 'lowhigh' | 'zero';

export const TASKS: readonly TaskKey[] = ['parity', 'lowhigh', 'zero'];

export const TASK_LABELS: Record<TaskKey, string> = {
  parity: 'even vs odd',
  lowhigh: '0–4 vs 5–9',
  zero: '0 vs the rest',
};

/** +1 for the first class of the task, −1 for the second. */
function sign(task: TaskKey, digit: number): number {
  switch (task) {
    case 'parity':
      return digit % 2 === 0 ? 1 : -1;
    case 'lowhigh':
      return digit <= 4 ? 1 : -1;
    case 'zero':
      return digit === 0 ? 1 : -1;
  }
}

/** The ±1 labels of the task for the given digits. */
export function taskLabels(task: TaskKey, digits: Uint8Array): Float64Array {
  const y = new Float64Array(digits.length);
  for (let i = 0; i < digits.length; i++) y[i] = sign(task, digits[i]);
  return y;
}
