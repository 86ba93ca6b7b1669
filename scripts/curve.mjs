// `npm run -s curve`: run the command line from its bundle (dist-cli/curve.mjs), building it first
// when it is missing or older than one of its sources (dist-cli/inputs.json lists them; checking
// takes about a millisecond). Plain JavaScript so that Node starts it without a TypeScript loader.
// Concurrent first runs (parallel tests) build once: the others wait on a lock directory.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-cli');
const bundle = join(out, 'curve.mjs');
const manifest = join(out, 'inputs.json');
const lock = join(out, '.lock');
/** A lock older than this was left by a build that died; it is taken over. */
const LOCK_STALE_MS = 120_000;

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

function stale() {
  const built = mtime(bundle);
  if (built === Infinity) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return true;
  }
  const sources = [...inputs, 'vite.cli.config.ts', 'package-lock.json'];
  return sources.some((f) => mtime(join(root, f)) > built);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function build() {
  mkdirSync(out, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - mtime(lock) > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(100);
      if (!stale()) return; // another process built it meanwhile
    }
  }
  try {
    if (!stale()) return;
    process.stderr.write('building the command line (dist-cli/curve.mjs)…\n');
    const tmp = join(lock, 'out');
    // Sources edited while Vite reads them must leave the bundle stale: it is dated to the start.
    const started = new Date();
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(
      process.execPath,
      [vite, 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'],
      { cwd: root, env: { ...process.env, CLI_OUT_DIR: tmp }, stdio: ['ignore', 2, 2] },
    );
    if (r.status !== 0) {
      process.stderr.write('error: building the command line failed (see above)\n');
      process.exit(1);
    }
    // The bundle first: a manifest never describes an older bundle than the one beside it.
    utimesSync(join(tmp, 'curve.mjs'), started, started);
    renameSync(join(tmp, 'curve.mjs'), bundle);
    renameSync(join(tmp, 'inputs.json'), manifest);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.env.CURVE_NO_BUILD !== '1' && stale()) build();
if (!existsSync(bundle)) {
  process.stderr.write('error: dist-cli/curve.mjs is missing (run npm run build:cli)\n');
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
