// `--fit FILE --x steps|P|N`: fit the theory to a user's runs (docs/theory.md §10) and print one
// JSON record: α and β with their 68 % and 95 % profile-likelihood intervals, σ², the scale c, the
// floor L₀, the hold-out check against a plain power law, and the fitted curve continued to 10× the
// largest x with its 95 % band. The file: CSV x,loss[,run] (with a header, also P, N, batch, eta)
// or the runs JSON the app saves. The other parameters of the theory come from the flags as given
// (--P, --N, --M, --gamma, --regime; a run's own P or N overrides); α, β and σ² are fitted.
import { readFileSync } from 'node:fs';
import { fitRuns, FitError, type RunFitResult } from '../model/runfit/fitRuns.ts';
import { HOLDOUT_FRACTION } from '../model/runfit/holdout.ts';
import { FIT_AXES, parseRunsText, type FitAxis } from '../model/runfit/runs.ts';
import type { Params } from '../model/params.ts';
import { CliError, type Given } from './resolve.ts';

/** Bootstrap resamples, as the app's default. */
const BOOTSTRAP = 50;

/** The parameters a fit takes from the flags: the theory's other parameters, not α, β, σ². */
export const FIT_UNUSED: readonly (keyof Params)[] = [
  'alpha',
  'beta',
  'sigma2',
  'tmin',
  'tmax',
  'nt',
  'seeds',
  'data',
  'kernel',
  'task',
];

/** The --x flag. */
export function parseFitAxis(value: string): FitAxis {
  if (!(FIT_AXES as readonly string[]).includes(value))
    throw new CliError('x', `--x: “${value}” is not allowed (${FIT_AXES.join(', ')})`);
  return value as FitAxis;
}

/** The --xmin flag: a number ≥ 0. */
export function parseXMin(value: string): number {
  const v = Number(value);
  if (value.trim() === '' || !(v >= 0) || !Number.isFinite(v))
    throw new CliError('xmin', `--xmin: “${value}” is not allowed (a number ≥ 0)`);
  return v;
}

/** Read and fit the file; notes for stderr, the JSON record. */
export function fitFile(
  file: string,
  axis: FitAxis | null,
  params: Params,
  given: readonly Given[],
  xMin: number,
): { record: Record<string, unknown>; notes: string[] } {
  if (axis === null) throw new CliError('x', '--fit needs --x steps|P|N (what x is in the file)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError('fit', `--fit ${file}: ${(e as Error).message}`);
  }
  const parsed = parseRunsText(text, axis);
  if (!parsed.ok) throw new CliError('fit', `--fit ${file}: ${parsed.message}`);
  // Only what was given: the fit's own defaults (P = 10⁷, N = ∞) stand for "not a bottleneck".
  const own: Partial<Params> = {};
  for (const g of given) (own as Record<string, unknown>)[g.key] = params[g.key];
  let r: RunFitResult;
  try {
    r = fitRuns(parsed, {
      axis,
      regime: params.regime,
      params: own,
      xMin,
      bootstrap: BOOTSTRAP,
      holdout: HOLDOUT_FRACTION,
      seed: params.seed,
    });
  } catch (e) {
    if (e instanceof FitError) throw new CliError('fit', `--fit ${file}: ${e.message}`);
    throw e;
  }
  const notes = [...r.notes];
  if (r.holdoutSkipped) notes.push(`no hold-out check: ${r.holdoutSkipped}`);
  if (r.bootstrapSkipped) notes.push(`no bootstrap: ${r.bootstrapSkipped}`);
  if (r.quality.misfit)
    notes.push(
      `the theory's curves do not follow these runs closely: residuals ${(r.quality.rms / r.quality.tau0).toFixed(1)} times the point-to-point noise (the intervals are widened for it)`,
    );
  return { record: fitRecord(r), notes };
}

/** The record: the keys first, then what a script may want beside them. */
export function fitRecord(r: RunFitResult): Record<string, unknown> {
  const h = r.holdout;
  return {
    alpha: r.alpha,
    beta: r.beta,
    sigma2: r.sigma2,
    scale: r.scale,
    floor: r.floor,
    holdout: h && {
      theory: h.theory.rms,
      powerlaw: h.powerlaw.rms,
      split: h.split,
      held: h.nHeld,
    },
    extrapolation: extrapolation(r),
    xScale: r.xScale,
    axis: r.axis,
    regime: r.regime,
    ridge: r.ridge,
    bootstrap: r.bootstrap && {
      B: r.bootstrap.B,
      alpha: r.bootstrap.alphaCi,
      beta: r.bootstrap.betaCi,
      outside: r.bootstrap.outside,
    },
    quality: r.quality,
  };
}

/**
 * The fitted curve beyond the data (the curve's own points past its runs' largest x, up to 10×):
 * {x, loss, lo, hi} with the 95 % band; the run ids added when the runs differ in P or N.
 */
function extrapolation(r: RunFitResult): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const c of r.curves)
    c.x.forEach((x, i) => {
      if (x <= c.xData * (1 + 1e-12)) return;
      const row: Record<string, unknown> = { x, loss: c.loss[i], lo: c.lo[i], hi: c.hi[i] };
      if (r.curves.length > 1) row.runs = c.runs.join('+');
      out.push(row);
    });
  return out;
}
