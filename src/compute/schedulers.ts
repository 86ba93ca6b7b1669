// One latest-only scheduler per kind (scheduler.ts), each calling its worker and filing the answer
// in the store. Results are filed under the request's parameters: the engine may normalise the
// ones it returns (e.g. γ = 0 under gradient flow).
import { paramsKey } from '../state/pins.ts';
import type { AppStore } from '../state/store.ts';
import type { ComputeKind } from '../protocol/messages.ts';
import { callError, unwrap, type ComputeClient } from './client.ts';
import type { FrameCache } from './frames.ts';
import type { TheoryKind, TheoryKinds } from './plan.ts';
import { LatestOnly, type SchedulerHandlers } from './scheduler.ts';
import { patchSim } from './simulation.ts';

export type Schedulers = {
  [K in TheoryKind]: LatestOnly<TheoryKinds[K][0], TheoryKinds[K][1]>;
};

/**
 * The schedulers of every theory kind. `onIdle` runs whenever a kind falls idle: requests that
 * waited for it (the main worker's secondary ones wait for the curve) may go then. Curves found
 * in `frames` (computed ahead for Play) are answered from there.
 */
export function createSchedulers(
  c: ComputeClient,
  store: AppStore,
  onIdle: () => void,
  frames?: FrameCache,
): Schedulers {
  const st = () => store.getState();
  const handlers = <K extends TheoryKind>(
    kind: K & ComputeKind,
    file: (res: TheoryKinds[K][1], req: TheoryKinds[K][0], id: number) => void,
  ): SchedulerHandlers<TheoryKinds[K][0], TheoryKinds[K][1]> => ({
    onResult(res, job) {
      file(res, job.req, job.id);
      if (job.latest) st().setStatus(kind, 'ok');
    },
    onError(err) {
      st().setStatus(kind, 'error', callError(err));
    },
    onIdle,
  });

  return {
    curve: new LatestOnly(
      (r) => {
        // A frame of a parameter sweep computed ahead (Play) is drawn without a worker call.
        const ready = frames?.get(r);
        return ready
          ? Promise.resolve(ready)
          : c.main.call((api) => unwrap(api.curve(r.p, r.window)));
      },
      handlers('curve', (curve, r, id) =>
        st().patchResults({ curve, curveId: id, curveKey: paramsKey(r.p) }),
      ),
    ),
    modes: new LatestOnly(
      (p) => c.main.call((api) => unwrap(api.modes(p))),
      handlers('modes', (modes) => st().patchResults({ modes })),
    ),
    sweepP: new LatestOnly(
      (r) => c.sweep.call((api) => unwrap(api.sweep(r.p, r.axis, r.at, r.tAt))),
      handlers('sweepP', (sweepP) => st().patchResults({ sweepP })),
    ),
    sweepN: new LatestOnly(
      (r) => c.sweep.call((api) => unwrap(api.sweep(r.p, r.axis, r.at, r.tAt))),
      handlers('sweepN', (sweepN) => st().patchResults({ sweepN })),
    ),
    frontier: new LatestOnly(
      (p) => c.sweep.call((api) => unwrap(api.frontier(p))),
      handlers('frontier', (frontier) => st().patchResults({ frontier })),
    ),
    // One pin at a time; the next pin without a curve is requested when this one is answered.
    pins: new LatestOnly(
      (p) => c.main.call((api) => unwrap(api.curve(p))),
      handlers('pins', (curve, p) =>
        st().patchResults({ pinCurves: { ...st().results.pinCurves, [paramsKey(p)]: curve } }),
      ),
    ),
    spectrum: new LatestOnly(
      (p) => c.main.call((api) => unwrap(api.spectrum(p))),
      handlers('spectrum', (spectrum) => st().patchResults({ spectrum })),
    ),
    fitted: new LatestOnly(
      (p) => c.main.call((api) => unwrap(api.fittedCurve(p))),
      handlers('fitted', (fitted, p) => st().patchResults({ fitted, fittedKey: paramsKey(p) })),
    ),
    parts: new LatestOnly(
      (p) => c.main.call((api) => unwrap(api.parts(p))),
      handlers('parts', (parts) => st().patchResults({ parts })),
    ),
    order: new LatestOnly(
      (p) => c.main.call((api) => unwrap(api.order(p))),
      handlers('order', (order) => st().patchResults({ order })),
    ),
    mode: new LatestOnly(
      (r) => c.main.call((api) => unwrap(api.mode(r.p, r.k))),
      handlers('mode', (mode) => st().patchResults({ mode })),
    ),
    simTheory: new LatestOnly(
      (p) => c.main.call((api) => unwrap(api.curve(p))),
      handlers('simTheory', (theory, p) => {
        const sim = st().results.sim;
        if (sim && paramsKey(sim.params) === paramsKey(p)) patchSim(store, { theory });
      }),
    ),
  };
}
