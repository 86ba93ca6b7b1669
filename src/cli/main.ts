// `npm run -s curve -- …`: the theory (or the exact simulator, or the compute-optimal frontier) from
// the command line. Runs as the bundle dist-cli/curve.mjs (scripts/curve.mjs builds it when stale).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ParamError } from '../model/params.ts';
import { checkMode, parseArgs } from './args.ts';
import { runBatch } from './batch.ts';
import { evaluate } from './evaluate.ts';
import { fitFile } from './fit.ts';
import { usage } from './help.ts';
import { jsonText } from './output.ts';
import { CliError, resolveParams } from './resolve.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);

async function run(argv: string[]): Promise<number> {
  try {
    const opts = parseArgs(argv);
    if (opts.help) {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    if (opts.lines !== null) {
      for (const w of opts.warnings) say(`warning: ${w}`);
      say(
        'regime: per line, as named or inferred (T > 0 → langevin, else gamma > 0 → wd, else gf)',
      );
      const stream = opts.lines === '-' ? process.stdin : createReadStream(opts.lines);
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      const write = (s: string) => process.stdout.write(s);
      const t0 = performance.now();
      const { lines: n, failed } = await runBatch(lines, opts.mode, opts.given, write, (w) =>
        say(`warning: ${w}`),
      );
      const s = ((performance.now() - t0) / 1000).toFixed(2);
      say(`batch: ${n} lines, ${failed} failed, ${s} s`);
      return failed > 0 ? 1 : 0;
    }
    const { params, inferred, steps } = resolveParams(opts.given);
    checkMode(opts.mode, opts.given, params, opts.warnings);
    for (const w of opts.warnings) say(`warning: ${w}`);
    if (inferred) say(inferred);
    if (opts.fit) {
      const f = fitFile(opts.fit.file, opts.fit.axis, params, opts.given, opts.fit.xMin);
      for (const n of f.notes) say(`note: ${n}`);
      process.stdout.write(jsonText(f.record));
      return 0;
    }
    const result = await evaluate(opts.mode, params, {
      repeat: opts.repeat,
      modeK: opts.modeK,
      steps,
      // The app's default window is automatic; typed bounds make it manual, as in a link.
      phase: opts.phase
        ? {
            exponent: opts.phase,
            K: opts.gridK,
            window: opts.given.some((g) => g.key === 'tmin' || g.key === 'tmax')
              ? 'manual'
              : 'auto',
          }
        : undefined,
    });
    for (const n of result.notes) say(`note: ${n}`);
    process.stdout.write(opts.format === 'json' ? jsonText(result.record) : result.csv);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      say(`error: ${err.message}`);
      return 2;
    }
    if (err instanceof ParamError) {
      say(`error: --${err.param}: ${err.message}`);
      return 2;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      say(`error: --lines: ${(err as Error).message}`);
      return 2;
    }
    say(`error: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
