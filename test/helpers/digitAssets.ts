// The committed assets of the pool sources, read from public/data/ as the CLI reads them
// (default: the MNIST digits).
import { readManifest, readPool, readSpectra } from '../../src/cli/dataFiles.ts';
import { poolSourceOf, type DataSource, type PoolSource } from '../../src/model/data/sources.ts';
import type { ImagePool } from '../../src/model/data/pool.ts';

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

/** The first `per` images of each class of a committed pool (a small pool for fast runs). */
export function subPool(per: number, id: DataSource = 'mnist'): ImagePool {
  const full = committedPool(id);
  const dim = full.dim;
  const classes = Math.max(...full.labels) + 1;
  const rows: number[] = [];
  for (let d = 0; d < classes; d++)
    for (let i = 0, c = 0; i < full.n && c < per; i++)
      if (full.labels[i] === d) {
        rows.push(i);
        c++;
      }
  const pixels = new Uint8Array(rows.length * dim);
  rows.forEach((i, r) => pixels.set(full.pixels.subarray(i * dim, (i + 1) * dim), r * dim));
  return { n: rows.length, dim, pixels, labels: Uint8Array.from(rows, (i) => full.labels[i]) };
}
