// Text output of the CLI: CSV rows and JSON with ∞ written as "inf" (JSON has no Infinity).
import type { FrontierResult } from '../model/theory/frontier.ts';
import type { CurveResult, SimResult } from '../model/types.ts';
import { formatValue, type Params } from '../model/params.ts';
import { csvNumber, toPlain } from '../format/data.ts';

export function curveCsv(c: CurveResult): string {
  const rows = ['t,Eg,Etr'];
  for (let i = 0; i < c.t.length; i++)
    rows.push(`${csvNumber(c.t[i])},${csvNumber(c.Eg[i])},${csvNumber(c.Etr[i])}`);
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
      `E_posterior_mean,${csvNumber(l.Emean)}`,
      `E_gibbs,${csvNumber(l.Egibbs)}`,
      `posterior_variance,${csvNumber(l.Egibbs - l.Emean)}`,
      `posterior_variance_per_T,${csvNumber(l.postVarPerT)}`,
      `Etr_posterior_mean,${csvNumber(l.EtrMean)}`,
      `kappa,${csvNumber(l.kappa)}`,
    ].join('\n') + '\n'
  );
}

export function simCsv(s: SimResult): string {
  const rows = ['t,Eg_mean,Eg_sem'];
  for (let i = 0; i < s.t.length; i++)
    rows.push(`${csvNumber(s.t[i])},${csvNumber(s.EgMean[i])},${csvNumber(s.EgSem[i])}`);
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
    rows.push(
      `${csvNumber(f.C[i])},${csvNumber(f.Lstar[i])},${csvNumber(f.Nstar[i])},${csvNumber(f.tstar[i])}`,
    );
  return rows.join('\n') + '\n';
}

export function frontierJson(f: FrontierResult): string {
  return JSON.stringify(toPlain(f), null, 1) + '\n';
}
