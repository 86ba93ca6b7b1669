// Start-up of the command line: median wall time over repeated runs of --help and of one default
// curve, beside a bare `node -e 0` (the floor). Used by bench/cli.bench.ts.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/** Median wall time (ms) of a command over `runs` runs; throws if it fails. */
export function medianWallMs(cmd: string, args: string[], runs: number, input?: string): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 });
    ms.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  }
  return median(ms);
}

export interface StartupFigures {
  node: number;
  help: number;
  curve: number;
}

/** Start-up of `node scripts/curve.mjs` (what `npm run -s curve` runs), with bare node beside it. */
export function measureStartup(runs = 10): StartupFigures {
  const node = process.execPath;
  // One run first: builds dist-cli/curve.mjs if it is missing or stale, so that it is not timed.
  medianWallMs(node, ['scripts/curve.mjs', '--help'], 1);
  return {
    node: medianWallMs(node, ['-e', '0'], runs),
    help: medianWallMs(node, ['scripts/curve.mjs', '--help'], runs),
    curve: medianWallMs(node, ['scripts/curve.mjs'], runs),
  };
}

export function startupLines(f: StartupFigures, runs: number): string[] {
  return [
    `CLI start-up, median wall time of ${runs} runs (node scripts/curve.mjs, as npm run -s curve):`,
    `  --help              ${f.help.toFixed(0).padStart(5)} ms`,
    `  one default curve   ${f.curve.toFixed(0).padStart(5)} ms`,
    `  bare node -e 0      ${f.node.toFixed(0).padStart(5)} ms (the floor on this machine now)`,
  ];
}
