// The figure caption, generated from state so it cannot drift from the figure: every sentence
// comes from the same objects as the markers, the exponent table and the lessons (src/claims/).
// Every number comes from the parameters or from the engine's result; nothing is hard-coded.
import type { CurveResult, PowerFit } from '../model/types.ts';
import { isActive, type Params } from '../model/params.ts';
import { REGIME, showsPosterior } from '../model/regimes.ts';
import { KERNEL_LABELS } from '../model/data/kernels.ts';
import { findSource, isMeasured, taskOf } from '../model/data/sources.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';
import { all, checkFitT, checkLawValue, quotesParams } from '../claims/checks.ts';
import { outcomeClaim } from '../claims/curveClaims.ts';
import { indicativeNote } from '../claims/exponentTable.ts';
import { fitWindowText } from '../claims/fit.ts';
import { LAW_FORMULA, LAW_NAME, lawCondition, timeLawRange } from '../claims/laws.ts';
import { claim, DEFINITION, near, problems, type Claim } from '../claims/registry.ts';
import {
  exponentLaws,
  T_LAW_START,
  type LawVerdict,
  type SweepSetting,
} from '../model/theory/laws.ts';

/** The regime in words, with the parameters that define it (the record's phrase, regimes.ts). */
export function regimePhrase(p: Params): string {
  const r = REGIME[p.regime];
  const phrase = p.gamma > 0 ? r.phrase : (r.phraseNoDecay ?? r.phrase);
  return phrase
    .replace('{γ}', `γ = ${formatParam(p.gamma)}`)
    .replace('{T}', `T = ${formatParam(p.T)}`);
}

/**
 * "α = 1.5, β = 2, P = 400, N = ∞, σ² = 0.1" (+ M when finite, + σ₀² when non-zero). Measured data
 * quote α, β and M only as read off their spectrum (`readOff`: the parameters are a result's): with
 * no spectrum computed (a file not loaded) the link's power-law values mean nothing.
 */
export function paramsPhrase(p: Params, readOff = true): string {
  const law = readOff || !isMeasured(p);
  const parts = [
    ...(law ? [`α = ${formatParam(p.alpha)}`, `β = ${formatParam(p.beta)}`] : []),
    `P = ${formatParam(p.P)}`,
    `N = ${formatParam(p.N)}`,
  ];
  if (law && Number.isFinite(p.M)) parts.push(`M = ${formatParam(p.M)}`);
  parts.push(`σ² = ${formatParam(p.sigma2)}`);
  if (p.sigma02 > 0 && isActive('sigma02', p.regime)) parts.push(`σ₀² = ${formatParam(p.sigma02)}`);
  return parts.join(', ');
}

/**
 * Where the spectrum comes from, named so that a figure cannot pass for another source (the
 * sources table's words), short enough for the lecture stage: "" for the power law; "on MNIST
 * digits (ReLU NNGP kernel, even vs odd)"; "on your spectrum file “name.csv”".
 */
export function dataPhrase(p: Params, fileName?: string | null, short = false): string {
  const source = findSource(p);
  if (!source || source.spectrum === 'law') return '';
  if (source.spectrum === 'file')
    return fileName ? `on your spectrum file “${fileName}”` : 'on your spectrum file (none loaded)';
  const words = source.words;
  const task = taskOf(source, p.task)?.label ?? p.task;
  const name = words ? `${words.name} ${words.items}` : source.label;
  return short ? `on ${name}` : `on ${name} (${KERNEL_LABELS[p.kernel]} kernel, ${task})`;
}

export interface CaptionOptions {
  /** E_tr is drawn (default): the caption names it only then. */
  showEtr?: boolean;
  /**
   * Include the fitted slope in t and its law (default). The projector's caption leaves it out to
   * keep the figure, caption and lesson on one screen; the exponent panel states it there.
   */
  slope?: boolean;
  /** data = custom: the name of the file loaded (the caption names it). */
  fileName?: string | null;
  /**
   * The projector's caption names the data set without its kernel and task (the lesson's text
   * states them beside it), to keep the figure, caption and lesson on one screen.
   */
  short?: boolean;
}

/** The caption's opening sentence: what is drawn, under which dynamics, on which data, for what. */
function headClaim(
  params: Params,
  showEtr: boolean,
  fileName: string | null | undefined,
  readOff: boolean,
  short = false,
): Claim {
  // E_tr is named only while it is drawn.
  const subject = showEtr
    ? 'Test error E_g on clean labels and training error E_{tr}'
    : 'Test error E_g on clean labels';
  const data = dataPhrase(params, fileName, short);
  // On the projector measured data leave their read-off α, β and M to the lesson's text (which
  // quotes the fitted exponents beside the figure).
  const phrase = paramsPhrase(params, readOff && !(short && isMeasured(params)));
  const text = `${subject} ${regimePhrase(params)}${data ? ` ${data}` : ''} for ${phrase}.`;
  return claim('caption.head', text, { params }, (o, self) => {
    const named = params.data === 'powerlaw' || /MNIST|your spectrum file/.test(self.plain);
    return [
      ...quotesParams(params)(o, self),
      ...problems(!named && 'measured data without the source named'),
    ];
  });
}

/**
 * The fitted slope set against the law, only where the law's range overlaps the fit window;
 * otherwise the sentence says that the law's range holds no decade of stable slope.
 */
function slopeClaim(curve: CurveResult, fit: PowerFit, setting: SweepSetting): Claim {
  const p = curve.params;
  const law = exponentLaws(p, setting, curve.earlyStop.t).t;
  const note = indicativeNote(curve);
  const fitted = `Where the slope is stable (${fitWindowText(fit, 't')}) E_g falls as t^{${formatSlope(fit.slope, 3)}}`;
  let rest: string;
  if (!law.law) rest = `no law applies: ${lawCondition(law, p)}`;
  else {
    const against = `the ${LAW_NAME[law.law]} law predicts ${LAW_FORMULA[law.law]} = ${formatSlope(law.value, 3)}${note ? ` (${note})` : ''}`;
    rest = lawOverlapsFit(law, fit)
      ? `${against}, which holds when ${lawCondition(law, p)}`
      : `${against} for about ${timeLawRange(law)}, a range where E_g shows no decade of stable slope`;
  }
  return claim(
    'caption.slope',
    `${fitted}; ${rest}.`,
    { params: p, setting },
    all(checkFitT(p, fit), checkLawValue(law, LAW_FORMULA[law.law ?? 'time'], p), (_o, self) =>
      problems(
        law.law !== null &&
          self.plain.includes('which holds when') &&
          !(fit.xmax > T_LAW_START && fit.xmin < law.facts.tHi) &&
          `the fit over [${fit.xmin}, ${fit.xmax}] is set against a law holding for ${T_LAW_START} ≲ t ≲ ${law.facts.tHi}`,
      ),
    ),
  );
}

/** The law's range [T_LAW_START, tHi] and the fit window share at least part of a decade. */
export function lawOverlapsFit(law: LawVerdict, fit: PowerFit): boolean {
  const lo = Math.max(T_LAW_START, fit.xmin);
  const hi = Math.min(law.facts.tHi, fit.xmax);
  return hi > lo;
}

/**
 * The caption of the learning-curve figure for the given state, sentence by sentence, each a
 * claim. `curve` may be null (nothing computed yet); `params` are the parameters the figure is
 * about.
 */
export function captionClaims(
  curve: CurveResult | null,
  params: Params,
  setting: SweepSetting = { at: 'tstar', tAt: 100 },
  { showEtr = true, slope = true, fileName, short = false }: CaptionOptions = {},
): Claim[] {
  const head = headClaim(params, showEtr, fileName, curve !== null, short);
  if (!curve)
    return [
      claim('caption.head', `${head.markup} No result computed yet.`, { params }, DEFINITION),
    ];
  const out = [head];
  // A regime without a time axis says what the curve drawn is instead.
  const note = REGIME[params.regime].curveNote;
  if (note)
    out.push(claim('caption.note', note, { params: { regime: params.regime } }, DEFINITION));
  out.push(outcomeClaim(curve));
  if (
    showsPosterior(params) &&
    Number.isFinite(curve.limit.Egibbs) &&
    Number.isFinite(curve.limit.Emean)
  ) {
    const l = curve.limit;
    out.push(
      claim(
        'caption.posterior',
        `At t → ∞ the weights sample the Bayesian posterior: Gibbs error ${formatNumber(l.Egibbs, 3)}, ` +
          `posterior-mean error ${formatNumber(l.Emean, 3)}.`,
        { params: curve.params },
        (o) => {
          const r = o.limit(curve.params);
          return problems(
            near('Gibbs error', l.Egibbs, r.Egibbs),
            near('posterior-mean error', l.Emean, r.Emean),
          );
        },
      ),
    );
  }
  const fit = curve.fitT.fit;
  if (fit && slope) out.push(slopeClaim(curve, fit, setting));
  return out;
}

/** The caption as one string (the figure's SVG description, exports, tests). */
export function captionFor(
  curve: CurveResult | null,
  params: Params,
  setting: SweepSetting = { at: 'tstar', tAt: 100 },
  opts: CaptionOptions = {},
): string {
  return captionClaims(curve, params, setting, opts)
    .map((c) => c.markup)
    .join(' ');
}
