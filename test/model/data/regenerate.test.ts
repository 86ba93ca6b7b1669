// `npm run data` is deterministic: rebuilding from the package gives the committed bytes.
// (Two 3000×3000 eigenproblems: the slowest unit test, ≈ 30 s.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAssets } from '../../../src/model/data/build.ts';
import { MANIFEST_FILE } from '../../../src/model/data/assets.ts';
import { manifestText, readPackageDigits } from '../../../scripts/packageDigits.ts';
import { DATA_DIR, readAsset } from '../../helpers/digitAssets.ts';

describe('npm run data', () => {
  it('regenerates the committed assets byte for byte', { timeout: 300_000 }, () => {
    const built = buildAssets(readPackageDigits());
    expect(manifestText(built.manifest)).toBe(readFileSync(join(DATA_DIR, MANIFEST_FILE), 'utf8'));
    expect(Buffer.compare(built.pool, readAsset(built.manifest.files.pool.name))).toBe(0);
    expect(Buffer.compare(built.spectra, readAsset(built.manifest.files.spectra.name))).toBe(0);
  });
});
