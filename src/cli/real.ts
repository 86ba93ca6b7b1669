// The data choice on the command line: `--data mnist --kernel relu --task parity` runs the theory
// on the measured spectrum (read from public/data/), `--real --seeds S` the real regression on
// the digit pool, printing t,Eg_mean,Eg_sem like --simulate.
import { ParamError, timeGrid, type Params } from '../model/params.ts';
import { prepareReal, runReal } from '../model/real/realRun.ts';
import { registerMnistFor, readPool } from './dataFiles.ts';
import { simCsv } from './output.ts';

/** Load what the data choice needs before any computation. */
export function prepareData(p: Params): void {
  if (p.data === 'custom')
    throw new ParamError(
      'data',
      'data = custom is a file loaded in the app; the CLI reads mnist or powerlaw',
    );
  registerMnistFor(p);
}

/** The real run's CSV (or JSON: params, t, mean, s.e.m., seeds, ms). */
export function realOutput(p: Params, format: 'csv' | 'json'): string {
  if (p.data !== 'mnist') throw new ParamError('data', '--real needs --data mnist (real digits)');
  const t = timeGrid(p.tmin, p.tmax, p.nt);
  const setup = prepareReal(readPool(), p.kernel, p.task);
  const res = runReal(setup, p, t);
  if (format === 'csv') return simCsv(res);
  const arr = (a: Float64Array) => Array.from(a);
  return (
    JSON.stringify({
      params: { ...p, N: Number.isFinite(p.N) ? p.N : 'inf', M: 'pool' },
      t: arr(res.t),
      EgMean: arr(res.EgMean),
      EgSem: arr(res.EgSem),
      EtrMean: arr(res.EtrMean),
      EtrSem: arr(res.EtrSem),
      seeds: res.seeds,
      ms: res.ms,
    }) + '\n'
  );
}
