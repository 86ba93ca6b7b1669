// The assets of the pool sources (src/model/data/sources.ts) read from public/data/ in Node (the
// CLI; the tests use the same reader), and the registration of their spectra with the engine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodePool,
  decodeSpectra,
  parseManifest,
  type DataManifest,
  type SpectraTable,
} from '../model/data/assets.ts';
import type { ImagePool } from '../model/data/pool.ts';
import { assetFiles, POOL_SOURCES, poolSourceOf, type PoolSource } from '../model/data/sources.ts';
import { registerSpectrum, spectrumKey } from '../model/theory/dataSpectra.ts';
import type { Params } from '../model/params.ts';

/** public/data of this checkout, from the sources (src/cli/) or from the bundle (dist-cli/). */
export const DATA_DIR =
  [
    join(import.meta.dirname, '..', '..', 'public', 'data'),
    join(import.meta.dirname, '..', 'public', 'data'),
  ].find((dir) => existsSync(join(dir, assetFiles(POOL_SOURCES[0]).manifest))) ??
  join(import.meta.dirname, '..', '..', 'public', 'data');

export function readAsset(name: string, dir = DATA_DIR): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

export function readManifest(source: PoolSource, dir = DATA_DIR): DataManifest {
  return parseManifest(readFileSync(join(dir, assetFiles(source).manifest), 'utf8'), source);
}

export function readPool(source: PoolSource, dir = DATA_DIR): ImagePool {
  const m = readManifest(source, dir);
  return decodePool(m, readAsset(m.files.pool.name, dir), source);
}

export function readSpectra(source: PoolSource, dir = DATA_DIR): SpectraTable {
  const m = readManifest(source, dir);
  return decodeSpectra(m, readAsset(m.files.spectra.name, dir));
}

/** Register the measured spectrum the parameters choose (no-op for data without assets). */
export function registerDataFor(p: Params, dir = DATA_DIR): void {
  const source = poolSourceOf(p);
  const key = spectrumKey(p);
  if (!source || key === null) return;
  const t = readSpectra(source, dir)[p.kernel];
  registerSpectrum(key, { lam: t.eigenvalues, power: t.powers[p.task] });
}
