// `npm run -s curve -- …`: the theory (or the exact simulator) from the command line.
import { computeCurve } from '../model/theory/curve.ts';
import { computeFrontier } from '../model/theory/frontier.ts';
import { ParamError } from '../model/params.ts';
import { simulationModes } from '../model/simulation/simulationModes.ts';
import { CliError, parseArgs, usage } from './args.ts';
import { prepareData, realOutput } from './real.ts';
import {
  curveCsv,
  curveJson,
  frontierCsv,
  frontierJson,
  posteriorCsv,
  simCsv,
  simJson,
} from './output.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

async function run(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  for (const w of opts.warnings) process.stderr.write(`warning: ${w}\n`);
  const p = opts.params;
  try {
    prepareData(p);
    if (opts.real) {
      process.stdout.write(realOutput(p, opts.format));
      return 0;
    }
    if (opts.simulate) {
      // Loaded on demand: the theory path does not pay for the simulator's modules.
      const { simulate } = await import('../model/simulation/simulate.ts');
      const M = simulationModes(p);
      if (!Number.isFinite(p.M)) process.stderr.write(`note: simulating with M = ${M} modes\n`);
      const q = { ...p, M };
      const t = computeCurve(q, { light: true }).t;
      const res = simulate(q, { t, seeds: p.seeds, seed: p.seed });
      process.stdout.write(opts.format === 'json' ? simJson(q, res, M) : simCsv(res));
      return 0;
    }
    if (opts.frontier) {
      const f = computeFrontier(p);
      process.stdout.write(opts.format === 'json' ? frontierJson(f) : frontierCsv(f));
      return 0;
    }
    let curve = computeCurve(p);
    let msPerCurve: number | undefined;
    if (opts.repeat > 0) {
      const ms: number[] = [];
      for (let i = 0; i < opts.repeat; i++) {
        const t0 = performance.now();
        curve = computeCurve(p);
        ms.push(performance.now() - t0);
      }
      msPerCurve = median(ms);
      if (opts.format === 'csv') process.stderr.write(`msPerCurve=${msPerCurve.toFixed(3)}\n`);
    }
    if (opts.format === 'json') process.stdout.write(curveJson(curve, msPerCurve));
    else if (p.regime === 'bayes') process.stdout.write(posteriorCsv(curve));
    else process.stdout.write(curveCsv(curve));
    return 0;
  } catch (err) {
    if (err instanceof ParamError) {
      process.stderr.write(`error: --${err.param}: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
