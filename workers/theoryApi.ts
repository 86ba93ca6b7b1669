// The theory API of docs/theory.md over the pure engine (src/model): each call answers with an
// envelope (never throws across the boundary). The worker wraps it with comlink and loads measured
// spectra on demand; the audit (test/audit/) runs the same object in-process, so what it checks is
// what the worker computes.
import {
  computeCurve,
  computeModeDetail,
  computeModes,
  computeOrder,
  computeSweep,
  effectiveParams,
} from '../src/model/index.ts';
import { computeFrontier, frontierSweep } from '../src/model/theory/frontier.ts';
import { KappaCache, SESSION_CACHE } from '../src/model/theory/engine.ts';
import type { Params } from '../src/model/params.ts';
import type { PhaseExponent } from '../src/model/theory/phase.ts';
import { fitPhasePoints, type PhaseFitOptions } from '../src/model/theory/phaseFit.ts';
import type { SizeAxis, SweepAt } from '../src/model/types.ts';
import { attempt } from '../src/protocol/errors.ts';
import type { TheoryApi } from '../src/protocol/api.ts';
import type { Envelope } from '../src/protocol/messages.ts';
import { registerSpectrum, spectrumView } from '../src/model/theory/dataSpectra.ts';
import { computeSgdFrontier, computeSgdSweeps } from '../src/model/sgd/panels.ts';

export interface TheoryHost {
  /** Make sure the measured spectrum the parameters choose is registered (rejects on failure). */
  ensureSpectrum(p: Params): Promise<void>;
  /** What happens to an answer on its way out (the worker transfers its buffers). */
  send<T>(env: Envelope<T>): Envelope<T>;
}

/**
 * The κ solves of the curves asked for last, kept across calls (engine.ts KappaCache; the answers
 * are the same with or without it): a slider that leaves κ alone (β, σ², σ0², T, the time
 * window) then solves only the times it has not solved before. Bounded (engine.ts SESSION_CACHE):
 * the times used longest ago go first, so a dragged n_t keeps the scan's times.
 */
export function theoryApi(host: TheoryHost): TheoryApi {
  const curveCache = new KappaCache(SESSION_CACHE);
  /** Compute once the measured spectrum is loaded (a failed load: an error envelope). */
  async function withData<T>(p: Params, f: () => T): Promise<Envelope<T>> {
    let failure: unknown = null;
    await host.ensureSpectrum(p).catch((e) => (failure = e));
    return host.send(
      attempt(() => {
        if (failure) throw failure;
        return f();
      }),
    );
  }

  return {
    /** `window`: 'auto' lets the engine choose tmin, tmax from the dynamics. */
    curve(p: Params, window: 'auto' | 'manual' = 'manual') {
      return withData(p, () => computeCurve(p, { window, cache: curveCache }));
    },
    fittedCurve(p: Params) {
      return withData(p, () => computeCurve(p, { fitted: true, light: true }));
    },
    spectrum(p: Params) {
      return withData(p, () => spectrumView(p));
    },
    modes(p: Params) {
      return withData(p, () => computeModes(p));
    },
    sweep(p: Params, axis: SizeAxis, at: SweepAt, tFixed: number) {
      return withData(p, () => computeSweep(p, axis, at, tFixed));
    },
    /** The compute-optimal frontier (~100–300 ms) as a sweep over C = N·t. */
    frontier(p: Params) {
      return withData(p, () => frontierSweep(computeFrontier(p), p.P));
    },
    parts(p: Params) {
      return withData(p, () => {
        const c = computeCurve(p, { parts: true, light: true });
        return { t: c.t, Eg: c.Eg, parts: c.parts!, limit: c.limit.parts };
      });
    },
    order(p: Params) {
      return withData(p, () => {
        const inf = computeOrder(p, Float64Array.of(Infinity));
        // R = λ/κ (docs/theory.md §1) at λ = γ: exactly 0 without weight decay, where the product
        // (1 − df/N)(1 − df/P) at κ_* leaves round-off.
        const kappa = inf.kappa[0];
        const R = kappa > 0 ? effectiveParams(p).gamma / kappa : inf.R[0];
        const atInfinity = { kappa, R, amplification: inf.amplification[0] };
        return { ...computeOrder(p), atInfinity };
      });
    },
    mode(p: Params, k: number) {
      return withData(p, () => computeModeDetail(p, k));
    },
    sgdSweeps(p: Params) {
      return withData(p, () => computeSgdSweeps(p));
    },
    sgdFrontier(p: Params) {
      return withData(p, () => computeSgdFrontier(p));
    },
    warmUp(p: Params) {
      return withData(p, () => computeCurve(p, { window: 'auto' }).ms);
    },
    setCustom(modes) {
      return Promise.resolve(
        attempt(() => {
          registerSpectrum('custom', modes);
          return null;
        }),
      );
    },
    phasePoints(exponent: PhaseExponent, p: Params, ab: [number, number][], opts: PhaseFitOptions) {
      return withData(p, () => fitPhasePoints(exponent, p, ab, opts));
    },
  };
}
