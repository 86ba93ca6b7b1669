// A comlink-wrapped worker that survives crashes and hangs. Comlink cannot see a worker die (an
// uncaught error, out of memory, a failed script load) nor stop answering (an endless loop, a
// worker that closed itself): its pending calls would wait forever, and the page would say
// "computing…" forever. So each call races against the worker's `error` event and, when the handle
// has a watchdog, against a timer: on either the worker is terminated, every pending call rejects
// with WorkerCrash saying what happened, `onCrash` tells the user, and the next call (Retry)
// starts a fresh worker (lazily: a worker that cannot start is not restarted in a loop).
import * as Comlink from 'comlink';
import { WorkerCrash } from '../protocol/errors.ts';

/** What the compute bridge needs of a worker (the tests give it fakes). */
export interface WorkerPort<Api extends object> {
  /** Call into the worker; rejects with WorkerCrash if the worker dies or hangs meanwhile. */
  call<T>(f: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T>;
  /** Terminate now; pending calls reject with `reason`. The next call starts afresh. */
  stop(reason?: WorkerCrash): void;
  /** Start the worker ahead of the first call. */
  warm(): void;
}

export interface WorkerHandleOptions {
  /** Told what happened when the worker dies or hangs. */
  onCrash?: (message: string) => void;
  /**
   * Longest a call may take before the worker is taken for hung (ms; none: no watchdog). A
   * function, read at each call, so the test build can shorten it.
   */
  answerWithinMs?: () => number;
}

/** What a worker's `error` event means: before any answer it is most likely a failed load. */
export function crashMessage(ev: Event, answered: boolean): string {
  const message = (ev as Partial<ErrorEvent>).message;
  if (typeof message === 'string' && message) return message;
  if (ev.type === 'messageerror') return 'a message from the worker could not be read';
  return answered
    ? 'the worker stopped with an error'
    : 'the worker could not be started (its script did not load: offline, or the site was updated)';
}

export function hangMessage(ms: number): string {
  return `no answer within ${Math.round(ms / 1000)} s: the worker was stopped`;
}

export class WorkerHandle<Api extends object> implements WorkerPort<Api> {
  private worker: Worker | null = null;
  private api: Comlink.Remote<Api> | null = null;
  private died: Promise<never> | null = null;
  private kill: ((reason: WorkerCrash) => void) | null = null;
  /** Whether the current worker has answered a call (so it did load). */
  private answered = false;
  private readonly onCrash: (message: string) => void;

  constructor(
    private readonly factory: () => Worker,
    private readonly options: WorkerHandleOptions = {},
  ) {
    this.onCrash = options.onCrash ?? (() => {});
  }

  private ensure(): { api: Comlink.Remote<Api>; died: Promise<never> } {
    if (!this.worker || !this.api || !this.died) {
      const worker = this.factory();
      this.worker = worker;
      this.answered = false;
      this.api = Comlink.wrap<Api>(worker);
      this.died = new Promise<never>((_, reject) => {
        this.kill = reject;
      });
      // A crash with no call waiting must not surface as an unhandled rejection.
      this.died.catch(() => {});
      const crash = (ev: Event) => {
        ev.preventDefault();
        // A late event of a worker already replaced (terminated) is not the current one's.
        if (this.worker === worker) this.fail(crashMessage(ev, this.answered));
      };
      worker.addEventListener('error', crash);
      worker.addEventListener('messageerror', crash);
    }
    return { api: this.api, died: this.died };
  }

  private fail(message: string): void {
    this.stop(new WorkerCrash(message));
    this.onCrash(message);
  }

  /** Call into the worker; rejects with WorkerCrash if the worker dies or hangs meanwhile. */
  call<T>(f: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
    const { api, died } = this.ensure();
    const worker = this.worker;
    const answer = f(api).then((v) => {
      if (this.worker === worker) this.answered = true;
      return v;
    });
    const limit = this.options.answerWithinMs?.() ?? Infinity;
    if (!Number.isFinite(limit)) return Promise.race([answer, died]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = new Promise<never>(() => {
      timer = setTimeout(() => {
        if (this.worker === worker) this.fail(hangMessage(limit));
      }, limit);
    });
    return Promise.race([answer, died, watchdog]).finally(() => clearTimeout(timer));
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
