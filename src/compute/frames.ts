// The frames of a parameter sweep (Play): their curves are computed ahead in both theory workers
// and kept here, so that while the animation runs each parameter change is answered from this
// cache (the curve scheduler looks here first) and the main thread only draws.
import type { CurveResult } from '../model/types.ts';
import { unwrap, type ComputeClient } from './client.ts';
import { curveKey, type CurveRequest } from './plan.ts';

/** Frames kept: a few sweeps' worth (a curve is a few kB). */
const MAX_FRAMES = 600;

export interface FrameCache {
  get(r: CurveRequest): CurveResult | undefined;
  set(r: CurveRequest, c: CurveResult): void;
}

export function createFrameCache(max = MAX_FRAMES): FrameCache {
  const m = new Map<string, CurveResult>();
  return {
    get: (r) => m.get(curveKey(r)),
    set(r, c) {
      const k = curveKey(r);
      m.delete(k);
      m.set(k, c);
      // Oldest first out (Map keeps insertion order).
      while (m.size > max) m.delete(m.keys().next().value as string);
    },
  };
}

export interface Prefetch {
  /** Resolves when every frame is cached (or the prefetch was cancelled); rejects on an error. */
  done: Promise<void>;
  cancel(): void;
}

/**
 * Compute the curves of `reqs` in the theory workers (both, one frame at a time each) into the
 * cache; `onProgress(done, total)` after each frame.
 */
export function prefetchCurves(
  c: Pick<ComputeClient, 'main' | 'sweep'>,
  cache: FrameCache,
  reqs: readonly CurveRequest[],
  onProgress: (done: number, total: number) => void,
): Prefetch {
  let next = 0;
  let done = 0;
  let cancelled = false;
  const lane = async (port: ComputeClient['main']) => {
    while (!cancelled && next < reqs.length) {
      const r = reqs[next++];
      if (!cache.get(r)) {
        const curve = await port.call((api) => unwrap(api.curve(r.p, r.window)));
        if (cancelled) return;
        cache.set(r, curve);
      }
      onProgress(++done, reqs.length);
    }
  };
  return {
    done: Promise.all([lane(c.sweep), lane(c.main)]).then(() => undefined),
    cancel() {
      cancelled = true;
    },
  };
}
