// Text output of the CLI: CSV rows and JSON with ∞ written as "inf" (JSON has no Infinity).
import type { FrontierResult } from '../model/theory/frontier.ts';
import type { CurveResult, SimResult } from '../model/types.ts';
import { formatValue, type Params } from '../model/params.ts';

/** Shortest text that reads back to the same double. */
export const num = (x: number): string =>
  Number.isFinite(x) ? String(x) : Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';

export function toPlain(x: unknown): unknown {
  if (typeof x === 'number')
    return Number.isFinite(x) ? x : Number.isNaN(x) ? null : x > 0 ? 'inf' : '-inf';
  if (x instanceof Float64Array) return Array.from(x, (v) => toPlain(v));
  if (Array.isArray(x)) return x.map(toPlain);
  if (x && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toPlain(v)]));
  return x;
}

export function curveCsv(c: CurveResult): string {
  const rows = ['t,Eg,Etr'];
  for (let i = 0; i < c.t.length; i++) rows.push(`${num(c.t[i])},${num(c.Eg[i])},${num(c.Etr[i])}`);
  return rows.join('\n') + '\n';
}

export function curveJson(c: CurveResult, msPerCurve?: number): string {
  const out: Record<string, unknown> = {
    params: paramsPlain(c.params),
    t: c.t,
    Eg: c.Eg,
    Etr: c.Etr,
    earlyStop: c.earlyStop,
    limit: c.limit,
    exponents: c.exponents,
  };
  if (msPerCurve !== undefined) out.msPerCurve = msPerCurve;
  return JSON.stringify(toPlain(out), null, 1) + '\n';
}

export function posteriorCsv(c: CurveResult): string {
  const l = c.limit;
  return (
    [
      'quantity,value',
      `E_posterior_mean,${num(l.Emean)}`,
      `E_gibbs,${num(l.Egibbs)}`,
      `posterior_variance,${num(l.Egibbs - l.Emean)}`,
      `posterior_variance_per_T,${num(l.postVarPerT)}`,
      `Etr_posterior_mean,${num(l.EtrMean)}`,
      `kappa,${num(l.kappa)}`,
    ].join('\n') + '\n'
  );
}

export function simCsv(s: SimResult): string {
  const rows = ['t,Eg_mean,Eg_sem'];
  for (let i = 0; i < s.t.length; i++)
    rows.push(`${num(s.t[i])},${num(s.EgMean[i])},${num(s.EgSem[i])}`);
  return rows.join('\n') + '\n';
}

export function simJson(p: Params, s: SimResult, M: number): string {
  return JSON.stringify(toPlain({ params: paramsPlain({ ...p, M }), ...s }), null, 1) + '\n';
}

function paramsPlain(p: Params): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      typeof v === 'number' && !Number.isFinite(v) ? formatValue(v) : v,
    ]),
  );
}

export function frontierCsv(f: FrontierResult): string {
  const rows = ['C,Lstar,Nstar,tstar'];
  for (let i = 0; i < f.C.length; i++)
    rows.push(`${num(f.C[i])},${num(f.Lstar[i])},${num(f.Nstar[i])},${num(f.tstar[i])}`);
  return rows.join('\n') + '\n';
}

export function frontierJson(f: FrontierResult): string {
  return JSON.stringify(toPlain(f), null, 1) + '\n';
}
