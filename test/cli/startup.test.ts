// What makes the command line start fast, asserted as behaviour (the start-up times themselves are
// measured and printed by `npm run bench`, bench/startup.ts: wall times are not unit tests on a
// shared, noisy machine). `node scripts/curve.mjs` must run the prebuilt plain-JavaScript bundle,
// without a TypeScript loader and without rebuilding it when it is fresh.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './run.ts';

const bundle = join(root, 'dist-cli', 'curve.mjs');

describe('CLI start-up path', () => {
  it('a fresh bundle is run as it is: no rebuild, no "building…" line, bundle untouched', () => {
    const before = statSync(bundle).mtimeMs;
    const r = spawnSync(process.execPath, ['scripts/curve.mjs', '--help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/building the command line/);
    expect(r.stdout).toMatch(/--regime/);
    expect(statSync(bundle).mtimeMs).toBe(before);
  });

  it('the bundle is plain JavaScript that bare Node runs (no TypeScript loader in it)', () => {
    const r = spawnSync(process.execPath, [bundle, '--help'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const text = readFileSync(bundle, 'utf8');
    expect(text).not.toMatch(/from ["'](tsx|typescript|esbuild)["']/);
    expect(text).not.toMatch(/\.ts["']\)/);
  });
});
