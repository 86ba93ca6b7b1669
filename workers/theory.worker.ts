// Theory worker: a thin comlink wrapper over the theory API (theoryApi.ts, the pure engine of
// src/model). Every call answers with an envelope whose Float64Arrays are transferred, not copied.
import * as Comlink from 'comlink';
import type { CrashHook } from '../src/protocol/api.ts';
import type { Envelope } from '../src/protocol/messages.ts';
import { TEST_HOOKS } from '../src/protocol/testHooks.ts';
import { collectBuffers } from '../src/protocol/transfer.ts';
import { ensureSpectrum } from './sourceData.ts';
import { theoryApi } from './theoryApi.ts';

function send<T>(env: Envelope<T>): Envelope<T> {
  return Comlink.transfer(env, collectBuffers(env));
}

const api = theoryApi({ ensureSpectrum, send });

/**
 * Test builds: every answer carries when the worker computed it (`span`, absolute times), for the
 * latency probe (src/compute/perf.ts) to tell the worker's time from the time a request waited.
 */
function stamped<A extends object>(target: A): A {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(target)) {
    out[name] = async (...args: unknown[]) => {
      const begin = performance.timeOrigin + performance.now();
      const env = (await (f as (...a: unknown[]) => Promise<object>)(...args)) as object;
      return Object.assign(env, { span: { begin, end: performance.timeOrigin + performance.now() } });
    };
  }
  return out as A;
}

const crashHook: CrashHook = {
  crash() {
    setTimeout(() => {
      throw new Error('deliberate crash (test hook)');
    });
  },
  hang() {
    for (;;) {
      // Busy forever: neither this call nor any later one is answered.
    }
  },
};

Comlink.expose(TEST_HOOKS ? { ...stamped(api), ...crashHook } : api);
