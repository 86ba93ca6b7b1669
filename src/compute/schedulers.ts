// One latest-only scheduler per theory kind (scheduler.ts), each calling its worker and filing the
// answer in the store, all read from the table of compute kinds (protocol/kinds.ts): the worker,
// the call, and the results field. Results are filed under the request's parameters: the engine
// may normalise the ones it returns (e.g. γ = 0 under gradient flow).
import { paramsKey } from '../state/pins.ts';
import type { AppStore, Results } from '../state/store.ts';
import type { TheoryApi } from '../protocol/api.ts';
import { THEORY_KINDS, THEORY_KIND_IDS } from '../protocol/kinds.ts';
import type { Envelope } from '../protocol/messages.ts';
import { callError, unwrap, type ComputeClient } from './client.ts';
import type { FrameCache } from './frames.ts';
import type { TheoryKind, TheoryKinds } from './plan.ts';
import { noteAnswered, noteSent } from './perf.ts';
import { LatestOnly } from './scheduler.ts';
import { patchSim } from './simulation.ts';

export type Schedulers = {
  [K in TheoryKind]: LatestOnly<TheoryKinds[K][0], TheoryKinds[K][1]>;
};

/** How an answer enters the store. */
type Filer<K extends TheoryKind> = (
  res: TheoryKinds[K][1],
  req: TheoryKinds[K][0],
  id: number,
) => void;
type Filers = { [K in TheoryKind]?: Filer<K> };

/**
 * The kinds that file their answer their own way; every other kind sets its results field
 * (protocol/kinds.ts `result`) to the answer.
 */
function specialFilers(store: AppStore): Filers {
  const st = () => store.getState();
  return {
    curve: (curve, r, id) => st().patchResults({ curve, curveId: id, curveKey: paramsKey(r.p) }),
    // One pin at a time, added to the pins' curves by key.
    pins: (curve, p) =>
      st().patchResults({ pinCurves: { ...st().results.pinCurves, [paramsKey(p)]: curve } }),
    fitted: (fitted, p) => st().patchResults({ fitted, fittedKey: paramsKey(p) }),
    // The theory beside a simulation joins its run, if that run is still the one shown.
    simTheory: (theory, p) => {
      const sim = st().results.sim;
      if (sim && paramsKey(sim.params) === paramsKey(p)) patchSim(store, { theory });
    },
  };
}

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
  const special = specialFilers(store);

  function scheduler<K extends TheoryKind>(kind: K): Schedulers[K] {
    type Req = TheoryKinds[K][0];
    type Res = TheoryKinds[K][1];
    const spec = THEORY_KINDS[kind];
    // The table's call, typed by its kind (TypeScript cannot narrow the union of calls by K).
    const call = spec.call as unknown as (api: TheoryApi, req: Req) => Promise<Envelope<Res>>;
    const port = c[spec.worker];
    const file: Filer<K> =
      (special[kind] as Filer<K> | undefined) ??
      ((res) => st().patchResults({ [spec.result]: res } as Partial<Results>));
    const run = (req: Req): Promise<Res> => port.call((api) => unwrap(call(api, req)));
    // The curve's answers are timed for the latency probe (test builds stamp the worker's span).
    const timed = (req: Req, id: number): Promise<Res> => {
      noteSent(id);
      return port.call((api) =>
        unwrap(
          call(api, req).then((env) => {
            noteAnswered(id, (env as { span?: { begin: number; end: number } }).span);
            return env;
          }),
        ),
      );
    };
    return new LatestOnly<Req, Res>(
      kind === 'curve' ? (r, id) => curveFromFrames(r as TheoryKinds['curve'][0], id, timed) : run,
      {
        onResult(res, job) {
          file(res, job.req, job.id);
          if (job.latest) st().setStatus(kind, 'ok');
        },
        onError(err) {
          st().setStatus(kind, 'error', callError(err));
        },
        onIdle,
      },
    ) as Schedulers[K];
  }

  /** A frame of a parameter sweep computed ahead (Play) is drawn without a worker call. */
  function curveFromFrames<Res>(
    r: TheoryKinds['curve'][0],
    id: number,
    run: (r: never, id: number) => Promise<Res>,
  ) {
    const ready = frames?.get(r);
    return ready ? Promise.resolve(ready as Res) : run(r as never, id);
  }

  return Object.fromEntries(THEORY_KIND_IDS.map((k) => [k, scheduler(k)])) as Schedulers;
}
