// Loads the reference curves kept in test/fixtures/reference (format and provenance in its README).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PARAMS, type Params, type Regime } from '../../src/model/params.ts';

export const REFERENCE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../fixtures/reference',
);

export interface ReferenceFile {
  name: string;
  params: Params;
  t: number[];
  theory: { Eg: number[]; Etr: number[] };
  sim: {
    seeds: number;
    Eg_mean: number[];
    Eg_sem: number[];
    Etr_mean: number[];
    Etr_sem: number[];
  };
  limit?: {
    kappa: number;
    E_mean: number;
    E_gibbs?: number;
    post_var_per_T?: number;
    Etr_mean?: number;
  };
}

/** The regime a reference configuration belongs to. */
export function regimeOf(q: { gamma: number; T: number }): Regime {
  return q.T > 0 ? 'langevin' : q.gamma > 0 ? 'wd' : 'gf';
}

export function loadReferences(): ReferenceFile[] {
  const files = readdirSync(REFERENCE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`no reference files in ${REFERENCE_DIR}`);
  return files.map((f) => {
    const r = JSON.parse(readFileSync(join(REFERENCE_DIR, f), 'utf8'));
    const q = r.params;
    const params: Params = {
      ...DEFAULT_PARAMS,
      alpha: q.alpha,
      beta: q.beta,
      P: q.P,
      N: q.N === 'inf' ? Infinity : q.N,
      M: q.M === 'inf' ? Infinity : q.M,
      sigma2: q.sigma2,
      gamma: q.gamma,
      T: q.T,
      sigma02: q.sigma02,
      regime: regimeOf(q),
      tmin: r.t[0],
      tmax: r.t[r.t.length - 1],
      nt: r.t.length,
    };
    return { name: r.name ?? f, params, t: r.t, theory: r.theory, sim: r.sim, limit: r.limit };
  });
}
