// Text output of the CLI: CSV rows, and JSON records with ∞ written as "inf" (JSON has no Infinity).
import type { FrontierResult } from '../model/theory/frontier.ts';
import type { CurveResult, SimResult } from '../model/types.ts';
import { formatValue, type Params } from '../model/params.ts';
import { csvNumber, toPlain } from '../format/data.ts';
import { exponentLaws } from '../model/theory/laws.ts';
import { lawCell, lawCondition } from '../claims/laws.ts';

/** JSON text of a record: indented for one result, one line per result in --batch. */
export function jsonText(record: object, oneLine = false): string {
  return JSON.stringify(toPlain(record), null, oneLine ? undefined : 1) + '\n';
}

function csv(header: string, columns: readonly ArrayLike<number>[]): string {
  const rows = [header];
  for (let i = 0; i < columns[0].length; i++)
    rows.push(columns.map((c) => csvNumber(c[i])).join(','));
  return rows.join('\n') + '\n';
}

export function paramsPlain(p: Params): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      typeof v === 'number' && !Number.isFinite(v) ? formatValue(v) : v,
    ]),
  );
}

/** A copy of `values` with NaN (JSON null) where `below` marks a value below the engine's floor. */
function resolved(values: Float64Array, below: Uint8Array): Float64Array {
  return values.map((v, i) => (below[i] ? NaN : v));
}

/**
 * The engine's resolution in the JSON record (docs/theory.md §5.6): the floor at each time, and
 * the rule by which Eg and Etr are null.
 */
function resolutionJson(c: CurveResult): Record<string, unknown> {
  const r = c.resolution;
  return {
    floor: r.floor,
    floorTr: r.floorTr,
    relative: r.relative,
    endT: r.end < c.t.length ? c.t[r.end] : null,
    note:
      'Eg (Etr) is null where it is below the engine’s floor at that time (floor, floorTr): the ' +
      'inversion does not resolve it; endT: from there on every Eg is below the floor.',
  };
}

/** Lines for stderr when the CSV carries values below the engine's floor. */
export function resolutionNotes(c: CurveResult): string[] {
  const r = c.resolution;
  const notes: string[] = [];
  const say = (name: string, below: Uint8Array, floor: Float64Array) => {
    const idx = [...below.keys()].filter((i) => below[i]);
    if (idx.length === 0) return;
    const worst = Math.max(...idx.map((i) => floor[i]));
    notes.push(
      `${name} is below the engine’s resolution at ${idx.length} of ${below.length} times ` +
        `(first t = ${formatValue(c.t[idx[0]])}, floor up to ${worst.toPrecision(2)}): ` +
        'those CSV values are round-off, not results (the JSON record has null there)',
    );
  };
  say('E_g', r.below, r.floor);
  say('E_tr', r.belowTr, r.floorTr);
  return notes;
}

export function curveRecord(c: CurveResult, msPerCurve?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    params: paramsPlain(c.params),
    t: c.t,
    Eg: resolved(c.Eg, c.resolution.below),
    Etr: resolved(c.Etr, c.resolution.belowTr),
    resolution: resolutionJson(c),
    window: c.window,
    earlyStop: c.earlyStop,
    limit: c.limit,
    fitT: c.fitT,
    laws: lawsJson(c),
    diagnosis: c.diagnosis,
    ms: c.ms,
  };
  if (msPerCurve !== undefined) out.msPerCurve = msPerCurve;
  return out;
}

export const curveCsv = (c: CurveResult): string => csv('t,Eg,Etr', [c.t, c.Eg, c.Etr]);

/**
 * The law of each exponent at t → ∞ for the scaling rows (as the app's "at t → ∞" panels) and for
 * the time row: the formula, its value and its condition, or "n/a" with the reason.
 */
function lawsJson(c: CurveResult): Record<string, unknown> {
  const laws = exponentLaws(c.params, { at: 'inf', tAt: c.params.tmax }, c.earlyStop.t);
  return Object.fromEntries(
    Object.entries(laws).map(([row, v]) => [
      row,
      {
        law: v.law ?? 'n/a',
        formula: lawCell(v).formula,
        value: v.value,
        condition: lawCondition(v, c.params),
      },
    ]),
  );
}

export function posteriorCsv(c: CurveResult): string {
  const l = c.limit;
  return (
    [
      'quantity,value',
      `E_posterior_mean,${csvNumber(l.Emean)}`,
      `E_gibbs,${csvNumber(l.Egibbs)}`,
      `posterior_variance,${csvNumber(l.Egibbs - l.Emean)}`,
      `posterior_variance_per_T,${csvNumber(l.postVarPerT)}`,
      `Etr_posterior_mean,${csvNumber(l.EtrMean)}`,
      `kappa,${csvNumber(l.kappa)}`,
    ].join('\n') + '\n'
  );
}

export const simCsv = (s: SimResult): string => csv('t,Eg_mean,Eg_sem', [s.t, s.EgMean, s.EgSem]);

export function simRecord(p: Params, s: SimResult): Record<string, unknown> {
  return { params: paramsPlain(p), ...s };
}

export const frontierCsv = (f: FrontierResult): string =>
  csv('C,Lstar,Nstar,tstar', [f.C, f.Lstar, f.Nstar, f.tstar]);

export const frontierRecord = (f: FrontierResult): Record<string, unknown> => ({ ...f });
