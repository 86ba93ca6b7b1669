// npm run data: write the assets of every pool source under public/data/ (see
// src/model/data/build.ts); `npm run data -- fashion` builds one source only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAssets } from '../src/model/data/build.ts';
import { assetFiles, POOL_SOURCES } from '../src/model/data/sources.ts';
import { ensureRawImages, manifestText, readRawImages } from './rawImages.ts';

const out = join(process.cwd(), 'public', 'data');
const only = process.argv.slice(2);
const unknown = only.filter((id) => !POOL_SOURCES.some((s) => s.id === id));
if (unknown.length) {
  console.error(
    `unknown source ${unknown.join(', ')}; one of ${POOL_SOURCES.map((s) => s.id).join(', ')}`,
  );
  process.exit(2);
}
mkdirSync(out, { recursive: true });
for (const source of POOL_SOURCES) {
  if (only.length && !only.includes(source.id)) continue;
  const t0 = performance.now();
  ensureRawImages(source);
  const built = buildAssets(source, readRawImages(source));
  writeFileSync(join(out, built.manifest.files.pool.name), built.pool);
  writeFileSync(join(out, built.manifest.files.spectra.name), built.spectra);
  writeFileSync(join(out, assetFiles(source).manifest), manifestText(built.manifest));
  const bytes = built.pool.length + built.spectra.length;
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `public/data: ${source.id}, n = ${built.manifest.n} ${source.words.items}, ${bytes} bytes, built in ${s} s`,
  );
}
