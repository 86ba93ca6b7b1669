// The worker handle turns a hang, a crash and a failed load into a rejected call with a message,
// and the next call (Retry) starts a fresh worker. The workers are fakes speaking comlink's wire
// format: one answers every call, one never answers, one fails as a script that cannot load.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerHandle, hangMessage } from '../../src/compute/workerHandle.ts';
import { WorkerCrash } from '../../src/protocol/errors.ts';

type Behaviour = 'answer' | 'silent';

interface Api {
  ping(): number;
}

/** A fake Worker: answers comlink calls with 42, or never; records termination. */
class FakeWorker extends EventTarget {
  terminated = false;
  constructor(private readonly behaviour: Behaviour) {
    super();
  }
  postMessage(msg: { id?: string }): void {
    if (this.behaviour !== 'answer' || this.terminated) return;
    queueMicrotask(() =>
      this.dispatchEvent(
        Object.assign(new Event('message'), { data: { id: msg.id, type: 'RAW', value: 42 } }),
      ),
    );
  }
  terminate(): void {
    this.terminated = true;
  }
  /** What a browser fires when the script fails to load: a plain Event, no message. */
  failLoad(): void {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

function handle(behaviours: Behaviour[], answerWithinMs?: number) {
  const made: FakeWorker[] = [];
  const crashes: string[] = [];
  const h = new WorkerHandle<Api>(
    () => {
      const w = new FakeWorker(behaviours[Math.min(made.length, behaviours.length - 1)]);
      made.push(w);
      return w as unknown as Worker;
    },
    {
      onCrash: (m) => crashes.push(m),
      answerWithinMs: answerWithinMs === undefined ? undefined : () => answerWithinMs,
    },
  );
  return { h, made, crashes };
}

describe('WorkerHandle', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('answers calls through comlink', async () => {
    const { h, made } = handle(['answer'], 1000);
    await expect(h.call((api) => api.ping())).resolves.toBe(42);
    expect(made).toHaveLength(1);
  });

  it('a worker that never answers is stopped by the watchdog; the next call starts a new one', async () => {
    const { h, made, crashes } = handle(['silent', 'answer'], 5000);
    const hung = h.call((api) => api.ping());
    const settled = expect(hung).rejects.toThrow(hangMessage(5000));
    await vi.advanceTimersByTimeAsync(4999);
    expect(crashes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    await expect(hung).rejects.toBeInstanceOf(WorkerCrash);
    expect(made[0].terminated).toBe(true);
    expect(crashes).toEqual([hangMessage(5000)]);
    // Retry: a fresh worker answers.
    await expect(h.call((api) => api.ping())).resolves.toBe(42);
    expect(made).toHaveLength(2);
  });

  it('without a watchdog a slow call is left alone', async () => {
    const { h, crashes } = handle(['silent']);
    let done = false;
    h.call((api) => api.ping()).catch(() => (done = true));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(done).toBe(false);
    expect(crashes).toEqual([]);
  });

  it('an answered call clears its timer: no crash later', async () => {
    const { h, crashes, made } = handle(['answer'], 1000);
    await expect(h.call((api) => api.ping())).resolves.toBe(42);
    await vi.advanceTimersByTimeAsync(5000);
    expect(crashes).toEqual([]);
    expect(made[0].terminated).toBe(false);
  });

  it('a script that cannot load is named as such, and Retry starts a new worker', async () => {
    const { h, made, crashes } = handle(['silent', 'answer'], 60_000);
    const call = h.call((api) => api.ping());
    const settled = expect(call).rejects.toThrow(/could not be started/);
    made[0].failLoad();
    await settled;
    expect(crashes[0]).toMatch(/script did not load/);
    await expect(h.call((api) => api.ping())).resolves.toBe(42);
    expect(made).toHaveLength(2);
  });

  it('an error after the worker has answered is a crash, with its message when it has one', async () => {
    const { h, made, crashes } = handle(['answer'], 60_000);
    await h.call((api) => api.ping());
    made[0].dispatchEvent(
      Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' }),
    );
    expect(crashes).toEqual(['out of memory']);
    made[0].failLoad();
    // The terminated worker's late events are not the new one's.
    expect(crashes).toEqual(['out of memory']);
  });
});
