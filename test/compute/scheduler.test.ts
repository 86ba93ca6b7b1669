import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../src/compute/scheduler.ts';

/** A run function whose calls are resolved by hand. */
function manual() {
  const calls: { req: number; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const run = (req: number) =>
    new Promise<string>((resolve, reject) => calls.push({ req, resolve, reject }));
  return { calls, run };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('LatestOnly', () => {
  it('runs one request at a time; newer submissions supersede queued ones', async () => {
    const { calls, run } = manual();
    const got: string[] = [];
    const s = new LatestOnly<number, string>(run, {
      onResult: (r) => got.push(r),
      onError: () => {},
    });
    s.submit(1);
    s.submit(2);
    s.submit(3);
    expect(calls.map((c) => c.req)).toEqual([1]);
    calls[0].resolve('r1');
    await flush();
    // 2 was superseded by 3 and never ran.
    expect(calls.map((c) => c.req)).toEqual([1, 3]);
    expect(got).toEqual(['r1']);
    calls[1].resolve('r3');
    await flush();
    expect(got).toEqual(['r1', 'r3']);
    expect(s.busy).toBe(false);
  });

  it('flags whether a result answers the newest request', async () => {
    const { calls, run } = manual();
    const latest: boolean[] = [];
    const s = new LatestOnly<number, string>(run, {
      onResult: (_r, job) => latest.push(job.latest),
      onError: () => {},
    });
    s.submit(1);
    s.submit(2);
    calls[0].resolve('a');
    await flush();
    calls[1].resolve('b');
    await flush();
    expect(latest).toEqual([false, true]);
  });

  it('drops results older than a cancel, and errors of overtaken requests', async () => {
    const { calls, run } = manual();
    const got: string[] = [];
    const errs: unknown[] = [];
    const s = new LatestOnly<number, string>(run, {
      onResult: (r) => got.push(r),
      onError: (e) => errs.push(e),
    });
    s.submit(1);
    s.cancel();
    calls[0].resolve('stale');
    await flush();
    expect(got).toEqual([]);
    s.submit(2);
    s.submit(3);
    calls[1].reject(new Error('old'));
    await flush();
    expect(errs).toEqual([]);
    calls[2].reject(new Error('new'));
    await flush();
    expect(errs).toHaveLength(1);
  });

  it('a synchronous throw in run is an error, not an exception', async () => {
    const errs: unknown[] = [];
    const s = new LatestOnly<number, string>(
      () => {
        throw new Error('boom');
      },
      { onResult: () => {}, onError: (e) => errs.push(e) },
    );
    expect(() => s.submit(1)).not.toThrow();
    await flush();
    expect(errs).toHaveLength(1);
    expect(s.busy).toBe(false);
  });

  it('calls onIdle when the newest answer is in and nothing waits', async () => {
    const { calls, run } = manual();
    let idle = 0;
    const s = new LatestOnly<number, string>(run, {
      onResult: () => {},
      onError: () => {},
      onIdle: () => idle++,
    });
    s.submit(1);
    s.submit(2);
    calls[0].resolve('a');
    await flush();
    expect(idle).toBe(0);
    calls[1].resolve('b');
    await flush();
    expect(idle).toBe(1);
  });
});
