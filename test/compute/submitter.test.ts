import { describe, expect, it, vi } from 'vitest';
import type { Schedulers } from '../../src/compute/schedulers.ts';
import { createSubmitter } from '../../src/compute/submitter.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { createAppStore } from '../../src/state/store.ts';

function setup() {
  const store = createAppStore();
  let id = 0;
  const submit = vi.fn(() => ++id);
  const scheds = new Proxy({}, { get: () => ({ submit }) }) as unknown as Schedulers;
  return { store, submit, submitter: createSubmitter(scheds, store) };
}

const curve = (key: string) => ({
  kind: 'curve' as const,
  key,
  req: { p: DEFAULT_PARAMS, window: 'manual' as const },
});

describe('createSubmitter', () => {
  it('submits a kind again only when its key changes, and marks it pending', () => {
    const { store, submit, submitter } = setup();
    submitter.submit(curve('a'));
    expect(store.getState().results.status.curve).toBe('pending');
    submitter.submit(curve('a'));
    expect(submit).toHaveBeenCalledTimes(1);
    submitter.submit(curve('b'));
    expect(submit).toHaveBeenCalledTimes(2);
    expect(submitter.lastKey('curve')).toBe('b');
    // Kinds are independent.
    submitter.submit({ kind: 'modes', key: 'b', req: DEFAULT_PARAMS });
    expect(submit).toHaveBeenCalledTimes(3);
  });

  it('forgets one kind or all, so that the same key goes through again', () => {
    const { submit, submitter } = setup();
    submitter.submit(curve('a'));
    submitter.submit({ kind: 'modes', key: 'a', req: DEFAULT_PARAMS });
    submitter.forget('modes');
    submitter.submit(curve('a'));
    submitter.submit({ kind: 'modes', key: 'a', req: DEFAULT_PARAMS });
    expect(submit).toHaveBeenCalledTimes(3);
    submitter.forget();
    expect(submitter.lastKey('curve')).toBeUndefined();
    submitter.submit(curve('a'));
    expect(submit).toHaveBeenCalledTimes(4);
  });
});
