import { describe, expect, it } from 'vitest';
import {
  crc32,
  DataAssetError,
  decodePool,
  decodeSpectra,
  parseManifest,
} from '../../../src/model/data/assets.ts';
import { committedManifest, poolSource, readAsset } from '../../helpers/digitAssets.ts';

const MNIST = poolSource('mnist');

const manifest = committedManifest();
const pool = readAsset(manifest.files.pool.name);
const spectra = readAsset(manifest.files.spectra.name);

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataAssetError);
    return (e as Error).message;
  }
  throw new Error('expected a DataAssetError');
}

describe('pool asset loaders (MNIST)', () => {
  it('decode the committed assets', () => {
    const p = decodePool(manifest, pool, MNIST);
    expect(p.n).toBe(3000);
    for (let d = 0; d < 10; d++) expect(p.labels.filter((l) => l === d).length).toBe(300);
    const s = decodeSpectra(manifest, spectra);
    expect(s.relu.eigenvalues.length).toBe(3000);
    expect(s.relu.eigenvalues[0]).toBeGreaterThan(s.relu.eigenvalues[2999]);
  });

  it('CRC-32 is the standard one', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe('cbf43926');
  });

  it('name the file and the problem for truncated files', () => {
    expect(message(() => decodePool(manifest, pool.subarray(0, 1000), MNIST))).toBe(
      'mnist-pool.bin: 1000 bytes, expected 2355000 (truncated or wrong file; run npm run data)',
    );
    expect(message(() => decodeSpectra(manifest, spectra.subarray(0, 8 * 3000)))).toMatch(
      /^mnist-spectra\.bin: 24000 bytes, expected 192000/,
    );
  });

  it('name the file and the problem for corrupted files', () => {
    const bad = spectra.slice();
    bad[12345] ^= 0x40;
    expect(message(() => decodeSpectra(manifest, bad))).toMatch(
      /^mnist-spectra\.bin: checksum [0-9a-f]{8}, expected [0-9a-f]{8} \(corrupted/,
    );
    // A file consistent with a tampered manifest still fails the content checks.
    const neg = spectra.slice();
    new DataView(neg.buffer).setFloat64(8 * 5, -1, true);
    const m2 = {
      ...manifest,
      files: { ...manifest.files, spectra: { ...manifest.files.spectra, crc32: crc32(neg) } },
    };
    expect(message(() => decodeSpectra(m2, neg))).toBe(
      'mnist-spectra.bin: linear eigenvalue[5] = -1 (must be finite, ≥ 0)',
    );
  });

  it('reject a bad manifest with the field named', () => {
    expect(message(() => parseManifest('{"format": ', MNIST))).toMatch(
      /^mnist-manifest\.json: not valid JSON/,
    );
    const m = JSON.parse(JSON.stringify(manifest));
    m.kernels = ['linear', 'rbf'];
    expect(message(() => parseManifest(JSON.stringify(m), MNIST))).toBe(
      'mnist-manifest.json: "kernels" must be a list drawn from linear, relu',
    );
    delete m.files.pool.crc32;
    m.kernels = ['relu'];
    expect(message(() => parseManifest(JSON.stringify(m), MNIST))).toMatch(
      /"files\.pool" must have/,
    );
  });
});
