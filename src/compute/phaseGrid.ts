// The phase diagram's fitted grid, computed progressively: the points in coarse-first batches of
// one column each (phaseFit.ts coarseFirstBatches: a column shares its κ solves), one batch per
// worker call, on two lanes (the phase worker, and the sweep worker between its own requests),
// each answer filed in the store as it arrives. A new
// request (parameters, exponent or window changed) supersedes the running one: answers
// of an older generation are dropped and no further batch of it is sent. While a slider is dragged
// the lanes send nothing new (the drag gate), and resume where they were when the drag pauses.
import type { Params } from '../model/params.ts';
import { phaseAxes, type PhaseExponent } from '../model/theory/phase.ts';
import {
  coarseFirstBatches,
  emptyPhaseGrid,
  type PhaseGrid,
  type PhasePoint,
} from '../model/theory/phaseFit.ts';
import type { TheoryApi } from '../protocol/api.ts';
import type { AppStore } from '../state/store.ts';
import { callError, unwrap } from './client.ts';
import type { WorkerPort } from './workerHandle.ts';

/** Points on each side of the grid (12 × 12). */
export const PHASE_K = 12;

export interface PhaseRequest {
  /** The grid does not depend on α and β (they are the axes): the key leaves them out. */
  p: Params;
  exponent: PhaseExponent;
  window: 'auto' | 'manual';
}

export interface PhaseRunner {
  /** The grid the state asks for (null: the panel is hidden; nothing is computed). */
  request(key: string, req: PhaseRequest | null): void;
  /** false while a slider is dragged: no new batch is sent. */
  setActive(active: boolean): void;
  /** Forget the grid (after a crash): the next request starts it again. */
  forget(): void;
}

export function createPhaseRunner(
  lanes: readonly WorkerPort<TheoryApi>[],
  store: AppStore,
): PhaseRunner {
  /** Generation of the grid asked for; answers of older ones are dropped. */
  let gen = 0;
  let key = '';
  let req: PhaseRequest | null = null;
  let batches: number[][] = [];
  let next = 0;
  let active = true;
  const busy = new Set<number>();
  const axes = phaseAxes(PHASE_K);
  const st = () => store.getState();

  function pump(): void {
    if (!req || !active) return;
    lanes.forEach((port, lane) => {
      if (busy.has(lane) || next >= batches.length) return;
      const batch = batches[next++];
      busy.add(lane);
      void runBatch(port, lane, batch, gen, req!);
    });
  }

  async function runBatch(
    port: WorkerPort<TheoryApi>,
    lane: number,
    batch: number[],
    g: number,
    r: PhaseRequest,
  ): Promise<void> {
    const ab = batch.map((k): [number, number] => [
      axes.alphas[k % PHASE_K],
      axes.betas[Math.floor(k / PHASE_K)],
    ]);
    try {
      const points = await port.call((api) =>
        unwrap(api.phasePoints(r.exponent, r.p, ab, { window: r.window })),
      );
      if (g === gen) file(batch, points);
    } catch (err) {
      if (g === gen) {
        // The rest of this grid would fail alike: stop it and say why.
        next = batches.length;
        st().setStatus('phase', 'error', callError(err));
      }
    } finally {
      // A lane that finished a superseded batch takes the current grid's next one.
      busy.delete(lane);
      pump();
    }
  }

  function file(batch: number[], points: PhasePoint[]): void {
    const cur = st().results.phase;
    if (!cur || cur.key !== key) return;
    const all = cur.grid.points.slice();
    batch.forEach((k, i) => (all[k] = points[i]));
    const done = cur.grid.done + batch.length;
    st().patchResults({ phase: { key, grid: { ...cur.grid, points: all, done } } });
    if (done === all.length) st().setStatus('phase', 'ok');
  }

  return {
    request(k, r) {
      if (k === key && (r === null) === (req === null)) return pump();
      gen++;
      key = k;
      req = r;
      next = 0;
      if (!r) {
        batches = [];
        return;
      }
      batches = coarseFirstBatches(PHASE_K);
      const grid: PhaseGrid = emptyPhaseGrid(r.exponent, PHASE_K);
      st().patchResults({ phase: { key, grid } });
      st().setStatus('phase', 'pending');
      pump();
    },
    forget() {
      gen++;
      key = '';
      req = null;
    },
    setActive(a) {
      active = a;
      pump();
    },
  };
}
