// The compute facade used by the UI. main.tsx installs the bridge; components call these
// functions (component tests replace this module with vi.mock: jsdom has no Worker).
import type { AppStore } from '../state/store.ts';
import { installCompute, type ComputeControls } from './bridge.ts';
import type { Prefetch } from './frames.ts';
import type { CurveRequest } from './plan.ts';
import type { RunFitOptions } from '../model/runfit/index.ts';

export { readSpectrum, type SpectrumInput } from './spectrumFile.ts';

let controls: ComputeControls | null = null;

export function startCompute(store: AppStore): ComputeControls {
  controls?.dispose();
  controls = installCompute(store);
  return controls;
}

/** Route the facade to controls installed elsewhere (the audit's in-process engine). */
export function adoptCompute(c: ComputeControls): void {
  controls = c;
}

export function startSimulation(): void {
  controls?.startSimulation();
}

export function cancelSimulation(): void {
  controls?.cancelSimulation();
}

export function retryCompute(): void {
  controls?.retry();
}

export function startRealSweep(): void {
  controls?.startRealSweep();
}

export function cancelRealSweep(): void {
  controls?.cancelRealSweep();
}

/** Fit the user's runs (the Fit my runs panel). */
export function startRunFit(source: string | Blob, name: string, options: RunFitOptions): void {
  controls?.startRunFit(source, name, options);
}

export function cancelRunFit(): void {
  controls?.cancelRunFit();
}

/** Compute a parameter sweep's curves ahead (Play); null before the bridge is installed. */
export function prefetchCurves(
  reqs: readonly CurveRequest[],
  onProgress: (done: number, total: number) => void,
): Prefetch | null {
  return controls?.prefetchCurves(reqs, onProgress) ?? null;
}
