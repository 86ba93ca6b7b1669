// A user's spectrum (data = custom) lives in the store, not in the link, and each theory worker
// needs its own registered copy. Wrapping a worker port sends the current file before a call
// whenever that worker instance has not seen this version (a restarted worker is a new instance,
// so it gets the file again).
import type { TheoryApi } from '../protocol/api.ts';
import type { CustomSpectrum } from '../state/store.ts';
import { unwrap } from './client.ts';
import type { WorkerPort } from './workerHandle.ts';

export function customAware(
  port: WorkerPort<TheoryApi>,
  current: () => CustomSpectrum | null,
): WorkerPort<TheoryApi> {
  // Keyed by the comlink proxy of one worker instance.
  const sent = new WeakMap<object, number>();
  return {
    call(f) {
      return port.call(async (api) => {
        const c = current();
        if (c && sent.get(api) !== c.version) {
          await unwrap(api.setCustom(c.modes));
          sent.set(api, c.version);
        }
        return f(api);
      });
    },
    stop: (reason) => port.stop(reason),
    warm: () => port.warm(),
  };
}
