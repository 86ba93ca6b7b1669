// The assets of the pool sources (src/model/data/sources.ts) as the workers fetch them: lazily,
// once per source and file, from public/data/ of the deployed app (the workers are built into
// assets/, one level below the app's base, and served from /workers/ in development: the data
// folder is ../data/ from either).
import { decodePool, decodeSpectra, parseManifest } from '../src/model/data/assets.ts';
import type { DataManifest, SpectraTable } from '../src/model/data/assets.ts';
import type { ImagePool } from '../src/model/data/pool.ts';
import { assetFiles, poolSourceOf, type PoolSource } from '../src/model/data/sources.ts';
import { hasSpectrum, registerSpectrum, spectrumKey } from '../src/model/theory/dataSpectra.ts';
import type { Params } from '../src/model/params.ts';

export function dataUrl(): string {
  return new URL('../data/', self.location.href).href;
}

async function fetchBytes(name: string): Promise<Uint8Array> {
  const url = new URL(name, dataUrl()).href;
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${name}: could not be loaded (HTTP ${r.status})`);
  return new Uint8Array(await r.arrayBuffer());
}

/** Per key, one promise; retried after a failure (a cached rejection would fail every later call). */
function oncePer<T>(f: (source: PoolSource) => Promise<T>): (source: PoolSource) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (source) => {
    let p = cache.get(source.id);
    if (!p) {
      p = f(source).catch((e) => {
        cache.delete(source.id);
        throw e;
      });
      cache.set(source.id, p);
    }
    return p;
  };
}

const manifest = oncePer<DataManifest>(async (source) =>
  parseManifest(new TextDecoder().decode(await fetchBytes(assetFiles(source).manifest)), source),
);

const spectra = oncePer<SpectraTable>(async (source) => {
  const m = await manifest(source);
  return decodeSpectra(m, await fetchBytes(m.files.spectra.name));
});

/** The pool of a source (fetched on the first real run on it). */
export const loadPool = oncePer<ImagePool>(async (source) => {
  const m = await manifest(source);
  return decodePool(m, await fetchBytes(m.files.pool.name), source);
});

/** Make sure the spectrum the parameters choose is registered (pool sources; no-op otherwise). */
export async function ensureSpectrum(p: Params): Promise<void> {
  const source = poolSourceOf(p);
  const key = spectrumKey(p);
  if (!source || key === null || hasSpectrum(key)) return;
  const t = (await spectra(source))[p.kernel];
  registerSpectrum(key, { lam: t.eigenvalues, power: t.powers[p.task] });
}
