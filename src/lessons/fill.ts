// Filling a lesson's {placeholders} from the results computed at this moment for the state on
// screen (never hard-coded numbers), and choosing each sentence by its claim (claims.ts). A value
// not yet computed reads "…"; an unknown placeholder is left as written.
import { PARAM_SPECS, type Params } from '../model/params.ts';
import type { CurveResult, EarlyStop, SweepResult } from '../model/types.ts';
import { freePhrase, learnedSentence } from '../claims/modeDetail.ts';
import { lastIndex } from '../claims/orderParams.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';
import { KERNEL_LABELS } from '../model/data/kernels.ts';
import { isMeasured, poolPhrase, poolSourceOf, taskOf } from '../model/data/sources.ts';
import { fitGapReason, fitWindowText } from '../claims/fit.ts';
import { LAW_TERM_FORMULA, lawCondition } from '../claims/laws.ts';
import { phaseAgreement } from '../claims/phase.ts';
import { lawTerm } from '../model/theory/laws.ts';
import { claimsHold, lessonLaws, poolShare, realAgreement, tstarRatios } from './claims.ts';
import type { LessonSentence } from './lessons.ts';
import type { LessonContext } from './context.ts';
import { sgdValues } from './sgdClaims.ts';

// The live state a lesson reads has a module of its own (context.ts), so that the claims can name
// it without importing this file (which imports them).
export type { LessonContext };

/**
 * The placeholders naming a configuration's data (src/model/data/sources.ts) and its fitted
 * exponents, for the state on screen (`prefix` '') or the first pin ('pin'): {dataName},
 * {dataPool}, {dataItems}, {dataReal}, {kernelLabel}, {taskLabel}, and the laws of §6 at the
 * fitted α, β: {expT} = −(β−1)/α, {expP} = −min(β−1, 2α); the pin's as {pinDataName}, ….
 */
function dataWords(p: Params | null, c: CurveResult | null, prefix: '' | 'pin') {
  const pool = p ? poolSourceOf(p) : null;
  const task = pool ? taskOf(pool, p!.task) : undefined;
  const q = c?.params;
  const words: Record<string, string> = {
    dataName: pool?.words.name ?? PENDING,
    dataPool: pool ? poolPhrase(pool) : PENDING,
    dataItems: pool?.words.items ?? PENDING,
    dataReal: pool?.words.real ?? PENDING,
    kernelLabel: pool ? KERNEL_LABELS[p!.kernel] : PENDING,
    taskLabel: task?.label ?? PENDING,
    expT: q ? slope(-(q.beta - 1) / q.alpha) : PENDING,
    expP: q ? slope(-Math.min(q.beta - 1, 2 * q.alpha)) : PENDING,
  };
  if (prefix === '') return words;
  // The pin's α and β as its curve ran them: fitted on measured data, its parameters on the law.
  const exponent = (x: number | undefined) =>
    x === undefined ? PENDING : p && isMeasured(p) ? num(x) : formatParam(x);
  return Object.fromEntries(
    Object.entries({ ...words, alpha: exponent(q?.alpha), beta: exponent(q?.beta) }).map(
      ([k, v]) => [`pin${k[0].toUpperCase()}${k.slice(1)}`, v],
    ),
  );
}

/** The placeholders of the mean field's internals: order parameters, parts, the inspected mode. */
function meanFieldValues(ctx: LessonContext): Record<string, string> {
  const { order: o, parts: pr, mode: d } = ctx;
  const i = o ? lastIndex(o) : -1;
  const n = pr ? pr.t.length - 1 : -1;
  const at = (a: ArrayLike<number> | undefined, j: number) => (a && j >= 0 ? num(a[j]) : PENDING);
  return {
    Rfirst: at(o?.R, 0),
    tauFirst: o ? num(o.tau[0], 2) : PENDING,
    Rlast: at(o?.R, i),
    tauLast: o && i >= 0 ? num(o.tau[i], 2) : PENDING,
    ampLast: at(o?.amplification, i),
    ampInf: num(o?.atInfinity.amplification),
    kappaInf: d ? num(d.kappaInf) : num(o?.atInfinity.kappa),
    tLast: pr && n >= 0 ? num(pr.t[n], 2) : PENDING,
    signalLast: at(pr?.parts.signal, n),
    noiseLast: at(pr?.parts.noise, n),
    signalInf: num(pr?.limit.signal),
    noiseInf: num(pr?.limit.noise),
    modeK: d ? formatParam(d.k) : PENDING,
    modeLambda: num(d?.lambda),
    ellInf: num(d?.ellInf),
    modeFree: d ? freePhrase(d) : PENDING,
    modeLearned: d ? learnedSentence(d) : PENDING,
    modeLearnedAt: d ? num(d.learnedTime, 2) : PENDING,
  };
}

/**
 * The first pin's placeholders: each parameter as {pinP}, {pinSigma2}, … (α and β: dataWords) and
 * its curve's E*, t*, gain and fitted time slope (a step that pins the state before it compares
 * with it).
 */
function pinValues(ctx: LessonContext): Record<string, string> {
  const { pin, pinCurve: pc } = ctx;
  const out: Record<string, string> = {};
  for (const s of PARAM_SPECS) {
    // α and β are the pin's data words' (dataWords): fitted when its data are measured.
    if (s.key === 'alpha' || s.key === 'beta') continue;
    const name = `pin${s.key[0].toUpperCase()}${s.key.slice(1)}`;
    const v = pin?.[s.key];
    out[name] = v === undefined ? PENDING : typeof v === 'number' ? formatParam(v) : v;
  }
  const es = pc?.earlyStop;
  const stops = es && es.case !== 'none';
  const ratios = tstarRatios(ctx);
  return {
    ...out,
    pinEinf: limitError(pc ?? null),
    pinEstar: stops ? num(es.Eg) : PENDING,
    pinTstar: stops ? num(es.t, 2) : PENDING,
    pinGain: stops ? num(es.gain, 3) : PENDING,
    pinFitT: pc?.fitT.fit ? slope(pc.fitT.fit.slope) : pc ? '—' : PENDING,
    tstarRatio: num(ratios?.actual, 2),
    tstarRatioLaw: num(ratios?.law, 2),
  };
}

export const PENDING = '…';

/** Where the curve is lowest: at t*, as t → ∞, or at the end of a scan that did not settle. */
function bestWhere(es: EarlyStop): string {
  if (es.case !== 'none') return `t* ≈ ${num(es.t, 2)}`;
  if (!es.open) return 't → ∞';
  const how = es.open.falling ? 'still falling' : 'not settled';
  return `t = ${formatParam(es.open.t)}, where the scan ends with E_g ${how}`;
}

function num(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || Number.isNaN(x) ? PENDING : formatNumber(x, digits);
}

function slope(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? PENDING : formatSlope(x, 2);
}

function pct(x: number | null | undefined): number | null {
  return x === null || x === undefined ? null : 100 * x;
}

function limitError(c: CurveResult | null): string {
  if (!c) return PENDING;
  return c.limit.divergent ? '∞' : num(c.limit.Eg);
}

function sweepFitWords(
  s: SweepResult | null,
  key: 'P' | 'N',
): { win: string; why: string; fit: string } {
  if (!s) return { win: PENDING, why: PENDING, fit: PENDING };
  if (s.fit) return { win: fitWindowText(s.fit, key), why: '', fit: slope(s.fit.slope) };
  return { win: '', why: fitGapReason(s.fitGap ?? 'unstable', key), fit: '—' };
}

const agreementCache = new WeakMap<object, ReturnType<typeof phaseAgreement>>();

/** How many fitted points of the diagram agree with the law, deep inside and near a boundary. */
function phaseCounts(ctx: LessonContext): Record<string, string> {
  const g = ctx.phaseGrid;
  if (!g || g.done < g.points.length)
    return { phaseDeepOk: PENDING, phaseDeepN: PENDING, phaseNearOk: PENDING, phaseNearN: PENDING };
  // A finished grid never changes, and lessons refill on every drag step: count it once.
  let a = agreementCache.get(g.points);
  if (!a) agreementCache.set(g.points, (a = phaseAgreement(g.exponent, g.points)));
  return {
    phaseDeepOk: String(a.deepOk),
    phaseDeepN: String(a.deepN),
    phaseNearOk: String(a.nearOk),
    phaseNearN: String(a.nearN),
  };
}

/** Relative gap of the fitted power law's curve to the measured one at the window's end. */
function fittedGapAtEnd(c: CurveResult | null, f: CurveResult | null | undefined): number | null {
  if (!c || !f || !c.Eg.length || f.Eg.length !== c.Eg.length) return null;
  const i = c.Eg.length - 1;
  return Math.abs(f.Eg[i] - c.Eg[i]) / c.Eg[i];
}

/** Every placeholder a lesson may use, with its current text. */
export function lessonValues(ctx: LessonContext): Record<string, string> {
  const { curve: c, sweepP, sweepN, frontier } = ctx;
  const p = ctx.params;
  const values: Record<string, string> = {};
  // Every parameter is a placeholder of its own: {P}, {sigma2}, {T}, …
  for (const s of PARAM_SPECS) {
    const v = p[s.key];
    values[s.key] = typeof v === 'number' ? formatParam(v) : v;
  }
  const laws = lessonLaws(ctx);
  const pred = (k: 't' | 'P' | 'N') =>
    !laws ? PENDING : laws[k].law ? slope(laws[k].value) : 'n/a';
  const why = (k: 't' | 'P' | 'N') => (laws && c ? lawCondition(laws[k], c.params) : PENDING);
  const fP = sweepFitWords(sweepP, 'P');
  const fN = sweepFitWords(sweepN, 'N');
  const es = c?.earlyStop;
  Object.assign(values, {
    tAt: formatParam(ctx.tAt),
    kAt: num(Math.pow(ctx.tAt, 1 / p.alpha), 2),
    twoAlphaPlus1: formatParam(2 * p.alpha + 1),
    twoAlpha: formatParam(2 * p.alpha),
    betaMinus1: formatParam(p.beta - 1),
    tstar: es && es.case !== 'none' ? num(es.t, 2) : PENDING,
    Estar: es && es.case !== 'none' ? num(es.Eg) : PENDING,
    Einf: limitError(c),
    gain: es && es.case !== 'none' ? num(es.gain, 3) : PENDING,
    // A scan that ended unsettled: its lowest value is at its end, and beyond it is not known.
    bestE: !es ? PENDING : es.case === 'none' && es.open ? num(es.open.Eg) : num(es.Eg),
    bestWhere: !es ? PENDING : bestWhere(es),
    Epm: num(c?.limit.Emean),
    Egibbs: num(c?.limit.Egibbs),
    postVar: c ? num(p.T * c.limit.postVarPerT) : PENDING,
    limitWords: !c
      ? PENDING
      : c.limit.divergent
        ? 'E_g grows without bound'
        : `E_g(∞) = ${num(c.limit.Eg)}`,
    EgNow: c && c.Eg.length ? num(c.Eg[c.Eg.length - 1]) : PENDING,
    fitT: c?.fitT.fit ? slope(c.fitT.fit.slope) : c ? '—' : PENDING,
    fitTwin: c?.fitT.fit ? fitWindowText(c.fitT.fit, 't') : c ? '' : PENDING,
    fitTwhy: c ? fitGapReason(c.fitT.gap ?? 'unstable', 't') : PENDING,
    predT: pred('t'),
    lawTwhy: why('t'),
    fitP: fP.fit,
    fitPwin: fP.win,
    fitPwhy: fP.why,
    predP: pred('P'),
    lawPwhy: why('P'),
    fitN: fN.fit,
    fitNwin: fN.win,
    fitNwhy: fN.why,
    predN: pred('N'),
    lawNwhy: why('N'),
    fitC: slope(frontier?.fit?.slope),
    predC: frontier ? slope(frontier.predicted) : PENDING,
    predCnote: p.beta - 1 > p.alpha ? ' (asymptotic, approached slowly for β − 1 > α)' : '',
    predCN: formatSlope((p.beta - 1) / (p.beta - 1 + p.alpha * Math.min(p.beta - 1, p.alpha)), 2),
    alphaPlus1: formatParam(p.alpha + 1),
    sideOfLine: p.beta > p.alpha + 1 ? 'above' : p.beta < p.alpha + 1 ? 'below' : 'on',
    phaseTerm: LAW_TERM_FORMULA.model[lawTerm('model', p).branch] ?? '',
    ...phaseCounts(ctx),
    // Measured data: the fitted exponents (the engine's α, β of the curve), the fitted law's curve
    // at the window's end, and the real run's gap to the theory.
    alphaFit: c ? num(c.params.alpha) : PENDING,
    betaFit: c ? num(c.params.beta) : PENDING,
    tEnd: c && c.t.length ? num(c.t[c.t.length - 1], 2) : PENDING,
    fittedEnd: ctx.fitted?.Eg.length ? num(ctx.fitted.Eg[ctx.fitted.Eg.length - 1]) : PENDING,
    fittedGap: num(pct(fittedGapAtEnd(c, ctx.fitted)), 2),
    realDraws: ctx.real ? formatParam(ctx.real.result.seeds) : PENDING,
    realGap: num(pct(realAgreement(ctx)?.rel), 2),
    realZ: num(realAgreement(ctx)?.z, 2),
    poolDigits: ctx.sweepP?.modesEdge ? formatParam(ctx.sweepP.modesEdge.entries) : PENDING,
    poolShare: num(pct(poolShare(ctx)), 2),
    ...pinValues(ctx),
    pinEgNow: ctx.pinCurve?.Eg.length ? num(ctx.pinCurve.Eg[ctx.pinCurve.Eg.length - 1]) : PENDING,
    ...dataWords(p, c, ''),
    // The pin's data and fitted exponents (its α, β as its curve ran them: fitted when measured).
    ...dataWords(ctx.pin, ctx.pinCurve, 'pin'),
    ...meanFieldValues(ctx),
    ...sgdValues(ctx, num, PENDING),
  });
  return values;
}

/** Replace {name} by values[name]; unknown names stay as written (e.g. a TeX exponent). */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (m, name: string) =>
    Object.hasOwn(values, name) ? values[name] : m,
  );
}

/**
 * The text of one sentence in the live state: its own text while its claim holds, its
 * `otherwise` text when it does not, null (not shown) when it has none or the claim is pending.
 */
export function sentenceText(
  s: LessonSentence,
  ctx: LessonContext,
  values: Readonly<Record<string, string>>,
): string | null {
  if (!s.when) return fillText(s.text, values);
  const holds = claimsHold(s.when, ctx);
  if (holds === null) return null;
  if (holds) return fillText(s.text, values);
  return s.otherwise ? fillText(s.otherwise, values) : null;
}
