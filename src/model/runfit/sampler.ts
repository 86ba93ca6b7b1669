// How a table of the theory's parts is sampled (docs/theory.md §10): its quality and the sampler
// an axis (or a regime with its own dynamics) provides. Apart from basis.ts so that the regimes'
// table (regimes.ts) can name a sampler without importing the tables that read the regimes.
import type { Params } from '../params.ts';

/** How finely a table is sampled. */
export interface TableQuality {
  /** Nodes per decade before refinement. */
  perDecade: number;
  /** Largest disagreement (in ln) of the local quadratics allowed at an interval's midpoint. */
  tol: number;
  /** Halvings of an interval at most. */
  levels: number;
  /** Order of the fixed-Talbot rule (docs/theory.md §5.2; 8 keeps ~1e-5 relative, 6 ~3e-4). */
  talbot: number;
}

/** The parts [A, B] at theory values; `next` is called with increasing v, `any` in any order. */
export interface Sampler {
  next(v: number): [number, number];
  any(v: number): [number, number];
  /** The parts at v → ∞ when the curve settles there (time axis), else null. */
  limit: [number, number] | null;
  /** The target power S_w = E(0): ln floors are set relative to it. */
  scale: number;
}

/** Makes the sampler of one run configuration, up to theory value vHi. */
export type SamplerFactory = (p: Params, vHi: number, q: TableQuality) => Sampler;
