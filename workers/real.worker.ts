// Real-run worker: real kernel regression / random ReLU features on the MNIST pool
// (src/model/real/realRun.ts), draw by draw, reporting progress and the running mean ± s.e.m.
// The pool is fetched once, when the first run asks for it (the app loads digits only when the
// user chooses MNIST). Cancelling terminates the worker, as for the simulator.
import * as Comlink from 'comlink';
import { decodePool, MANIFEST_FILE, parseManifest } from '../src/model/data/assets.ts';
import type { DigitPool } from '../src/model/data/pool.ts';
import { prepareReal, runReal, type RealSetup } from '../src/model/real/realRun.ts';
import { ParamError, timeGrid, type Params } from '../src/model/params.ts';
import type { RealApi } from '../src/protocol/api.ts';
import { attempt } from '../src/protocol/errors.ts';
import { collectBuffers } from '../src/protocol/transfer.ts';

/** Times of the real points: log-spaced over the window, at most this many. */
export const REAL_POINTS = 16;

let pool: Promise<DigitPool> | null = null;
let setup: RealSetup | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

function loadPool(dataUrl: string): Promise<DigitPool> {
  pool ??= (async () => {
    const manifest = parseManifest(await (await fetch(new URL(MANIFEST_FILE, dataUrl))).text());
    return decodePool(manifest, await fetchBytes(new URL(manifest.files.pool.name, dataUrl).href));
  })();
  pool.catch(() => (pool = null));
  return pool;
}

const api: RealApi = {
  async run(p: Params, dataUrl: string, onProgress) {
    let loaded: DigitPool | null = null;
    let failure: unknown = null;
    try {
      loaded = await loadPool(dataUrl);
    } catch (e) {
      failure = e;
    }
    const env = attempt(() => {
      if (!loaded) throw failure;
      if (p.data !== 'mnist') throw new ParamError('data', 'real runs need data = mnist');
      if (!setup || setup.kernel !== p.kernel || setup.task !== p.task)
        setup = prepareReal(loaded, p.kernel, p.task);
      const t = timeGrid(p.tmin, p.tmax, Math.min(REAL_POINTS, p.nt));
      return runReal(setup, p, t, {
        // Fire and forget: the callback's promise is not awaited, draws keep running.
        onDraw: (done, total, partial) => void onProgress(done, total, partial),
      });
    });
    return Comlink.transfer(env, collectBuffers(env));
  },
};

Comlink.expose(api);
