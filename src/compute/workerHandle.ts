// A comlink-wrapped worker that survives crashes. Comlink cannot see a worker die (an uncaught
// error, out of memory, a failed script load): its pending calls would wait forever. So each call
// races against the worker's `error` event; on a crash the worker is terminated, every pending
// call rejects with WorkerCrash, `onCrash` tells the user, and the next call starts a fresh worker
// (lazily: a worker that cannot start is not restarted in a loop).
import * as Comlink from 'comlink';
import { WorkerCrash } from '../protocol/errors.ts';

/** What the compute bridge needs of a worker (the tests give it fakes). */
export interface WorkerPort<Api extends object> {
  /** Call into the worker; rejects with WorkerCrash if the worker dies meanwhile. */
  call<T>(f: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T>;
  /** Terminate now; pending calls reject with `reason`. The next call starts afresh. */
  stop(reason?: WorkerCrash): void;
  /** Start the worker ahead of the first call. */
  warm(): void;
}

export class WorkerHandle<Api extends object> implements WorkerPort<Api> {
  private worker: Worker | null = null;
  private api: Comlink.Remote<Api> | null = null;
  private died: Promise<never> | null = null;
  private kill: ((reason: WorkerCrash) => void) | null = null;

  constructor(
    private readonly factory: () => Worker,
    private readonly onCrash: (message: string) => void = () => {},
  ) {}

  private ensure(): { api: Comlink.Remote<Api>; died: Promise<never> } {
    if (!this.worker || !this.api || !this.died) {
      const worker = this.factory();
      this.worker = worker;
      this.api = Comlink.wrap<Api>(worker);
      this.died = new Promise<never>((_, reject) => {
        this.kill = reject;
      });
      // A crash with no call waiting must not surface as an unhandled rejection.
      this.died.catch(() => {});
      const crash = (ev: Event) => {
        const msg = ev instanceof ErrorEvent && ev.message ? ev.message : 'worker error';
        ev.preventDefault();
        this.stop(new WorkerCrash(msg));
        this.onCrash(msg);
      };
      worker.addEventListener('error', crash);
      worker.addEventListener('messageerror', crash);
    }
    return { api: this.api, died: this.died };
  }

  /** Call into the worker; rejects with WorkerCrash if the worker dies meanwhile. */
  call<T>(f: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
    const { api, died } = this.ensure();
    return Promise.race([f(api), died]);
  }

  /** Terminate now (cancel); pending calls reject with `reason`. The next call starts afresh. */
  stop(reason = new WorkerCrash('stopped')): void {
    this.worker?.terminate();
    this.kill?.(reason);
    this.worker = null;
    this.api = null;
    this.died = null;
    this.kill = null;
  }

  /** Start the worker ahead of the first call (hides its start-up time). */
  warm(): void {
    this.ensure();
  }
}
