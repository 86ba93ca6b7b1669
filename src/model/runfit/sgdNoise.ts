// The label-noise part B of one-pass SGD's curve for a fit (docs/theory.md §9.2, §10): E_g per
// unit σ² when no initial error is left to learn. The second-moment recursion is linear in the
// initial errors and in σ², so B is the curve of the system with every initial error removed (no
// target power, no init variance, no residual) at σ² = 1. That system holds the eigenvalue nodes,
// their λ weights, the tail's powers of λ and the batch size, and not the target: B does not
// depend on β. One propagation per (α, run configuration, steps) then serves every β of the fit,
// and the cache below is keyed by the content of everything the propagation is given, so an input
// added later cannot be left out of the key.
import { propagate, type PropagateOptions } from '../sgd/propagate.ts';
import type { SgdSystem } from '../sgd/recursion.ts';
import { schedulePieces, type Schedule } from '../sgd/schedule.ts';

/** The system whose E_g is the noise part per unit σ²: no initial error, σ² = 1. */
export function noiseSystem(sys: SgdSystem): SgdSystem {
  const { nodes } = sys;
  const tail = nodes.tail && {
    ...nodes.tail,
    Iab: new Float64Array(nodes.tail.Iab.length),
    Sw: 0,
  };
  return {
    ...sys,
    nodes: { ...nodes, wc: new Float64Array(nodes.wc.length), residual: 0, Sw: 0, tail },
    sigma2: 1,
    sigma02: 0,
  };
}

/**
 * A text that two values share exactly when they hold the same data: numbers by their shortest
 * exact decimal (−0 apart), typed arrays and arrays element by element, objects by sorted keys.
 * A function has no content to compare: it is refused.
 */
export function contentKey(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'function') throw new TypeError('internal: a function has no content key');
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return `[${Array.from(value as Float64Array, contentKey).join(',')}]`;
  if (Array.isArray(value)) return `[${value.map(contentKey).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${contentKey(o[k])}`).join(',')}}`;
}

/** Noise parts kept (a fit's grid has 7 values of α, each with a few configurations). */
const CACHE_SIZE = 64;
const cache = new Map<string, Float64Array>();

/** What a noise propagation is given: its key is the content of all of it. */
export interface NoiseInputs {
  sys: SgdSystem;
  schedule: Schedule;
  steps: Float64Array;
  opts: PropagateOptions;
}

/** The inputs of the noise part of `sys` (its system made noise-only). */
export function noiseInputs(
  sys: SgdSystem,
  schedule: Schedule,
  steps: Float64Array,
  opts: PropagateOptions,
): NoiseInputs {
  return { sys: noiseSystem(sys), schedule, steps, opts };
}

/** Propagates the noise-only system: B at `steps` (B(0) = 0), uncached. */
export function propagateNoise(inp: NoiseInputs): Float64Array {
  return propagate(inp.sys, schedulePieces(inp.schedule), inp.steps, inp.opts).Eg;
}

/** B at `steps`, from the cache when the same inputs were propagated before (shared: read only). */
export function noisePart(inp: NoiseInputs): Float64Array {
  const key = contentKey(inp);
  let b = cache.get(key);
  if (!b) {
    b = propagateNoise(inp);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, b);
  }
  return b;
}
