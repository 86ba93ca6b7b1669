// The fit as one job (docs/theory.md §10): a runs file's text and the options in, the outcome out
// (refused with the parser's or the fit's message, cancelled, or fitted). The app's worker runs it,
// parsing included, so that a file of a million rows never holds up the page; the progress a bar
// can show is thinned here (the fit reports every evaluation of the theory).
import { ParamError } from '../params.ts';
import {
  fitRuns,
  FitCancelled,
  FitError,
  type FitHooks,
  type FitProgress,
  type RunFitOptions,
  type RunFitResult,
} from './fitRuns.ts';
import { parseRunsText, type RunSet } from './runs.ts';

export type RunFitOutcome =
  | {
      kind: 'fitted';
      result: RunFitResult;
      /** The runs as read (long runs thinned), to be saved as the app's runs JSON. */
      set: RunSet;
      /** Runs and points given to the fit (before the warm-up cut). */
      runs: number;
      rows: number;
    }
  /** The file or the fit was refused: the message (with its line when the file has one). */
  | { kind: 'refused'; message: string; line: number | null }
  | { kind: 'cancelled' };

/** Smallest advance of the overall fraction that is reported (besides every change of stage). */
export const PROGRESS_STEP = 0.01;

/** A progress callback that passes on stage changes and advances of PROGRESS_STEP only. */
export function thinProgress(report: (p: FitProgress) => void): (p: FitProgress) => void {
  let stage = '';
  let last = -Infinity;
  return (p) => {
    if (p.stage === stage && p.fraction - last < PROGRESS_STEP && p.fraction < 1) return;
    stage = p.stage;
    last = p.fraction;
    report(p);
  };
}

/** Read and fit a runs file (CSV or the app's JSON). Other errors than the fit's own propagate. */
export function runFitJob(text: string, o: RunFitOptions, hooks: FitHooks = {}): RunFitOutcome {
  const parsed = parseRunsText(text, o.axis);
  if (!parsed.ok) return { kind: 'refused', message: parsed.message, line: parsed.line ?? null };
  const onProgress = hooks.onProgress && thinProgress(hooks.onProgress);
  try {
    const result = fitRuns(parsed, o, { ...hooks, onProgress });
    const rows = parsed.runs.reduce((s, r) => s + r.x.length, 0);
    const set = { runs: parsed.runs, notes: parsed.notes };
    return { kind: 'fitted', result, set, runs: parsed.runs.length, rows };
  } catch (e) {
    if (e instanceof FitCancelled) return { kind: 'cancelled' };
    if (e instanceof FitError || e instanceof ParamError)
      return { kind: 'refused', message: e.message, line: null };
    throw e;
  }
}
