// The sizes a real run on a pool takes, in a module of their own so the UI can say before a run
// why it cannot start without loading the runner (realRun.ts).
import type { Params } from '../params.ts';

/** Largest training set of a real run (one P×P eigendecomposition per draw). */
export const MAX_REAL_P = 2000;
/** Largest number of random features (the n × N feature matrix of the pool). */
export const MAX_REAL_N = 4000;

/** A size a real run cannot take: the parameter, its value and the largest it handles. */
export interface RealRunLimit {
  param: 'P' | 'N';
  value: number;
  max: number;
}

/** The sizes of p beyond a real run's limits (empty: it runs): P ≤ MAX_REAL_P, N ≤ MAX_REAL_N or ∞. */
export function realRunLimits(p: Pick<Params, 'P' | 'N'>): RealRunLimit[] {
  const out: RealRunLimit[] = [];
  if (p.P > MAX_REAL_P) out.push({ param: 'P', value: p.P, max: MAX_REAL_P });
  if (Number.isFinite(p.N) && p.N > MAX_REAL_N)
    out.push({ param: 'N', value: p.N, max: MAX_REAL_N });
  return out;
}
