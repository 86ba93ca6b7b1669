// The measured spectra the engine can run on, by data key: "<source>/<kernel>/<task>" (the assets
// of a pool source, src/model/data/sources.ts, loaded by the caller: a worker fetches them, the
// CLI and the tests read public/data/) or "custom" (a user's file). The engine is pure and synchronous, so the arrays are registered
// here once and looked up by the parameters; a missing one is a ParamError naming `data`.
import { assertDataChoice, domainError, ParamError, SPEC_BY_KEY, type Params } from '../params.ts';
import { sourceOf } from '../data/sources.ts';
import type { Spectrum } from './spectrum.ts';
import {
  buildMeasuredSpectrum,
  fitSpectrum,
  fittedModes,
  type ModeSpectrum,
  type SpectrumFit,
} from './measuredSpectrum.ts';

export interface RegisteredSpectrum {
  modes: ModeSpectrum;
  fit: SpectrumFit;
  /** Node set of the measured spectrum (compressed unless registered exact). */
  measured: Spectrum;
  /** Node set of the fitted power laws A k^{-α}, B k^{-β} on as many modes. */
  fitted: Spectrum;
}

const registry = new Map<string, RegisteredSpectrum>();

/** The registry key of the parameters' data choice; null for the power law. */
export function spectrumKey(p: Pick<Params, 'data' | 'kernel' | 'task'>): string | null {
  // Unvalidated parameters reach the engine here first: an unknown source, or a task another
  // source offers, is named, not a crash or a missing spectrum.
  const bad = domainError(SPEC_BY_KEY.data, p.data);
  if (bad) throw new ParamError('data', bad);
  assertDataChoice(p);
  switch (sourceOf(p).spectrum) {
    case 'assets':
      return `${p.data}/${p.kernel}/${p.task}`;
    case 'file':
      return p.data;
    case 'law':
      return null;
  }
}

/** Register (or replace) a spectrum; throws RangeError naming the bad mode. */
export function registerSpectrum(
  key: string,
  modes: ModeSpectrum,
  exact = false,
): RegisteredSpectrum {
  const fit = fitSpectrum(modes);
  const entry = {
    modes,
    fit,
    measured: buildMeasuredSpectrum(modes, exact),
    // Its α, β are those fitted to the measured spectrum (a refit of the fitted laws on n modes
    // would differ: the power beyond k of a truncated law bends near n).
    fitted: {
      ...buildMeasuredSpectrum(fittedModes(fit, modes.lam.length), exact),
      alpha: fit.alpha,
      beta: fit.beta,
    },
  };
  registry.set(key, entry);
  return entry;
}

export function hasSpectrum(key: string): boolean {
  return registry.has(key);
}

/** The registered spectrum of the parameters' data choice (null for the power law). */
export function dataSpectrum(
  p: Pick<Params, 'data' | 'kernel' | 'task'>,
): RegisteredSpectrum | null {
  const key = spectrumKey(p);
  if (key === null) return null;
  const entry = registry.get(key);
  if (!entry)
    throw new ParamError(
      'data',
      sourceOf(p).spectrum === 'file'
        ? `no spectrum file has been loaded (data = ${p.data}: load one with “Your spectrum…”)`
        : `data = ${p.data}: the spectrum ${key} is not loaded`,
    );
  return entry;
}

/** What the spectrum plot draws: per mode λ_k and c_k, and the fitted laws with their ranges. */
export interface SpectrumView {
  lam: Float64Array;
  power: Float64Array;
  fit: SpectrumFit;
}

/** The spectrum plot's data for the parameters' measured spectrum (null for the power law). */
export function spectrumView(p: Pick<Params, 'data' | 'kernel' | 'task'>): SpectrumView | null {
  const d = dataSpectrum(p);
  return d ? { lam: d.modes.lam.slice(), power: d.modes.power.slice(), fit: d.fit } : null;
}
