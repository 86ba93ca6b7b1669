// The data choice on the command line: `--data mnist --kernel relu --task parity` runs the theory
// on the measured spectrum (read from public/data/), `--real --seeds S` the real regression on
// the digit pool, printing t,Eg_mean,Eg_sem like --simulate.
import { ParamError, timeGrid, type Params } from '../model/params.ts';
import { prepareReal, runReal } from '../model/real/realRun.ts';
import { registerMnistFor, readPool } from './dataFiles.ts';
import type { SimResult } from '../model/types.ts';

/** Load what the data choice needs before any computation. */
export function prepareData(p: Params): void {
  if (p.data === 'custom')
    throw new ParamError(
      'data',
      'data = custom is a file loaded in the app; the CLI reads mnist or powerlaw',
    );
  registerMnistFor(p);
}

/** The real run on the digit pool at the curve's times (mean ± s.e.m. over the seeds). */
export function realRun(p: Params): SimResult {
  if (p.data !== 'mnist') throw new ParamError('data', '--real needs --data mnist (real digits)');
  const t = timeGrid(p.tmin, p.tmax, p.nt);
  return runReal(prepareReal(readPool(), p.kernel, p.task), p, t);
}
