// Register the committed MNIST spectra with the engine (as the CLI does).
import { registerSpectrum, spectrumKey } from '../../src/model/theory/dataSpectra.ts';
import type { KernelKey } from '../../src/model/data/kernels.ts';
import type { TaskKey } from '../../src/model/data/tasks.ts';
import { committedSpectra } from './digitAssets.ts';

export function registerMnist(kernel: KernelKey, task: TaskKey, exact = false) {
  const t = committedSpectra()[kernel];
  const key = spectrumKey({ data: 'mnist', kernel, task }) as string;
  return registerSpectrum(key, { lam: t.eigenvalues, power: t.powers[task] }, exact);
}
