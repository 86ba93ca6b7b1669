// Runs the command line as `npm run -s curve` does: node scripts/curve.mjs (which builds the
// bundle dist-cli/curve.mjs first when it is missing or stale).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Build (if stale) before any test runs, so that no test sees the one-off "building…" line.
spawnSync(process.execPath, ['scripts/curve.mjs', '--help'], { cwd: root, stdio: 'ignore' });

export function cli(...args: string[]): { code: number | null; out: string; err: string } {
  return cliWithInput(undefined, ...args);
}

export function cliWithInput(
  input: string | undefined,
  ...args: string[]
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['scripts/curve.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 64 << 20,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
