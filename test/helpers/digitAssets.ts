// The committed digit assets read from public/data/ (as the CLI reads them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodePool,
  decodeSpectra,
  MANIFEST_FILE,
  parseManifest,
  type DataManifest,
} from '../../src/model/data/assets.ts';

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'public', 'data');

export function readAsset(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DATA_DIR, name)));
}

export function committedManifest(): DataManifest {
  return parseManifest(readFileSync(join(DATA_DIR, MANIFEST_FILE), 'utf8'));
}

export function committedPool() {
  const m = committedManifest();
  return decodePool(m, readAsset(m.files.pool.name));
}

export function committedSpectra() {
  const m = committedManifest();
  return decodeSpectra(m, readAsset(m.files.spectra.name));
}
