// Real points on the P scaling panel: real runs on a pool at a few P (src/model/real/
// realSweep.ts says which P and which time), one P after another on a worker of their own, each
// point filed in the store as it arrives. Progress counts draws over all P; cancelling terminates
// the worker (a draw cannot be interrupted), which the next run restarts.
import * as Comlink from 'comlink';
import { REAL_SWEEP_DRAWS, realSweepPlan, realSweepPoint } from '../model/real/realSweep.ts';
import type { RealApi } from '../protocol/api.ts';
import { WorkerCrash } from '../protocol/errors.ts';
import { paramsKey } from '../state/pins.ts';
import type { AppData, AppStore, RealSweepRun } from '../state/store.ts';
import { callError, unwrap } from './client.ts';
import type { WorkerPort } from './workerHandle.ts';

/** What a run of real points belongs to: the parameters and where the sweep is evaluated. */
export function realSweepKey(s: Pick<AppData, 'params' | 'view'>): string {
  return `${paramsKey(s.params)}|${s.view.at}|${s.view.at === 't' ? s.view.tAt : ''}`;
}

export interface RealSweepRunner {
  start(): Promise<void>;
  cancel(): void;
}

export function createRealSweepRunner(port: WorkerPort<RealApi>, store: AppStore): RealSweepRunner {
  const st = () => store.getState();
  let run = 0;
  const patch = (mine: number, p: Partial<RealSweepRun>) => {
    const cur = st().results.realSweep;
    if (mine === run && cur) st().patchResults({ realSweep: { ...cur, ...p } });
  };

  return {
    async start() {
      port.stop(new WorkerCrash('superseded'));
      const mine = ++run;
      const s = st();
      const sweep = s.results.sweepP;
      const { P, times } = realSweepPlan(sweep?.x ?? [], s.view.at, s.view.tAt);
      const draws = Math.min(REAL_SWEEP_DRAWS, s.params.seeds);
      const total = P.length * draws;
      s.patchResults({
        realSweep: {
          key: realSweepKey(s),
          status: 'running',
          progress: { done: 0, total },
          points: [],
        },
      });
      st().setStatus('realSweep', 'pending');
      try {
        for (let i = 0; i < P.length; i++) {
          const p = { ...s.params, P: P[i], seeds: draws };
          const onProgress = Comlink.proxy((done: number) =>
            patch(mine, { progress: { done: i * draws + done, total } }),
          );
          const r = await port.call((api) => unwrap(api.run(p, onProgress, times)));
          if (mine !== run) return;
          const points = [...(st().results.realSweep?.points ?? [])];
          points.push({ x: P[i], draws, ...realSweepPoint(r) });
          patch(mine, { points, progress: { done: (i + 1) * draws, total } });
        }
        patch(mine, { status: 'done' });
        st().setStatus('realSweep', 'ok');
      } catch (err) {
        if (mine !== run) return;
        patch(mine, { status: 'error' });
        st().setStatus('realSweep', 'error', callError(err));
      }
    },

    cancel() {
      if (st().results.realSweep?.status !== 'running') return;
      const mine = run;
      patch(mine, { status: 'cancelled' });
      run++;
      port.stop(new WorkerCrash('cancelled'));
      st().setStatus('realSweep', 'idle');
    },
  };
}
