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
  /** The request was posted to the worker (after waiting for the one before it). */
  sent?: number;
  /** The worker began and finished computing (its clock, on the page's time line). */
  begin?: number;
  end?: number;
  /** The answer reached the page. */
  answered?: number;
}

/** What the latency probe knows of a request before its curve is drawn. */
type Open = Omit<PerfSample, 'id' | 'commit' | 'paint'>;

interface PerfStore {
  samples: PerfSample[];
  /** Requests not yet drawn, by id (a request idle workers take at once is sent before noted). */
  open: Map<number, Partial<Open>>;
  /**
   * The drag's live pause, ms, when the benchmark sets it: its counting pass steps a slider more
   * slowly than a hand does and counts the work of the drag itself, without the panels' catch-up.
   */
  livePauseMs?: number;
  /** Each warm-up curve the curve's worker computed (warmUp.ts): its ms, and when it was answered. */
  warmUp?: { ms: number; at: number }[];
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
  store.open.set(id, { ...store.open.get(id), input: now - lastInput < 50 ? lastInput : now });
  if (store.open.size > 1000) store.open.delete(store.open.keys().next().value as number);
}

/** The chart committed the curve of request `id`. Requests older than it were superseded. */
export function noteCommit(id: number): void {
  const store = perfStore();
  if (!store) return;
  const open = store.open.get(id);
  for (const k of store.open.keys()) if (k <= id) store.open.delete(k);
  if (open?.input === undefined) return;
  const commit = performance.now();
  const sample: PerfSample = { id, ...open, input: open.input, commit, paint: commit };
  if (store.samples.length < MAX_SAMPLES) store.samples.push(sample);
  requestAnimationFrame(() => {
    sample.paint = performance.now();
  });
}

/** The request `id` was posted to its worker. */
export function noteSent(id: number): void {
  const store = perfStore();
  store?.open.set(id, { ...store.open.get(id), sent: performance.now() });
}

/**
 * The answer of request `id` reached the page; `span` is when the worker computed it (absolute
 * times, stamped by the worker in test builds: timeOrigin + now on either side).
 */
export function noteAnswered(id: number, span: { begin: number; end: number } | undefined): void {
  const open = perfStore()?.open.get(id);
  if (!open) return;
  open.answered = performance.now();
  if (span) {
    open.begin = span.begin - performance.timeOrigin;
    open.end = span.end - performance.timeOrigin;
  }
}

/** The live pause the benchmark asked for (test builds), else `ms`. */
export function livePause(ms: number): number {
  return perfStore()?.livePauseMs ?? ms;
}

/** The curve's worker computed a warm-up curve in `ms` (warmUp.ts). */
export function noteWarmUp(ms: number): void {
  const store = perfStore();
  if (store) (store.warmUp ??= []).push({ ms, at: performance.now() });
}
