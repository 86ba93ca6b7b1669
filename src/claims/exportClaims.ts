// Lines of the data files beyond their common preamble (ui/exportData.ts), as claims: the
// spectrum file's layout and fit, the mode file's eigenvalue. Written in the file's ASCII notation
// (lambda_k, k^-1.3: a CSV is read by programs), so the file holds `markup`, not the page's runs.
import type { Params } from '../model/params.ts';
import type { SpectrumFit } from '../model/theory/measuredSpectrum.ts';
import type { ModeDetail } from '../model/types.ts';
import { claim, DEFINITION, near, problems, type Claim } from './registry.ts';

export function spectrumRowsClaim(modes: number): Claim {
  return claim(
    'export.spectrum.rows',
    `one row per mode k = 1…${modes}; reads back through "Your spectrum…"`,
    { params: {} },
    DEFINITION,
  );
}

/** The fitted α, β the file states are the engine's (it runs measured data at its fit). */
export function spectrumFitClaim(text: string, p: Params, f: SpectrumFit): Claim {
  return claim('export.spectrum.fit', text, { params: p }, (o) => {
    const e = o.effective(p);
    return problems(near('fitted α', f.alpha, e.alpha, 6), near('fitted β', f.beta, e.beta, 6));
  });
}

/** The inspected mode's eigenvalue, against the engine's. */
export function modeFileClaim(text: string, p: Params, d: ModeDetail): Claim {
  return claim('export.mode.lambda', text, { params: p }, (o) =>
    problems(near('λ_k', d.lambda, o.mode(p, d.k, Infinity).lambda, 6)),
  );
}
