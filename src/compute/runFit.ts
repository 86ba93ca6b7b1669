// Fitting the user's runs (docs/theory.md §10) on a worker of its own: one fit at a time, its
// progress and outcome filed in the store's results (runfit). A new fit supersedes the one
// running; cancelling terminates the worker (the fit is one synchronous computation there), which
// the next fit restarts. The worker parses the file too: the page never holds a large file's rows.
import * as Comlink from 'comlink';
import type { FitProgress, RunFitOptions, RunFitOutcome } from '../model/runfit/index.ts';
import type { RunFitApi } from '../protocol/api.ts';
import { WorkerCrash } from '../protocol/errors.ts';
import type { AppStore, RunFitRun } from '../state/store.ts';
import { callError, unwrap } from './client.ts';
import type { WorkerPort } from './workerHandle.ts';

export interface RunFitRunner {
  /** Fit `source` (pasted text or a file) named `name`; resolves when the outcome is filed. */
  start(source: string | Blob, name: string, options: RunFitOptions): Promise<void>;
  cancel(): void;
}

/** The run's fields an outcome sets. */
function outcomeFields(o: RunFitOutcome): Partial<RunFitRun> {
  switch (o.kind) {
    case 'fitted':
      return { status: 'done', result: o.result, set: o.set, runs: o.runs, rows: o.rows };
    case 'refused':
      return { status: 'refused', refusal: { message: o.message, line: o.line } };
    case 'cancelled':
      return { status: 'cancelled' };
  }
}

export function createRunFitRunner(port: WorkerPort<RunFitApi>, store: AppStore): RunFitRunner {
  const st = () => store.getState();
  let seq = st().results.runfit?.seq ?? 0;
  const patch = (mine: number, p: Partial<RunFitRun>) => {
    const cur = st().results.runfit;
    if (cur && cur.seq === mine) st().patchResults({ runfit: { ...cur, ...p } });
  };

  return {
    async start(source, name, options) {
      if (st().results.runfit?.status === 'running') port.stop(new WorkerCrash('superseded'));
      const mine = ++seq;
      st().patchResults({
        runfit: {
          status: 'running',
          seq: mine,
          source: name,
          options,
          progress: null,
          result: null,
          set: null,
          runs: 0,
          rows: 0,
          refusal: null,
        },
      });
      st().setStatus('runfit', 'pending');
      const onProgress = Comlink.proxy((p: FitProgress) => patch(mine, { progress: p }));
      try {
        const outcome = await port.call((api) => unwrap(api.fit(source, options, onProgress)));
        if (st().results.runfit?.seq !== mine) return;
        patch(mine, outcomeFields(outcome));
        st().setStatus('runfit', outcome.kind === 'cancelled' ? 'idle' : 'ok');
      } catch (err) {
        if (st().results.runfit?.seq !== mine || st().results.runfit?.status !== 'running') return;
        patch(mine, { status: 'error' });
        st().setStatus('runfit', 'error', callError(err));
      }
    },

    cancel() {
      const cur = st().results.runfit;
      if (cur?.status !== 'running') return;
      patch(cur.seq, { status: 'cancelled' });
      port.stop(new WorkerCrash('cancelled'));
      st().setStatus('runfit', 'idle');
    },
  };
}
