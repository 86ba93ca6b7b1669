// Register the committed spectra of a pool source with the engine (as the CLI does).
import { registerSpectrum, spectrumKey } from '../../src/model/theory/dataSpectra.ts';
import type { KernelKey } from '../../src/model/data/kernels.ts';
import type { DataSource, TaskKey } from '../../src/model/data/sources.ts';
import { committedSpectra } from './digitAssets.ts';

export function registerMeasured(
  data: DataSource,
  kernel: KernelKey,
  task: TaskKey,
  exact = false,
) {
  const t = committedSpectra(data)[kernel];
  const key = spectrumKey({ data, kernel, task }) as string;
  return registerSpectrum(key, { lam: t.eigenvalues, power: t.powers[task] }, exact);
}

export function registerMnist(kernel: KernelKey, task: TaskKey, exact = false) {
  return registerMeasured('mnist', kernel, task, exact);
}
