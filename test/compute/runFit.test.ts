// The fit of the user's runs on its worker: the run filed as running with its progress, each
// outcome filed (fitted, refused with its line, cancelled), Cancel terminating the worker and
// ignoring a late answer, a new fit superseding the running one, a worker failure as an error.
import { describe, expect, it } from 'vitest';
import { createRunFitRunner } from '../../src/compute/runFit.ts';
import type { FitProgress, RunFitOutcome, RunFitResult } from '../../src/model/runfit/index.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeClient, flush } from './fakeClient.ts';

function setup() {
  const fake = fakeClient();
  const store = createAppStore();
  const runner = createRunFitRunner(fake.client.fit, store);
  return {
    fake,
    store,
    runner,
    run: () => store.getState().results.runfit,
    status: () => store.getState().results.status.runfit,
  };
}

const fitted = (alpha: number): RunFitOutcome => ({
  kind: 'fitted',
  result: { alpha: { value: alpha } } as RunFitResult,
  set: { runs: [], notes: [] },
  runs: 3,
  rows: 60,
});
const options = { axis: 'steps' as const, xMin: 0 };

describe('the fit runner', () => {
  it('files the run as running, passes its progress, then the fitted result', async () => {
    const { fake, runner, run, status } = setup();
    const done = runner.start('x,loss\n1,1', 'pasted text', options);
    expect(run()).toMatchObject({ status: 'running', seq: 1, source: 'pasted text', options });
    expect(status()).toBe('pending');
    await flush();
    const [call] = fake.pending({ worker: 'fit', method: 'fit' });
    expect(call.args.slice(0, 2)).toEqual(['x,loss\n1,1', options]);
    const p: FitProgress = { stage: 'grid', done: 3, total: 10, fraction: 0.09 };
    (call.args[2] as (p: FitProgress) => void)(p);
    expect(run()?.progress).toEqual(p);
    call.answer(fitted(1.5));
    await done;
    expect(run()).toMatchObject({ status: 'done', runs: 3, rows: 60 });
    expect(run()?.result?.alpha.value).toBe(1.5);
    expect(status()).toBe('ok');
  });

  it('files a refusal with its message and line', async () => {
    const { fake, runner, run } = setup();
    const done = runner.start('x,loss\n1,a', 'runs.csv', options);
    await flush();
    fake.pending({ method: 'fit' })[0].answer({
      kind: 'refused',
      message: 'line 2: loss “a” is not a number',
      line: 2,
    });
    await done;
    expect(run()).toMatchObject({
      status: 'refused',
      result: null,
      refusal: { message: 'line 2: loss “a” is not a number', line: 2 },
    });
  });

  it('Cancel terminates the worker; a late answer is ignored', async () => {
    const { fake, runner, run, status } = setup();
    const done = runner.start('text', 'pasted text', options);
    await flush();
    const [call] = fake.pending({ method: 'fit' });
    runner.cancel();
    await done;
    expect(fake.stops.at(-1)).toEqual({ worker: 'fit', reason: 'cancelled' });
    expect(run()?.status).toBe('cancelled');
    expect(status()).toBe('idle');
    call.answer(fitted(2));
    await flush();
    expect(run()?.status).toBe('cancelled');
    expect(run()?.result).toBeNull();
  });

  it('a new fit supersedes the running one (its answer never lands)', async () => {
    const { fake, runner, run } = setup();
    const first = runner.start('a', 'pasted text', options);
    await flush();
    const second = runner.start('b', 'pasted text', { ...options, xMin: 5 });
    await first;
    expect(fake.stops.at(-1)?.reason).toBe('superseded');
    await flush();
    const calls = fake.pending({ method: 'fit' });
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0]).toBe('b');
    calls[0].answer(fitted(1.2));
    await second;
    expect(run()).toMatchObject({ status: 'done', seq: 2, options: { xMin: 5 } });
  });

  it('a worker failure is an error with its message', async () => {
    const { fake, runner, run, store } = setup();
    const done = runner.start('a', 'pasted text', options);
    await flush();
    fake.pending({ method: 'fit' })[0].fail({ kind: 'internal', message: 'boom' });
    await done;
    expect(run()?.status).toBe('error');
    expect(store.getState().results.errors.runfit).toEqual({ kind: 'internal', message: 'boom' });
  });

  it('Cancel when nothing runs does nothing', () => {
    const { fake, runner } = setup();
    runner.cancel();
    expect(fake.stops).toHaveLength(0);
  });
});
