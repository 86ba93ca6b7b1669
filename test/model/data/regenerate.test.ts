// `npm run data` is deterministic: rebuilding every pool source from its raw images gives the
// committed bytes. (Two 3000×3000 eigenproblems per source: the slowest unit tests, ≈ 30 s each.)
// A source whose raw images are not installed here is skipped with the reason (CI installs them:
// .ci/run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAssets } from '../../../src/model/data/build.ts';
import { assetFiles, POOL_SOURCES } from '../../../src/model/data/sources.ts';
import { manifestText, rawImagesMissing, readRawImages } from '../../../scripts/rawImages.ts';
import { DATA_DIR, readAsset } from '../../helpers/digitAssets.ts';

describe('raw images', () => {
  it('a source whose raw images are absent says which files, where, and which package', () => {
    const fashion = POOL_SOURCES.find((s) => s.id === 'fashion')!;
    const raw = fashion.pool.raw as Extract<typeof fashion.pool.raw, { kind: 'idx' }>;
    const absent = { ...fashion, pool: { ...fashion.pool, raw: { ...raw, dir: '/nonexistent' } } };
    expect(rawImagesMissing(absent)).toBe(
      't10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz not found in /nonexistent ' +
        '(Debian package dataset-fashion-mnist: apt-get install dataset-fashion-mnist)',
    );
  });
});

describe('npm run data', () => {
  expect(POOL_SOURCES.length).toBeGreaterThan(0);
  for (const source of POOL_SOURCES) {
    const missing = rawImagesMissing(source);
    const title = `regenerates the committed ${source.id} assets byte for byte`;
    if (missing) {
      it.skip(`${title} (skipped: ${missing})`, () => {});
      continue;
    }
    it(title, { timeout: 600_000 }, () => {
      const built = buildAssets(source, readRawImages(source));
      const committed = readFileSync(join(DATA_DIR, assetFiles(source).manifest), 'utf8');
      expect(manifestText(built.manifest)).toBe(committed);
      expect(Buffer.compare(built.pool, readAsset(built.manifest.files.pool.name))).toBe(0);
      expect(Buffer.compare(built.spectra, readAsset(built.manifest.files.spectra.name))).toBe(0);
    });
  }
});
