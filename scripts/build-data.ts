// npm run data: write the digit assets under public/data/ (see src/model/data/build.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAssets } from '../src/model/data/build.ts';
import { MANIFEST_FILE } from '../src/model/data/assets.ts';
import { manifestText, readPackageDigits } from './packageDigits.ts';

const out = join(process.cwd(), 'public', 'data');
const t0 = performance.now();
const built = buildAssets(readPackageDigits());
mkdirSync(out, { recursive: true });
writeFileSync(join(out, built.manifest.files.pool.name), built.pool);
writeFileSync(join(out, built.manifest.files.spectra.name), built.spectra);
writeFileSync(join(out, MANIFEST_FILE), manifestText(built.manifest));
const bytes = built.pool.length + built.spectra.length;
const s = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`public/data: n = ${built.manifest.n} digits, ${bytes} bytes, built in ${s} s`);
