// The words about one-pass SGD (docs/theory.md §9): every sentence the caption, the exponent
// table, the batch, learning-rate and frontier panels and the CLI say about the regime, each made
// from the same objects as its numbers (the engine's curve, its stability edge and floor, the laws
// with their conditions, the sweeps), with a stable id per kind of sentence so that the words can
// be registered and audited (`data-claim`). A sentence is made only when it holds: a function
// returns null when its claim does not apply in the state.
import type { Params } from '../model/params.ts';
import { KERNEL_LABELS } from '../model/data/kernels.ts';
import { findSource, taskOf } from '../model/data/sources.ts';
import type { SgdFacts, SgdCurveResult } from '../model/sgd/theory.ts';
import type { SgdLawGap, SgdLawRow, SgdLawVerdict } from '../model/sgd/exponents.ts';
import { MUCH, T_START } from '../model/sgd/exponents.ts';
import type { SgdSweeps } from '../model/sgd/panels.ts';
import type { SgdFrontier } from '../model/sgd/frontier.ts';
import { CRITICAL_COST } from '../model/sgd/batch.ts';
import { DIVERGENCE_CAP } from '../model/sgd/propagate.ts';
import type { PowerFit } from '../model/types.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';
import { fitGapReason, fitWindowText } from './fit.ts';
import { all } from './checks.ts';
import { claim, DEFINITION, problems, type Check, type Claim } from './registry.ts';
import {
  checkBatchFits,
  checkCritical,
  checkDiverges,
  checkEdge,
  checkEdgeWhy,
  checkEtaPanel,
  etaOptimumAt,
  etaSweepDiverges,
  checkFloor,
  checkFlowRatio,
  checkFrontierLaw,
  checkNoFloor,
  checkPeakAbove,
  checkRowFit,
  checkSchedules,
  checkSgdLaw,
  checkStepsFit,
  quotesSgdEg,
  quotesSgdParams,
} from './sgdChecks.ts';

/** The kinds of sentence this module makes (one id per kind; the audit registers them). */
export type SgdClaimId =
  | 'sgd-setting'
  | 'sgd-setting-short'
  | 'sgd-schedule'
  | 'sgd-edge'
  | 'sgd-edge-short'
  | 'sgd-diverges'
  | 'sgd-peak-above-edge'
  | 'sgd-floor'
  | 'sgd-no-floor'
  | 'sgd-stops'
  | 'sgd-flow'
  | 'sgd-etr'
  | 'sgd-slope'
  | 'sgd-schedules'
  | 'sgd-batch'
  | 'sgd-critical'
  | 'sgd-eta'
  | 'sgd-frontier';

/** A sentence of the regime: a claim of the registry (its markup is the text in rich notation). */
export type SgdClaim = Claim;

/** A claim of this module made for the state p, with its checker. */
function sgdClaim(id: SgdClaimId, text: string, p: Params, check: Check): SgdClaim {
  return claim(id, text, { params: p }, check);
}

const n3 = (x: number) => formatNumber(x, 3);
const n2 = (x: number) => formatNumber(x, 2);
const pct = (r: number) => `${formatNumber(100 * r, 2)} %`;

/** The title of the schedule strip under the curve. */
export const STRIP_TITLE = 'η_s';

/** The schedule in words: "constant η = 0.3", "cosine from η = 0.3 to η_min = 0 at S = 10⁴", … */
export function scheduleWords(p: Params): string {
  const eta = `η = ${formatParam(p.eta)}`;
  const end = `η_{min} = ${formatParam(p.final * p.eta)} at S = ${formatParam(p.horizon)}`;
  const warm =
    p.warmup > 0 ? ` after a linear warm-up over W = ${formatParam(p.warmup)} steps` : '';
  switch (p.schedule) {
    case 'constant':
      return `constant rate ${eta}${warm}`;
    case 'cosine':
      return `cosine decay from ${eta} to ${end}${warm}`;
    case 'wsd': {
      const sd = Math.ceil((1 - p.decay) * p.horizon - 1e-9);
      return `wsd: ${eta} until s = ${formatParam(sd)}, then linear to ${end}${warm}`;
    }
  }
}

/** Which measured spectrum: "the spectrum of MNIST digits (ReLU NNGP kernel, even vs odd)". */
function measuredName(p: Params): string {
  const source = findSource(p);
  if (!source || source.spectrum !== 'assets') return 'the spectrum of your file';
  const name = source.words ? `${source.words.name} ${source.words.items}` : source.label;
  const task = taskOf(source, p.task)?.label ?? p.task;
  return `the spectrum of ${name} (${KERNEL_LABELS[p.kernel]} kernel, ${task})`;
}

/** "α = 1.5, β = 2, N = 1000, σ² = 0.05" (+ M when finite, + σ₀² when non-zero). */
export function sgdParamsPhrase(p: Params): string {
  const parts =
    p.data === 'powerlaw'
      ? [`α = ${formatParam(p.alpha)}`, `β = ${formatParam(p.beta)}`]
      : [`${measuredName(p)} (fitted α = ${n3(p.alpha)}, β = ${n3(p.beta)})`];
  parts.push(`N = ${formatParam(p.N)}`);
  if (p.data === 'powerlaw' && Number.isFinite(p.M)) parts.push(`M = ${formatParam(p.M)}`);
  parts.push(`σ² = ${formatParam(p.sigma2)}`);
  if (p.sigma02 > 0) parts.push(`σ₀² = ${formatParam(p.sigma02)}`);
  return parts.join(', ');
}

/** The caption's head on the lecture stage: the regime, B and the schedule (the lesson says the rest). */
export function shortSettingClaim(p: Params): SgdClaim {
  return sgdClaim(
    'sgd-setting-short',
    `One-pass SGD, B = ${formatParam(p.batch)}, ${scheduleWords(p)}.`,
    p,
    quotesSgdParams(p),
  );
}

/** The head of the caption: what is drawn, for which configuration. */
export function settingClaim(p: Params, axis: 'steps' | 'intrinsic'): SgdClaim {
  const x = axis === 'steps' ? 'steps s' : 'the intrinsic time t = Σ η_s';
  return sgdClaim(
    'sgd-setting',
    `Test error E_g on clean labels under one-pass SGD against ${x} up to S = ${formatParam(p.horizon)}, ` +
      `for ${sgdParamsPhrase(p)}, batch B = ${formatParam(p.batch)}: ${scheduleWords(p)} (strip below).`,
    p,
    quotesSgdParams(p),
  );
}

/** Which limit sets the edge, in words. */
function edgeWhy(f: SgdFacts, B: number): string {
  const e = f.edge;
  if (e.kind === 'mode')
    return `set by the top mode (near 2B/((B + 1)λ_{max}) = ${n3(e.etaMode)}, where its own error grows)`;
  return (
    `set by the gradient noise of all modes together (‖K‖ = 1, near 2B/S_λ = ${n3(e.etaNoiseEstimate)}; ` +
    `the top mode alone would allow ${n3(e.etaMode)} at B = ${formatParam(B)})`
  );
}

/** The stability edge for this B and spectrum, and where η sits against it (§9.4). */
export function edgeClaim(f: SgdFacts, p: Params): SgdClaim {
  const ratio = p.eta / f.edge.etaMax;
  const e = f.edge;
  return sgdClaim(
    'sgd-edge',
    `Constant-rate SGD at B = ${formatParam(p.batch)} on this spectrum is stable for ` +
      `η < η_{max} = ${n3(e.etaMax)}, ${edgeWhy(f, p.batch)}; ` +
      `η = ${formatParam(p.eta)} is ${n2(ratio)} η_{max}.`,
    p,
    all(
      quotesSgdParams(p),
      checkEdge(p, e.etaMax, ratio),
      checkEdgeWhy(p, e.kind, e.etaMode, e.etaNoiseEstimate),
    ),
  );
}

/**
 * The edge in one short sentence, for the η control (the full reasons are in edgeClaim, shown
 * with the curve's claims and in the lessons; a control's column has no room for them).
 */
export function edgeShortClaim(f: SgdFacts, p: Params): SgdClaim {
  const ratio = p.eta / f.edge.etaMax;
  return sgdClaim(
    'sgd-edge-short',
    `SGD is stable for η < η_{max} = ${n3(f.edge.etaMax)} (B = ${formatParam(p.batch)}); ` +
      `η = ${formatParam(p.eta)} is ${n2(ratio)} η_{max}.`,
    p,
    all(quotesSgdParams(p), checkEdge(p, f.edge.etaMax, ratio)),
  );
}

/** The edge's label on the schedule strip, and its variant when the edge lies above the strip. */
export function stripEdgeClaims(f: SgdFacts, p: Params): { inside: Claim; above: Claim } {
  const text = `η_{max} = ${n3(f.edge.etaMax)}`;
  const check = checkEdge(p, f.edge.etaMax, p.eta / f.edge.etaMax);
  return {
    inside: claim('curve.sgd-strip-edge', text, { params: p }, check),
    above: claim('curve.sgd-strip-edge-above', `${text} (above)`, { params: p }, check),
  };
}

/** The label of the mark where a diverging curve ends. */
export function sgdDivergenceLabel(divergedAt: number): string {
  return `diverges: E_g > 10${superscriptCap()} E_g(0) at s = ${formatParam(divergedAt)}`;
}

/** The divergence mark's label and its short variant, checked as the caption's sgd-diverges. */
export function divergenceLabelClaims(
  p: Params,
  f: SgdFacts,
): { claim: Claim; lines: readonly string[] }[] {
  const check = checkDiverges(p, f.peakEta, f.divergedAt, f.peakEta >= f.edge.etaMode);
  return [[sgdDivergenceLabel(f.divergedAt)], ['diverges']].map((lines, i) => ({
    claim: claim(`curve.sgd-diverges.${i}`, lines.join(' '), { params: p }, check),
    lines,
  }));
}

function superscriptCap(): string {
  return formatNumber(DIVERGENCE_CAP, 1).replace(/^10/, '');
}

/** Why the curve diverges, or how a schedule above the edge still ends finite (null: stable). */
export function divergenceClaim(f: SgdFacts, p: Params): SgdClaim | null {
  const e = f.edge;
  if (Number.isFinite(f.divergedAt)) {
    const byMode = f.peakEta >= e.etaMode;
    const why = byMode
      ? 'the top mode overshoots: ηλ_{max} ≥ 2B/(B + 1), so its error grows by a factor a > 1 every step'
      : 'the gradient noise the steps inject comes back faster than the steps remove it (‖K‖ ≥ 1)';
    return sgdClaim(
      'sgd-diverges',
      `The rate reaches ${n3(f.peakEta)}, above η_{max} = ${n3(e.etaMax)}: ${why}. ` +
        `E_g grows without bound; it passes 10${superscriptCap()} E_g(0) at s = ${formatParam(f.divergedAt)}, where the curve ends; ▲ marks where it leaves the plot.`,
      p,
      all(
        checkEdge(p, e.etaMax, p.eta / e.etaMax),
        checkDiverges(p, f.peakEta, f.divergedAt, byMode),
      ),
    );
  }
  if (f.unstable)
    return sgdClaim(
      'sgd-peak-above-edge',
      `The peak rate ${n3(f.peakEta)} is above the constant-rate edge η_{max} = ${n3(e.etaMax)}, ` +
        `yet E_g stays finite up to S = ${formatParam(p.horizon)}: the schedule spends too few steps above the edge for E_g to overflow.`,
      p,
      all(checkEdge(p, e.etaMax, p.eta / e.etaMax), checkPeakAbove(p, f.peakEta)),
    );
  return null;
}

/** The label of the floor's reference line. */
export function sgdFloorLabel(floor: number): string {
  return `noise floor E_g(∞) = ${n3(floor)}`;
}

/**
 * The noise floor's line label and its shorter variants: the floor at the schedule's final rate
 * (the caption's sgd-floor), checked against a run of 10⁷ steps at that rate.
 */
export function floorLineClaims(
  floor: number,
  p: Params,
  finalEta: number,
): { claim: Claim; lines: readonly string[] }[] {
  const v = n3(floor);
  const check = checkFloor(p, finalEta, floor, null);
  return [[sgdFloorLabel(floor)], [`E_g(∞) = ${v}`], ['E_g(∞)']].map((lines, i) => ({
    claim: claim(
      `curve.sgd-floor.${i}`,
      lines.join(' '),
      { params: p },
      i < 2 ? check : DEFINITION,
    ),
    lines,
  }));
}

/** Where the run settles: the noise floor (9.2), no floor, or training stops at S. */
export function floorClaim(c: SgdCurveResult): SgdClaim | null {
  const f = c.sgd;
  const p = c.params;
  if (f.unstable && Number.isFinite(f.divergedAt)) return null;
  const last = c.Eg[c.Eg.length - 1];
  if (Number.isNaN(f.floor))
    return sgdClaim(
      'sgd-stops',
      `The rate reaches η_{min} = 0 at S: training stops there, at E_g = ${n3(last)}.`,
      p,
      all(
        (_o) => (p.schedule !== 'constant' && p.final === 0 ? [] : ['the rate does not reach 0']),
        quotesSgdEg(p, p.horizon, last),
      ),
    );
  if (!Number.isFinite(f.floor)) return null;
  const at =
    p.schedule === 'constant'
      ? `η = ${formatParam(f.finalEta)}`
      : `η_{min} = ${n3(f.finalEta)} (after S)`;
  if (f.floor === 0)
    return sgdClaim(
      'sgd-no-floor',
      Number.isFinite(p.batch)
        ? `Without label noise and with every mode within reach, SGD at ${at} has no floor: E_g → 0.`
        : `Full-batch descent (B = ∞) injects no gradient noise: with every mode within reach it has no floor at ${at}, E_g → 0${p.sigma2 > 0 ? ' whatever the label noise' : ''}.`,
      p,
      checkNoFloor(p, f.finalEta),
    );
  const gap = last / f.floor - 1;
  const where =
    Math.abs(gap) <= 0.01
      ? `at S it is there (within ${pct(Math.max(Math.abs(gap), 1e-4))})`
      : `at S it is ${pct(gap)} above it`;
  return sgdClaim(
    'sgd-floor',
    `At ${at} E_g settles at the noise floor E_g(∞) = (r + σ²‖K‖)/(1 − ‖K‖) = ${n3(f.floor)} ` +
      `(marked; r: the part of the target out of the features' reach); ${where}.`,
    p,
    checkFloor(p, f.finalEta, f.floor, gap),
  );
}

/** SGD against its η → 0 limit at the same intrinsic time (§9.2). */
export function flowClaim(c: SgdCurveResult): SgdClaim | null {
  // A diverging run has left its η → 0 limit behind for good: no ratio is worth quoting.
  if (Number.isFinite(c.sgd.divergedAt)) return null;
  const i = lastFinite(c.Eg);
  if (i < 0) return null;
  const ratio = c.Eg[i] / c.sgd.flow[i];
  if (!Number.isFinite(ratio) || !(ratio > 0)) return null;
  const at = `t = ${n2(c.sgd.tIntrinsic[i])} (s = ${formatParam(c.t[i])})`;
  return sgdClaim(
    'sgd-flow',
    `Dashed: the η → 0 limit at the same intrinsic time t = Σ η_s, gradient flow on the population loss (P = ∞) with the same N; ` +
      `at ${at} SGD's E_g is ${n3(ratio)}× that limit.`,
    c.params,
    checkFlowRatio(c.params, c.t[i], c.sgd.tIntrinsic[i], ratio),
  );
}

function lastFinite(a: ArrayLike<number>): number {
  for (let i = a.length - 1; i >= 0; i--) if (Number.isFinite(a[i]) && a[i] > 0) return i;
  return -1;
}

// ---- The laws (§9.7) ----

/** Each row's name in the exponent table. */
export const SGD_ROW_NAME: Record<SgdLawRow, string> = {
  s: 's (steps)',
  'B-steps': 'B at fixed steps',
  'B-samples': 'B at fixed samples',
  'eta-steps': 'η at fixed steps',
};

/** The variable each row's slope is in. */
export const SGD_ROW_VARIABLE: Record<SgdLawRow, 's' | 'B' | 'η'> = {
  s: 's',
  'B-steps': 'B',
  'B-samples': 'B',
  'eta-steps': 'η',
};

/** The formula of each row's law (the shallowest term) and of each branch, as displayed. */
export const SGD_LAW_FORMULA: Record<SgdLawRow, { law: string; target: string; noise: string }> = {
  s: { law: '−min((β−1)/α, 2 − 1/α)', target: '−(β−1)/α', noise: '−(2 − 1/α)' },
  'B-steps': { law: '0 (target) or −1 (noise)', target: '0', noise: '−1' },
  'B-samples': { law: '(β−1)/α (target) or 1 − 1/α (noise)', target: '(β−1)/α', noise: '1 − 1/α' },
  'eta-steps': {
    law: '−(β−1)/α (target) or −(1 − 1/α) (noise)',
    target: '−(β−1)/α',
    noise: '−(1 − 1/α)',
  },
};

/** The condition of a quoted SGD law in words, with the numbers of its facts. */
export function sgdLawCondition(v: SgdLawVerdict, p: Params): string {
  if (v.gap) return sgdGapReason(v.gap, v, p);
  const f = v.facts;
  const beta = `β = ${n3(p.beta)}`;
  const branch =
    v.branch === 'noise'
      ? `the gradient noise outlasts the target: ${beta} > 2α = ${n3(f.crossoverBeta)}`
      : `the target sets it: ${beta} ≤ 2α = ${n3(f.crossoverBeta)}${Number.isFinite(p.batch) ? '' : ' (B = ∞: no gradient noise)'}`;
  const hi = Number.isFinite(f.sHi)
    ? `${formatParam(Math.round(f.sHi))} (= (min(N, M)/${MUCH})^α/η)`
    : '∞';
  return (
    `σ² = 0, constant η below η_{max} = ${n3(f.etaMax)}, steps between ${T_START}/η = ` +
    `${formatParam(Math.round(f.sLo))} (the top mode learned) and ${hi}; ${branch}`
  );
}

/** Why an SGD law is not quoted, in words. */
export function sgdGapReason(g: SgdLawGap, v: SgdLawVerdict, p: Params): string {
  const f = v.facts;
  switch (g) {
    case 'label-noise':
      return `label noise σ² = ${formatParam(p.sigma2)}: E_g tends to the noise floor, not to 0`;
    case 'unstable':
      return `η = ${formatParam(p.eta)} is at or above η_{max} = ${n3(f.etaMax)}: the run diverges`;
    case 'schedule':
      return `a ${p.schedule} schedule: the laws are those of a constant rate`;
    case 'full-batch':
      return 'B = ∞ is full-batch descent: there is no gradient noise and no batch-size law';
    case 'no-room':
      return (
        `less than a decade of steps between ${T_START}/η = ${formatParam(Math.round(f.sLo))} ` +
        `and (min(N, M)/${MUCH})^α/η = ${formatParam(Math.round(f.sHi))}`
      );
  }
}

/** The fitted slope of E_g(s) and the law it is compared with (null without a fit). */
export function slopeClaim(c: SgdCurveResult): SgdClaim | null {
  const fit = c.fitT.fit;
  if (!fit) return null;
  const law = c.sgd.laws.s;
  const pred = law.gap
    ? `no SGD law applies: ${sgdLawCondition(law, c.params)}`
    : `the SGD law predicts ${SGD_LAW_FORMULA.s[law.branch!]} = ${formatSlope(law.value, 3)}, which holds for ${sgdLawCondition(law, c.params)}`;
  return sgdClaim(
    'sgd-slope',
    `Where the slope is stable (${fitWindowText(fit, 's')}) E_g falls as s^{${formatSlope(fit.slope, 3)}}; ${pred}.`,
    c.params,
    all(
      checkStepsFit(c.params, fit),
      checkSgdLaw(law, c.params, law.branch ? SGD_LAW_FORMULA.s[law.branch] : ''),
    ),
  );
}

/**
 * What the training error is under one-pass SGD, for its legend entry: every batch is fresh, so
 * the loss on it is the population loss E_tr = E_g + σ² (docs/theory.md §9.1). At σ² = 0 the two
 * lines coincide and E_tr is hidden under E_g: the entry says so rather than name a line nobody sees.
 */
export function etrLegendClaim(c: SgdCurveResult): SgdClaim {
  const s2 = c.params.sigma2;
  const text =
    s2 > 0
      ? `training error E_{tr} = E_g + σ² (fresh batches)`
      : `training error E_{tr} = E_g at σ² = 0 (line under E_g's)`;
  return sgdClaim('sgd-etr', text, c.params, (_o, self) => {
    let worst = 0;
    for (let i = 0; i < c.Eg.length; i++) {
      const e = c.Eg[i] + s2;
      if (Number.isFinite(e)) worst = Math.max(worst, Math.abs(c.Etr[i] - e) / Math.max(e, 1e-300));
    }
    return problems(
      worst > 1e-9 && `E_tr differs from E_g + σ² by ${worst} (relative)`,
      s2 > 0 !== self.markup.includes('E_g + σ²') && `the entry says σ² = ${s2 > 0 ? '0' : '> 0'}`,
    );
  });
}

/** The caption's sentences, in order (the strip, the edge, what happens, the floor, the slope). */
export function sgdCaption(
  c: SgdCurveResult | null,
  p: Params,
  axis: 'steps' | 'intrinsic',
  sweeps: SgdSweeps | null = null,
): SgdClaim[] {
  const out: SgdClaim[] = [settingClaim(p, axis)];
  if (!c) return out;
  out.push(edgeClaim(c.sgd, c.params));
  const more = [
    divergenceClaim(c.sgd, c.params),
    floorClaim(c),
    flowClaim(c),
    slopeClaim(c),
    sweeps ? schedulesClaim(sweeps, c.params) : null,
  ];
  for (const m of more) if (m) out.push(m);
  return out;
}

// ---- The side panels (§9.8) ----

const SCHEDULE_NAME = { constant: 'constant', cosine: 'cosine', wsd: 'wsd' } as const;

/** Relative differences below this are not claimed (the block propagation's accuracy, §9.3). */
export const SGD_RESOLUTION = 1e-4;

/**
 * The schedules side by side at the same peak η, warm-up, η_min and horizon: which ends lowest
 * and by how much (null while they have not been computed for this state).
 */
export function schedulesClaim(s: SgdSweeps, p: Params): SgdClaim | null {
  const r = s.schedules;
  if (r.length < 2) return null;
  const best = r[0];
  const head = `At the same peak η = ${formatParam(p.eta)}, B, warm-up and η_{min}, over S = ${formatParam(p.horizon)} steps`;
  const check = checkSchedules(s, p);
  if (!Number.isFinite(best.Eg))
    return sgdClaim('sgd-schedules', `${head} every schedule diverges.`, p, check);
  const others = r.slice(1).map((o) => {
    if (!Number.isFinite(o.Eg)) return `${SCHEDULE_NAME[o.schedule]} diverges`;
    const rel = o.Eg / best.Eg - 1;
    return rel < SGD_RESOLUTION
      ? `${SCHEDULE_NAME[o.schedule]} ends level with it (within the engine's accuracy)`
      : `${SCHEDULE_NAME[o.schedule]} ${n3(o.Eg)} (+${pct(rel)})`;
  });
  return sgdClaim(
    'sgd-schedules',
    `${head} ${SCHEDULE_NAME[best.schedule]} ends lowest: E_g = ${n3(best.Eg)}, against ${others.join(' and ')}.`,
    p,
    check,
  );
}

function fitWords(fit: PowerFit | null, variable: string, verb: string): string {
  return fit
    ? `${verb} as ${variable}^{${formatSlope(fit.slope, 2)}} (${fitWindowText(fit, variable)})`
    : `follows no stable power of ${variable}`;
}

/** The batch panel: what is drawn and how E_g moves with B in both settings. */
export function batchClaim(s: SgdSweeps): SgdClaim {
  const b = s.batch;
  return sgdClaim(
    'sgd-batch',
    `E_g after s = ${formatParam(b.steps)} steps of B samples each (fixed steps) and after n = ${formatParam(b.samples)} samples ` +
      `in s = n/B steps (fixed samples), B = 1 … ${formatParam(b.B[b.B.length - 1])}: at fixed steps E_g ${fitWords(b.fitSteps, 'B', 'falls')}; ` +
      `at fixed samples it ${fitWords(b.fitSamples, 'B', 'changes')}.`,
    s.params,
    checkBatchFits(s),
  );
}

/** The critical batch at fixed samples (§9.8), or why there is none in range. */
export function criticalClaim(s: SgdSweeps): SgdClaim {
  const c = s.critical;
  const cost = pct(CRITICAL_COST);
  const head = `At fixed samples n = ${formatParam(c.samples)} and η = ${formatParam(s.current.eta)}`;
  const made = (text: string) => sgdClaim('sgd-critical', text, s.params, checkCritical(s));
  if (!Number.isFinite(c.B))
    return made(
      `${head} doubling B costs less than ${cost} all the way to B = ${formatParam(s.batch.B[s.batch.B.length - 1])}: no critical batch in range.`,
    );
  if (c.B <= c.Bmin * 1.0011)
    return made(
      `${head} doubling B already costs more than ${cost} at the smallest stable batch B = ${n3(c.Bmin)} ` +
        `(E_g(2B)/E_g(B) = ${n3(c.ratio)}): fewer steps cost more than the noise saved.`,
    );
  return made(
    `${head} the critical batch is B_{crit} ≈ ${n3(c.B)} (marked): below it doubling B costs less than ${cost} ` +
      `(the gradient noise saved pays for the steps lost); from it on doubling raises E_g by more (E_g(2B)/E_g(B) = ${n3(c.ratio)} there).`,
  );
}

/** The learning-rate panel: the optimum after S steps, the edge, the current η. */
export function etaClaim(s: SgdSweeps): SgdClaim {
  const e = s.eta;
  const cur = s.current;
  const rel = cur.Eg / e.Eopt - 1;
  const at = etaOptimumAt(e);
  const best =
    at === 'inside'
      ? `is lowest at η* ≈ ${n3(e.etaOpt)} = ${n2(e.etaOpt / e.etaMax)} η_{max} (E_g = ${n3(e.Eopt)})`
      : `is lowest at the ${at} of the rates swept, η = ${n3(e.etaOpt)} (E_g = ${n3(e.Eopt)}): the optimum lies ${at === 'top' ? 'above' : 'below'} the range`;
  const edge = etaSweepDiverges(e)
    ? `from η_{max} = ${n3(e.etaMax)} on the run diverges`
    : `no rate swept diverges within S steps (the schedule keeps η_s below η_{max} = ${n3(e.etaMax)})`;
  const here = !Number.isFinite(cur.Eg)
    ? `the current η = ${formatParam(cur.eta)} diverges`
    : rel < SGD_RESOLUTION
      ? `the current η = ${formatParam(cur.eta)} is at the optimum`
      : `the current η = ${formatParam(cur.eta)} ends ${pct(rel)} above it`;
  const below = at === 'bottom' ? '' : ` Below η* E_g ${fitWords(e.fit, 'η', 'falls')}.`;
  return sgdClaim(
    'sgd-eta',
    `E_g after S = ${formatParam(e.steps)} steps ${best}; ${edge}; ${here}.${below}`,
    s.params,
    checkEtaPanel(s),
  );
}

/** The marks of the sweep figures as claims, checked as the panel's sentences are. */
export function sweepMarkClaims(s: SgdSweeps) {
  const c = s.critical;
  const e = s.eta;
  const p = s.params;
  const lines = (id: string, variants: string[][], check: Check) =>
    variants.map((v, i) => ({
      claim: claim(`${id}.${i}`, v.join(' '), { params: p }, check),
      lines: v,
    }));
  const edge = `η_{max} = ${n3(e.etaMax)}`;
  return {
    critical: lines(
      'sgd-batch.critical',
      [[`B_{crit} ≈ ${n3(c.B)}`], ['B_{crit}']],
      checkCritical(s),
    ),
    current: lines(
      'sgd-batch.current',
      [[`B = ${formatParam(s.current.batch)}`]],
      quotesSgdParams(p),
    ),
    optimum: lines('sgd-eta.optimum', [[`η* ≈ ${n3(e.etaOpt)}`], ['η*']], checkEtaPanel(s)),
    edge: lines(
      'sgd-eta.edge',
      etaSweepDiverges(e) ? [[`${edge}: diverges beyond`], [edge]] : [[edge]],
      checkEdge(p, e.etaMax, p.eta / e.etaMax),
    ),
  };
}

/** The compute-optimal frontier of SGD, fitted against predicted, with its condition. */
export function frontierClaim(f: SgdFrontier, p: Params, law: SgdLawVerdict): SgdClaim {
  const pr = f.predicted;
  const fitted = (fit: PowerFit | null, name: string, pred: number) =>
    fit
      ? `${name} ∝ C^{${formatSlope(fit.slope, 3)}} (predicted ${formatSlope(pred, 3)})`
      : `${name}: no fit (predicted C^{${formatSlope(pred, 3)}})`;
  const cond = law.gap
    ? `the law does not hold here: ${sgdLawCondition(law, p)}`
    : `a = ${formatSlope(pr.a, 3)} the steps law, b = min(β − 1, α) = ${formatSlope(pr.b, 3)} the model law; it holds for σ² = 0, constant η below the edge, and as an asymptote`;
  return sgdClaim(
    'sgd-frontier',
    `For budgets C = N·B·s from ${formatParam(f.C[0])} to ${formatParam(f.C[f.C.length - 1])} at η = ${formatParam(p.eta)}, B = ${formatParam(p.batch)}: ` +
      `${fitted(f.fitL, 'L*', pr.L)}, ${fitted(f.fitN, 'N*', pr.N)}, from N* ≍ C^{a/(a+b)}, L* ≍ C^{−ab/(a+b)}; ${cond}.`,
    p,
    all(
      checkFrontierLaw(pr, p),
      checkSgdLaw(law, p, law.branch ? SGD_LAW_FORMULA.s[law.branch] : ''),
    ),
  );
}

// ---- The exponent table in this regime ----

export interface SgdExponentRow {
  key: SgdLawRow;
  name: string;
  variable: 's' | 'B' | 'η';
  fit: PowerFit | null;
  /** Why there is no fit (words); null when there is one. */
  fitWhy: string | null;
  verdict: SgdLawVerdict;
  /** The formula of the branch that holds ('' when no law is quoted). */
  formula: string;
  /** The condition of the law in words, or why it is not quoted. */
  condition: string;
  /** The cells as claims: the fitted slope (or why none), the law (or n/a), the condition. */
  claims: { fitted: Claim; law: Claim; condition: Claim };
}

/** The fitted slope of each row: the curve's in s, the sweeps' in B and η (null: pending). */
function rowFit(
  key: SgdLawRow,
  c: SgdCurveResult,
  sweeps: SgdSweeps | null,
): { fit: PowerFit | null; why: string | null } {
  if (key === 's')
    return c.fitT.fit
      ? { fit: c.fitT.fit, why: null }
      : { fit: null, why: fitGapReason(c.fitT.gap ?? 'unstable', 's') };
  if (!sweeps) return { fit: null, why: 'the sweeps over B and η are being computed' };
  const fit =
    key === 'B-steps'
      ? sweeps.batch.fitSteps
      : key === 'B-samples'
        ? sweeps.batch.fitSamples
        : sweeps.eta.fit;
  const v = SGD_ROW_VARIABLE[key];
  return fit
    ? { fit, why: null }
    : { fit: null, why: `no decade of ${v} over which the local slope of E_g is stable` };
}

/** The three cells of a row as claims, each checked by its own path. */
function rowClaims(
  key: SgdLawRow,
  f: { fit: PowerFit | null; why: string | null },
  v: SgdLawVerdict,
  formula: string,
  condition: string,
  c: SgdCurveResult,
  sweeps: SgdSweeps | null,
): SgdExponentRow['claims'] {
  const p = c.params;
  const id = `exponents.sgd.${key}`;
  const lawCheck = checkSgdLaw(v, p, formula);
  return {
    // "none": the stable-window rule found no decade (a statement about the fit, §8).
    fitted: f.fit
      ? claim(
          `${id}.fitted`,
          `${SGD_ROW_VARIABLE[key]}^{${formatSlope(f.fit.slope, 3)}}`,
          { params: p },
          checkRowFit(key, f.fit, p, sweeps),
        )
      : claim(`${id}.fitted`, `none: ${f.why ?? ''}`, { params: p }, DEFINITION),
    // n/a: the condition cell says why (the same verdict, checked alike).
    law: claim(
      `${id}.law`,
      v.gap ? 'n/a' : `${formula} = ${formatSlope(v.value, 3)}`,
      { params: p },
      lawCheck,
    ),
    condition: claim(`${id}.condition`, condition, { params: p }, lawCheck),
  };
}

/** The rows of the exponent table in the SGD regime (docs/theory.md §9.7). */
export function sgdExponentRows(c: SgdCurveResult, sweeps: SgdSweeps | null): SgdExponentRow[] {
  const rows: SgdLawRow[] = ['s', 'B-steps', 'B-samples', 'eta-steps'];
  return rows.map((key) => {
    const v = c.sgd.laws[key];
    const f = rowFit(key, c, sweeps);
    const formula = v.branch ? SGD_LAW_FORMULA[key][v.branch] : '';
    const condition = sgdLawCondition(v, c.params);
    return {
      key,
      name: SGD_ROW_NAME[key],
      variable: SGD_ROW_VARIABLE[key],
      fit: f.fit,
      fitWhy: f.why,
      verdict: v,
      formula,
      condition,
      claims: rowClaims(key, f, v, formula, condition, c, sweeps),
    };
  });
}
