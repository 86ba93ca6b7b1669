// The digit assets as the workers fetch them: lazily, once, from public/data/ of the deployed
// app (the workers are built into assets/, one level below the app's base, and served from
// /workers/ in development: the data folder is ../data/ from either).
import {
  decodePool,
  decodeSpectra,
  MANIFEST_FILE,
  parseManifest,
} from '../src/model/data/assets.ts';
import type { DataManifest, SpectraTable } from '../src/model/data/assets.ts';
import type { DigitPool } from '../src/model/data/pool.ts';
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

/** Retry after a failure: a cached rejected promise would fail every later call. */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    p ??= f().catch((e) => {
      p = null;
      throw e;
    });
    return p;
  };
}

const manifest = once<DataManifest>(async () =>
  parseManifest(new TextDecoder().decode(await fetchBytes(MANIFEST_FILE))),
);

const spectra = once<SpectraTable>(async () => {
  const m = await manifest();
  return decodeSpectra(m, await fetchBytes(m.files.spectra.name));
});

export const loadPool = once<DigitPool>(async () => {
  const m = await manifest();
  return decodePool(m, await fetchBytes(m.files.pool.name));
});

/** Make sure the spectrum the parameters choose is registered (MNIST only; no-op otherwise). */
export async function ensureSpectrum(p: Params): Promise<void> {
  const key = spectrumKey(p);
  if (p.data !== 'mnist' || key === null || hasSpectrum(key)) return;
  const t = (await spectra())[p.kernel];
  registerSpectrum(key, { lam: t.eigenvalues, power: t.powers[p.task] });
}
