// Latest-only scheduling of one kind of request ("one request in flight per kind;
// newer supersedes older"):
//   · at most one request of the kind runs at a time;
//   · a request submitted while one runs waits as `pending`; a newer submission replaces it
//     (the older one is superseded and never runs);
//   · results are delivered in id order only: a result older than one already delivered (or
//     older than a cancel) is dropped as stale. A result that is not the newest request is still
//     shown while the newest computes, so a dragged slider redraws at the worker's pace.
//   · an error is reported only for the newest request: an older one has been overtaken anyway.

/** Which request an answer belongs to. */
export interface Answered<Req> {
  id: number;
  req: Req;
  /** This answers the newest request submitted (nothing newer is waiting). */
  latest: boolean;
}

export interface SchedulerHandlers<Req, Res> {
  onResult(res: Res, job: Answered<Req>): void;
  onError(err: unknown, job: Answered<Req>): void;
  /** The newest request has been answered (result or error) and nothing is pending. */
  onIdle?(): void;
}

interface Job<Req> {
  id: number;
  req: Req;
}

/** Request ids are global so that ids from different kinds never collide (perf probe). */
let globalId = 0;
function nextRequestId(): number {
  return ++globalId;
}

export class LatestOnly<Req, Res> {
  private inFlight: Job<Req> | null = null;
  private pending: Job<Req> | null = null;
  private lastSubmitted = 0;
  private lastDelivered = 0;
  /** Results with ids below this are dropped (set by cancel). */
  private floor = 0;

  constructor(
    private readonly run: (req: Req, id: number) => Promise<Res>,
    private readonly handlers: SchedulerHandlers<Req, Res>,
  ) {}

  /** Queue a request; returns its id. */
  submit(req: Req, id = nextRequestId()): number {
    this.lastSubmitted = id;
    const job = { id, req };
    if (this.inFlight) this.pending = job;
    else this.start(job);
    return id;
  }

  /** Drop the pending request and ignore the answer of the running one. */
  cancel(): void {
    this.pending = null;
    this.floor = this.lastSubmitted + 1;
  }

  get busy(): boolean {
    return this.inFlight !== null || this.pending !== null;
  }

  /** Id of the newest request submitted. */
  get latest(): number {
    return this.lastSubmitted;
  }

  private start(job: Job<Req>): void {
    this.inFlight = job;
    let promise: Promise<Res>;
    try {
      promise = this.run(job.req, job.id);
    } catch (err) {
      promise = Promise.reject(err);
    }
    promise.then(
      (res) => {
        if (job.id > this.lastDelivered && job.id >= this.floor) {
          this.lastDelivered = job.id;
          this.handlers.onResult(res, { ...job, latest: job.id === this.lastSubmitted });
        }
        this.next();
      },
      (err: unknown) => {
        if (job.id === this.lastSubmitted && job.id >= this.floor) {
          this.lastDelivered = job.id;
          this.handlers.onError(err, { ...job, latest: true });
        }
        this.next();
      },
    );
  }

  private next(): void {
    this.inFlight = null;
    const job = this.pending;
    this.pending = null;
    if (job) this.start(job);
    else this.handlers.onIdle?.();
  }
}
