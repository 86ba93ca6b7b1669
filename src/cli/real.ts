// The data choice on the command line: `--data mnist --kernel relu --task parity` (or any pool
// source of src/model/data/sources.ts: `--data fashion --task footwear`) runs the theory on the
// measured spectrum (read from public/data/), `--real --seeds S` the real regression on the
// source's pool, printing t,Eg_mean,Eg_sem like --simulate.
import { ParamError, timeGrid, type Params } from '../model/params.ts';
import { POOL_SOURCES, poolSourceOf, sourceOf } from '../model/data/sources.ts';
import { prepareReal, runReal } from '../model/real/realRun.ts';
import { registerDataFor, readPool } from './dataFiles.ts';
import type { SimResult } from '../model/types.ts';

const POOL_IDS = POOL_SOURCES.map((s) => s.id).join(' or ');

/** Load what the data choice needs before any computation. */
export function prepareData(p: Params): void {
  if (sourceOf(p).spectrum === 'file')
    throw new ParamError(
      'data',
      `data = ${p.data} is a file loaded in the app; the CLI reads ${POOL_IDS} or powerlaw`,
    );
  registerDataFor(p);
}

/** The real run on the source's pool at the curve's times (mean ± s.e.m. over the seeds). */
export function realRun(p: Params): SimResult {
  const source = poolSourceOf(p);
  if (!source) throw new ParamError('data', `--real needs --data ${POOL_IDS} (a pool of images)`);
  const t = timeGrid(p.tmin, p.tmax, p.nt);
  return runReal(prepareReal(readPool(source), p), p, t);
}
