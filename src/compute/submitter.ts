// Submitting requests: a kind is submitted again only when its key changes (the last key per kind
// is remembered), its status turns 'pending', and curve requests are noted for the latency probe.
import type { AppStore } from '../state/store.ts';
import { noteRequest } from './perf.ts';
import type { Request, TheoryKind } from './plan.ts';
import type { LatestOnly } from './scheduler.ts';
import type { Schedulers } from './schedulers.ts';

export interface Submitter {
  /** Submit unless the kind's last request had the same key. */
  submit(r: Request): void;
  /** Key of the kind's last request. */
  lastKey(kind: TheoryKind): string | undefined;
  /** Forget the last keys (of one kind, or all): the next request of the kind goes through. */
  forget(kind?: TheoryKind): void;
}

export function createSubmitter(scheds: Schedulers, store: AppStore): Submitter {
  const last: Partial<Record<TheoryKind, string>> = {};
  return {
    submit(r) {
      if (last[r.kind] === r.key) return;
      last[r.kind] = r.key;
      store.getState().setStatus(r.kind, 'pending');
      const id = (scheds[r.kind] as LatestOnly<typeof r.req, unknown>).submit(r.req);
      if (r.kind === 'curve') noteRequest(id);
    },
    lastKey: (kind) => last[kind],
    forget(kind) {
      for (const k of kind ? [kind] : (Object.keys(last) as TheoryKind[])) delete last[k];
    },
  };
}
