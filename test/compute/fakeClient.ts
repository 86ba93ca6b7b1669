// A stand-in for the three workers (jsdom and Node have no Worker): every call into a worker is
// recorded with its method and arguments and stays pending until the test answers it.
import type * as Comlink from 'comlink';
import type { ComputeClient, WorkerName } from '../../src/compute/client.ts';
import type { WorkerPort } from '../../src/compute/workerHandle.ts';
import { WorkerCrash } from '../../src/protocol/errors.ts';
import type { ComputeError } from '../../src/protocol/messages.ts';

export interface FakeCall {
  worker: WorkerName;
  method: string;
  args: unknown[];
  settled: boolean;
  /** Answer with a value (an envelope with ok: true). */
  answer(value: unknown): void;
  /** Answer with an engine error (an envelope with ok: false). */
  fail(error: ComputeError): void;
  /** The worker dies during the call. */
  crash(message?: string): void;
}

export interface FakeClient {
  client: ComputeClient;
  calls: FakeCall[];
  /** Calls not answered yet, optionally of one worker or method. */
  pending(filter?: { worker?: WorkerName; method?: string }): FakeCall[];
  stops: { worker: WorkerName; reason: string }[];
  warmed: WorkerName[];
}

/** `simWorkers`: how many simulation workers the client has (all are named 'sim'). */
export function fakeClient({ simWorkers = 1 }: { simWorkers?: number } = {}): FakeClient {
  const calls: FakeCall[] = [];
  const stops: FakeClient['stops'] = [];
  const warmed: WorkerName[] = [];

  function port<Api extends object>(worker: WorkerName): WorkerPort<Api> {
    const own: FakeCall[] = [];
    const api = new Proxy(
      {},
      {
        get:
          (_t, method) =>
          (...args: unknown[]) =>
            new Promise((resolve, reject) => {
              const call: FakeCall = {
                worker,
                method: String(method),
                args,
                settled: false,
                answer(value) {
                  call.settled = true;
                  resolve({ ok: true, value });
                },
                fail(error) {
                  call.settled = true;
                  resolve({ ok: false, error });
                },
                crash(message = 'worker error') {
                  call.settled = true;
                  reject(new WorkerCrash(message));
                },
              };
              calls.push(call);
              own.push(call);
            }),
      },
    ) as Comlink.Remote<Api>;
    return {
      call: (f) => f(api),
      // As WorkerHandle: stopping rejects the calls still waiting on the worker.
      stop(reason = new WorkerCrash('stopped')) {
        stops.push({ worker, reason: reason.message });
        for (const c of own) if (!c.settled) c.crash(reason.message);
      },
      warm: () => void warmed.push(worker),
    };
  }

  return {
    client: {
      main: port('main'),
      sweep: port('sweep'),
      phase: port('phase'),
      sims: Array.from({ length: simWorkers }, () => port('sim')),
      real: port('real'),
      realSweep: port('realSweep'),
      fit: port('fit'),
    },
    calls,
    pending: (f = {}) =>
      calls.filter(
        (c) =>
          !c.settled &&
          (!f.worker || c.worker === f.worker) &&
          (!f.method || c.method === f.method),
      ),
    stops,
    warmed,
  };
}

/** Let answered promises deliver: a few microtask turns (works under fake timers too). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
