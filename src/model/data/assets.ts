// The committed assets of a pool source (public/data/, built by `npm run data`; file names from
// sources.ts): their binary layout, the manifest that describes them, and the checks that turn a
// truncated or corrupted file into a message naming the file and the problem.
//   pool file:    n·dim pixel bytes (row-major), then n label bytes (class indices);
//   spectra file: little-endian Float64, for each kernel of the manifest in order: n eigenvalues
//                 of K/n (non-increasing), then for each task in order the n target powers.
import type { ImagePool } from './pool.ts';
import type { KernelKey } from './kernels.ts';
import { assetFiles, poolDim, type PoolSource, type TaskKey } from './sources.ts';

export const FORMAT = 'scaling-playground pool v2';

export interface FileEntry {
  name: string;
  bytes: number;
  /** CRC-32 (IEEE) of the file, 8 hex digits. */
  crc32: string;
}

export interface DataManifest {
  format: string;
  source: string;
  /** Seed and rule of the draw of the pool from the raw images (src/model/data/pool.ts). */
  seed: number;
  perClass: number;
  n: number;
  dim: number;
  kernels: KernelKey[];
  tasks: TaskKey[];
  zeroRel: number;
  files: { pool: FileEntry; spectra: FileEntry };
}

export class DataAssetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataAssetError';
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3 polynomial) as 8 lower-case hex digits. */
export function crc32(bytes: Uint8Array): string {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ((c ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

export function fileEntry(name: string, bytes: Uint8Array): FileEntry {
  return { name, bytes: bytes.length, crc32: crc32(bytes) };
}

export function encodePool(pool: ImagePool): Uint8Array {
  const out = new Uint8Array(pool.n * (pool.dim + 1));
  out.set(pool.pixels, 0);
  out.set(pool.labels, pool.n * pool.dim);
  return out;
}

/** Per kernel: eigenvalues and the powers of each task, in manifest order. */
export interface KernelSpectra {
  eigenvalues: Float64Array;
  powers: Record<TaskKey, Float64Array>;
}

export type SpectraTable = Record<KernelKey, KernelSpectra>;

export function encodeSpectra(
  table: SpectraTable,
  kernels: readonly KernelKey[],
  tasks: readonly TaskKey[],
  n: number,
): Uint8Array {
  const out = new Uint8Array(8 * n * kernels.length * (1 + tasks.length));
  const view = new DataView(out.buffer);
  let o = 0;
  const put = (a: Float64Array) => {
    for (let i = 0; i < n; i++, o += 8) view.setFloat64(o, a[i], true);
  };
  for (const k of kernels) {
    put(table[k].eigenvalues);
    for (const t of tasks) put(table[k].powers[t]);
  }
  return out;
}

function fail(what: string, problem: string): never {
  throw new DataAssetError(`${what}: ${problem}`);
}

function checkFile(entry: FileEntry, bytes: Uint8Array): void {
  if (bytes.length !== entry.bytes)
    fail(
      entry.name,
      `${bytes.length} bytes, expected ${entry.bytes} (truncated or wrong file; run npm run data)`,
    );
  const c = crc32(bytes);
  if (c !== entry.crc32)
    fail(entry.name, `checksum ${c}, expected ${entry.crc32} (corrupted; run npm run data)`);
}

/** Parse and check the manifest of a pool source (the text of its manifest file). */
export function parseManifest(text: string, source: PoolSource): DataManifest {
  const file = assetFiles(source).manifest;
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch (e) {
    fail(file, `not valid JSON (${(e as Error).message})`);
  }
  const r = m as Record<string, unknown>;
  if (!r || typeof r !== 'object') fail(file, 'not a JSON object');
  if (r.format !== FORMAT) fail(file, `format ${String(r.format)}, expected "${FORMAT}"`);
  const int = (k: string) => {
    const v = r[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      fail(file, `"${k}" must be a positive integer, got ${JSON.stringify(v)}`);
    return v;
  };
  int('n');
  int('perClass');
  const dim = poolDim(source.pool);
  if (r.dim !== dim) fail(file, `"dim" must be ${dim}, got ${JSON.stringify(r.dim)}`);
  const list = (k: string, allowed: readonly string[]) => {
    const v = r[k];
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => !allowed.includes(x as string)))
      fail(file, `"${k}" must be a list drawn from ${allowed.join(', ')}`);
  };
  list('kernels', source.kernels);
  list(
    'tasks',
    source.tasks.map((t) => t.key),
  );
  const files = r.files as Record<string, FileEntry> | undefined;
  for (const f of ['pool', 'spectra']) {
    const e = files?.[f];
    if (
      !e ||
      typeof e.name !== 'string' ||
      !Number.isInteger(e.bytes) ||
      !/^[0-9a-f]{8}$/.test(String(e.crc32))
    )
      fail(file, `"files.${f}" must have a name, a byte count and a crc32`);
  }
  return m as DataManifest;
}

/** Check and decode the pool file of a source. */
export function decodePool(
  manifest: DataManifest,
  bytes: Uint8Array,
  source: PoolSource,
): ImagePool {
  checkFile(manifest.files.pool, bytes);
  const { n } = manifest;
  const dim = poolDim(source.pool);
  if (bytes.length !== n * (dim + 1))
    fail(manifest.files.pool.name, `size does not match n = ${n} images of ${dim} pixels`);
  const labels = bytes.slice(n * dim);
  const classes = source.pool.classes.length;
  const bad = labels.findIndex((l) => l >= classes);
  if (bad >= 0)
    fail(manifest.files.pool.name, `label of image ${bad} is ${labels[bad]}, not 0–${classes - 1}`);
  return { n, dim, pixels: bytes.slice(0, n * dim), labels };
}

/** Check and decode the spectra file. */
export function decodeSpectra(manifest: DataManifest, bytes: Uint8Array): SpectraTable {
  const name = manifest.files.spectra.name;
  checkFile(manifest.files.spectra, bytes);
  const n = manifest.n;
  if (bytes.length !== 8 * n * manifest.kernels.length * (1 + manifest.tasks.length))
    fail(name, `size does not match ${manifest.kernels.length} kernels × n = ${n}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  const take = (what: string) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++, o += 8) {
      const v = view.getFloat64(o, true);
      if (!(v >= 0) || !Number.isFinite(v))
        fail(name, `${what}[${i}] = ${v} (must be finite, ≥ 0)`);
      a[i] = v;
    }
    return a;
  };
  const table = {} as SpectraTable;
  for (const k of manifest.kernels) {
    const eigenvalues = take(`${k} eigenvalue`);
    for (let i = 1; i < n; i++)
      if (eigenvalues[i] > eigenvalues[i - 1])
        fail(name, `${k} eigenvalues not in non-increasing order at mode ${i + 1}`);
    const powers = {} as Record<TaskKey, Float64Array>;
    for (const t of manifest.tasks) powers[t] = take(`${k}/${t} target power`);
    table[k] = { eigenvalues, powers };
  }
  return table;
}
