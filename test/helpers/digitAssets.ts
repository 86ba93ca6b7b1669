// The committed assets of the pool sources, read from public/data/ as the CLI reads them
// (default: the MNIST digits).
import { readManifest, readPool, readSpectra } from '../../src/cli/dataFiles.ts';
import { poolSourceOf, type DataSource, type PoolSource } from '../../src/model/data/sources.ts';

export { DATA_DIR, readAsset } from '../../src/cli/dataFiles.ts';

/** The record of a pool source (throws for a source without a pool). */
export function poolSource(id: DataSource = 'mnist'): PoolSource {
  const s = poolSourceOf(id);
  if (!s) throw new Error(`${id} has no pool`);
  return s;
}

export const committedManifest = (id: DataSource = 'mnist') => readManifest(poolSource(id));
export const committedPool = (id: DataSource = 'mnist') => readPool(poolSource(id));
export const committedSpectra = (id: DataSource = 'mnist') => readSpectra(poolSource(id));
