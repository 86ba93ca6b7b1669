// Latency probe: time from the input event that changed the parameters to the commit of the
// redrawn curve for that request. Samples are exposed on window.__perf for the e2e benchmark
// (bench:e2e); the app itself never reads them, so the probe is recorded in test builds only.
import { TEST_HOOKS } from '../protocol/testHooks.ts';

export interface PerfSample {
  id: number;
  /** performance.now() of the input event. */
  input: number;
  /** DOM commit of the new curve path (layout effect). */
  commit: number;
  /** Next animation frame after the commit (the path is painted). */
  paint: number;
}

interface PerfStore {
  samples: PerfSample[];
  /** Requests not yet drawn: id → input time. */
  open: Map<number, number>;
  /**
   * The drag's live pause, ms, when the benchmark sets it: its counting pass steps a slider more
   * slowly than a hand does and counts the work of the drag itself, without the panels' catch-up.
   */
  livePauseMs?: number;
}

declare global {
  interface Window {
    __perf?: PerfStore;
  }
}

const MAX_SAMPLES = 5000;
let lastInput = -Infinity;

function perfStore(): PerfStore | null {
  if (!TEST_HOOKS || typeof window === 'undefined') return null;
  window.__perf ??= { samples: [], open: new Map() };
  return window.__perf;
}

/** Called from a control's input handler: the time the user acted. */
export function noteInput(): void {
  lastInput = performance.now();
}

/** A curve request was submitted; its input time is the last noted input if recent. */
export function noteRequest(id: number): void {
  const store = perfStore();
  if (!store) return;
  const now = performance.now();
  store.open.set(id, now - lastInput < 50 ? lastInput : now);
  if (store.open.size > 1000) store.open.delete(store.open.keys().next().value as number);
}

/** The chart committed the curve of request `id`. Requests older than it were superseded. */
export function noteCommit(id: number): void {
  const store = perfStore();
  if (!store) return;
  const input = store.open.get(id);
  for (const k of store.open.keys()) if (k <= id) store.open.delete(k);
  if (input === undefined) return;
  const commit = performance.now();
  const sample: PerfSample = { id, input, commit, paint: commit };
  if (store.samples.length < MAX_SAMPLES) store.samples.push(sample);
  requestAnimationFrame(() => {
    sample.paint = performance.now();
  });
}

/** The live pause the benchmark asked for (test builds), else `ms`. */
export function livePause(ms: number): number {
  return perfStore()?.livePauseMs ?? ms;
}
