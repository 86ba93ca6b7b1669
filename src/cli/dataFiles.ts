// The digit assets read from public/data/ in Node (the CLI; the tests use the same reader), and
// the registration of their spectra with the engine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodePool,
  decodeSpectra,
  MANIFEST_FILE,
  parseManifest,
  type DataManifest,
  type SpectraTable,
} from '../model/data/assets.ts';
import type { DigitPool } from '../model/data/pool.ts';
import { registerSpectrum, spectrumKey } from '../model/theory/dataSpectra.ts';
import type { Params } from '../model/params.ts';

/** public/data of this checkout, from the sources (src/cli/) or from the bundle (dist-cli/). */
export const DATA_DIR =
  [
    join(import.meta.dirname, '..', '..', 'public', 'data'),
    join(import.meta.dirname, '..', 'public', 'data'),
  ].find((dir) => existsSync(join(dir, MANIFEST_FILE))) ??
  join(import.meta.dirname, '..', '..', 'public', 'data');

export function readAsset(name: string, dir = DATA_DIR): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

export function readManifest(dir = DATA_DIR): DataManifest {
  return parseManifest(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
}

export function readPool(dir = DATA_DIR): DigitPool {
  const m = readManifest(dir);
  return decodePool(m, readAsset(m.files.pool.name, dir));
}

export function readSpectra(dir = DATA_DIR): SpectraTable {
  const m = readManifest(dir);
  return decodeSpectra(m, readAsset(m.files.spectra.name, dir));
}

/** Register the MNIST spectrum the parameters choose (no-op for other data). */
export function registerMnistFor(p: Params, dir = DATA_DIR): void {
  const key = spectrumKey(p);
  if (p.data !== 'mnist' || key === null) return;
  const t = readSpectra(dir)[p.kernel];
  registerSpectrum(key, { lam: t.eigenvalues, power: t.powers[p.task] });
}
