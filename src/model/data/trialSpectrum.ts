// The preview of a user's spectrum runs the theory once on it before it is offered (in the worker
// that read the file): a file the preview accepts runs. The range check of every value
// (spectrumRows.ts) already refuses what would underflow or overflow; this catches whatever else
// the engine cannot use (docs/theory.md §0 "Measured spectra"), with the engine's own reason.
import { computeCurve, DEFAULT_PARAMS } from '../index.ts';
import type { Params } from '../params.ts';
import { registerSpectrum } from '../theory/dataSpectra.ts';
import { problem } from './spectrumRows.ts';
import { openingSize } from './sources.ts';
import type { ParsedSpectrum, SpectrumParse } from './customSpectrum.ts';

/** The settings of the trial: the defaults on the file, at the P the app opens it at. */
function trialParams(modes: number): Params {
  const P = openingSize(DEFAULT_PARAMS.P, modes) ?? DEFAULT_PARAMS.P;
  return { ...DEFAULT_PARAMS, data: 'custom', P };
}

/** The parse itself when the learning curve at the default settings is finite; else why not. */
export function trySpectrum(parsed: ParsedSpectrum): SpectrumParse {
  let bad: string | null = null;
  try {
    registerSpectrum('custom', parsed.modes);
    const c = computeCurve(trialParams(parsed.modes.lam.length), { light: true });
    const i = c.Eg.findIndex((e) => !(Number.isFinite(e) && e >= 0));
    if (i >= 0) bad = `gives E_g(t = ${c.t[i].toPrecision(3)}) = ${c.Eg[i]}`;
    // An infinite E_g(∞) is the theory's when the engine says why (fewer modes than samples
    // with label noise, docs/theory.md §4); otherwise it is the numbers'.
    else if (!(c.limit.Eg >= 0) || (c.limit.Eg === Infinity && !c.limit.divergent))
      bad = `gives E_g(∞) = ${c.limit.Eg}`;
  } catch (e) {
    bad = `stops with “${(e as Error).message}”`;
  }
  return bad === null
    ? parsed
    : problem(
        `the theory cannot run on these modes (at the default settings it ${bad}); ` +
          `check the columns and their scale`,
      );
}
