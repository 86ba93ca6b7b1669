// Filling a lesson's {placeholders} from the results computed at this moment (never hard-coded
// numbers). A value not yet computed reads "…"; an unknown placeholder is left as written.
import { PARAM_SPECS, type Params } from '../model/params.ts';
import type { CurveResult, SweepResult } from '../model/types.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';

export interface LessonContext {
  params: Params;
  tAt: number;
  curve: CurveResult | null;
  sweepP: SweepResult | null;
  sweepN: SweepResult | null;
  /** The compute-optimal frontier (a sweep over C = N·t), when its panel is shown. */
  frontier: SweepResult | null;
  /** The first pin's configuration and curve (lessons that compare against a pin). */
  pin: Params | null;
  pinCurve: CurveResult | null;
}

const PENDING = '…';

function num(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || Number.isNaN(x) ? PENDING : formatNumber(x, digits);
}

function slope(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? PENDING : formatSlope(x, 2);
}

function limitError(c: CurveResult | null): string {
  if (!c) return PENDING;
  return c.limit.divergent ? '∞' : num(c.limit.Eg);
}

/** Every placeholder a lesson may use, with its current text. */
export function lessonValues(ctx: LessonContext): Record<string, string> {
  const { curve: c, sweepP, sweepN, frontier } = ctx;
  const values: Record<string, string> = {};
  // Every parameter is a placeholder of its own: {P}, {sigma2}, {T}, …
  for (const s of PARAM_SPECS) {
    const v = ctx.params[s.key];
    values[s.key] = typeof v === 'number' ? formatParam(v) : v;
  }
  Object.assign(values, {
    tAt: formatParam(ctx.tAt),
    tstar: num(c?.earlyStop.t, 2),
    Estar: num(c?.earlyStop.Eg),
    Einf: limitError(c),
    gain: num(c?.earlyStop.gain, 3),
    Epm: num(c?.limit.Emean),
    postVar: c ? num(ctx.params.T * c.limit.postVarPerT) : PENDING,
    EgNow: c && c.Eg.length ? num(c.Eg[c.Eg.length - 1]) : PENDING,
    fitT: slope(c?.exponents.fittedT?.slope),
    predT: slope(c?.exponents.predicted.t),
    fitP: slope(sweepP?.fit?.slope),
    predP: slope(sweepP?.predicted ?? c?.exponents.predicted.P),
    fitN: slope(sweepN?.fit?.slope),
    predN: slope(sweepN?.predicted ?? c?.exponents.predicted.N),
    fitC: slope(frontier?.fit?.slope),
    predC: slope(frontier?.predicted ?? c?.exponents.predicted.compute),
    predCN: c ? formatSlope(c.exponents.predicted.computeN, 2) : PENDING,
    pinEinf: limitError(ctx.pinCurve),
    pinGamma: ctx.pin ? formatParam(ctx.pin.gamma) : PENDING,
  });
  return values;
}

/** Replace {name} by values[name]; unknown names stay as written (e.g. a TeX exponent). */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (m, name: string) =>
    Object.hasOwn(values, name) ? values[name] : m,
  );
}
