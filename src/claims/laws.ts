// The exponent table's law column in words: for each law of model/theory/laws.ts the formula that
// produced the number (in the notation of the figures), the condition under which it holds, and
// for each gap the reason no law applies. Numbers in the conditions come from the verdict's facts,
// so the words and the value are one object (docs/theory.md §8).
import type { LawBranch, LawGap, LawId, LawVerdict } from '../model/theory/laws.ts';
import { MUCH, T_LAW_START } from '../model/theory/laws.ts';
import type { Params } from '../model/params.ts';
import { formatNumber, formatParam } from '../format/number.ts';

/** The formula of each law's exponent, as displayed (test/claims evaluates these strings). */
export const LAW_FORMULA: Record<LawId, string> = {
  time: '−(β−1)/α',
  data: '−min(β−1, 2α)',
  'early-stop': '−(β−1)/β',
  model: '−min(β−1, α)',
  compute: '−(β−1)m/(β−1+αm), m = min(β−1, α)',
  'flat-time': '0',
  'flat-model': '0',
  'flat-data': '0',
  'flat-ridge': '0',
};

/** The formula of each term of a law (model/theory/laws.ts lawTerm), as displayed. */
export const LAW_TERM_FORMULA: Record<LawId, Partial<Record<LawBranch, string>>> = {
  time: { target: '−(β−1)/α' },
  data: { target: '−(β−1)', spectrum: '−2α' },
  'early-stop': { target: '−(β−1)/β' },
  model: { target: '−(β−1)', spectrum: '−α' },
  compute: { target: '−(β−1)/(1+α)', spectrum: '−(β−1)α/(β−1+α²)' },
  'flat-time': { flat: '0' },
  'flat-model': { flat: '0' },
  'flat-data': { flat: '0' },
  'flat-ridge': { flat: '0' },
};

/** Which term holds, in words. */
export const BRANCH_NAME: Record<LawBranch, string> = {
  target: 'set by the target (β−1)',
  spectrum: 'saturated by the spectrum (α)',
  flat: 'flat',
};

/** Short name of each law. */
export const LAW_NAME: Record<LawId, string> = {
  time: 'time-limited',
  data: 'data-limited',
  'early-stop': 'early-stopped with noise',
  model: 'model-limited',
  compute: 'compute-optimal',
  'flat-time': 'time-limited (P and N do not matter yet)',
  'flat-model': 'model-limited (more data does not help)',
  'flat-data': 'data-limited (more features do not help)',
  'flat-ridge': 'ridge-limited (weight decay sets the error)',
};

const n = (x: number) => formatNumber(x, 2);

/**
 * The condition of a law, in words with the current numbers: a clause that reads after "holds
 * when" (the table's column, the caption's "which holds when …", the phase diagram's "it holds
 * when …"), or, where no law applies, the reason (a sentence of its own).
 */
export function lawCondition(v: LawVerdict, p: Params): string {
  const f = v.facts;
  switch (v.law) {
    case 'time':
      return (
        `the modes learned by t, k*(t) ≈ t^{1/α}, are far fewer than ` +
        `min(P, N, M)${Number.isFinite(f.sizeRidge) ? ', t ≪ 1/γ' : ''}` +
        `${Number.isFinite(f.tStar) ? ' and t comes before t*' : ''}: ` +
        `here for about ${timeLawRange(v)}`
      );
    case 'data':
      return `t → ∞, ridgeless (γ = 0), no label noise, N ≫ P${ratioHere(v)}, P ≪ M`;
    case 'early-stop':
      return (
        `E_g is taken at its best over training (at t*) with label noise σ² = ${formatParam(p.sigma2)}, ` +
        `N ≫ P${ratioHere(v)} ` +
        `and no weight decay acts before t*`
      );
    case 'model':
      return (
        `t → ∞ (or t*), P ≫ N${ratioHere(v)}, N ≪ M ` +
        `and the label-noise variance σ²N/(P−N) is small`
      );
    case 'compute':
      return (
        `gradient flow runs at the best split of the budget C = N·t between features and time, ` +
        `with data unlimited (P ≫ N*; here P = ${formatParam(p.P)})` +
        (p.beta - 1 > p.alpha
          ? `; with β−1 > α only as a slowly approached asymptote: slopes fitted over ` +
            `C = 10³…10⁹ are about 0.05–0.07 shallower`
          : '')
      );
    case 'flat-time':
      return (
        `only about k*(t) ≈ ${n(f.kAt)} modes are learned by the fixed time t = ${formatParam(f.tAt)} ` +
        `and ${v.row === 'P' ? 'P' : 'N'} = ${formatParam(v.row === 'P' ? p.P : p.N)} ≥ ` +
        `${MUCH}·k*(t), so it no longer matters`
      );
    case 'flat-model':
      return `P ≥ ${MUCH} N (here P/N = ${n(1 / f.NoverP)}): the N features are the bottleneck`;
    case 'flat-data':
      return `N ≥ ${MUCH} P (here N/P = ${n(f.NoverP)}): the P samples are the bottleneck`;
    case 'flat-ridge':
      return (
        `${v.row} = ${formatParam(v.row === 'P' ? p.P : p.N)} ≥ ${MUCH}·γ^{−1/α} = ` +
        `${n(MUCH * f.sizeRidge)}: weight decay γ = ${formatParam(p.gamma)} caps the number of ` +
        `modes learned`
      );
    case null:
      return gapReason(v.gap ?? 'crossover', v, p);
  }
}

/**
 * The ratio of the sizes a size law needs large: "(here N/P = 2.5)" at the current state, or over
 * a sweep's fit window, where it is smallest at the window's top: "(N/P ≥ 29 over the fit,
 * P ≤ 3.5·10³)".
 */
function ratioHere(v: LawVerdict): string {
  const f = v.facts;
  const swept = v.row === 'N' ? 'N' : 'P';
  const over = f.fitTop === undefined ? '' : `over the fit, ${swept} ≤ ${n(f.fitTop)}`;
  if (!Number.isFinite(f.NoverP)) return over ? ` (here N = ∞; ${over})` : ' (here N = ∞)';
  const [name, r] = swept === 'P' ? ['N/P', f.NoverP] : ['P/N', 1 / f.NoverP];
  return f.fitTop === undefined ? ` (here ${name} = ${n(r)})` : ` (${name} ≥ ${n(r)} ${over})`;
}

/** "10 ≲ t ≲ 1.6·10²": where the time law can hold in this state. */
export function timeLawRange(v: LawVerdict): string {
  return `${T_LAW_START} ≲ t ≲ ${n(v.facts.tHi)}`;
}

/** Why no law applies, in words with the current numbers. */
export function gapReason(g: LawGap, v: LawVerdict, p: Params): string {
  const f = v.facts;
  const row = v.row;
  switch (g) {
    case 'no-time':
      return 'the Bayesian posterior has no training time';
    case 'no-room':
      return (
        `no decade of t where the law can hold: it needs ${T_LAW_START} ≲ t ≪ ` +
        `min(P, N, M)^α${Number.isFinite(f.sizeRidge) ? ', 1/γ' : ''}${Number.isFinite(f.tStar) ? ', t*' : ''}, ` +
        `here t ≲ ${n(f.tHi)}`
      );
    case 'modes':
      return modesReason(row === 'N' ? 'N' : 'P', row === 'N' ? p.N : p.P, p.M);
    case 'kernel':
      return 'N = ∞ (kernel limit): there is no model size to scale';
    case 'interpolation':
      return (
        `N ≈ P (N/P = ${n(f.NoverP)}) without weight decay: the interpolation peak, ` +
        `where E_g follows no power law`
      );
    case 'crossover':
      return (
        `${row} = ${formatParam(row === 'N' ? p.N : p.P)} lies within a factor ${MUCH} of the ` +
        `${crossoverOther(v, p)}: between two laws, the slope is in transition`
      );
    case 'noise-ridgeless':
      return (
        `with label noise σ² = ${formatParam(p.sigma2)} and no weight decay, E_g(∞) tends to a ` +
        `σ²-dependent constant, not a power of P (choose “at t*” to see the early-stopping law)`
      );
    case 'noise-model':
      return (
        `the label-noise variance σ²N/(P−N) grows with N and is not small against the model ` +
        `error here`
      );
    case 'temperature':
      return (
        `temperature T = ${formatParam(p.T)}: the posterior variance T·df/(1 − df/P) adds a ` +
        `part that follows no ${row} law`
      );
    case 'fit-window': {
      const top = f.atFitTop!;
      const size = f.fitTop!;
      const pTop = { ...p, [row === 'N' ? 'N' : 'P']: size };
      const there = top.law ? lawCondition(top, pTop) : gapReason(top.gap!, top, pTop);
      return (
        `over the fit (${row} ≤ ${n(size)}) no size law holds: at its top ` +
        `${top.law ? `the ${LAW_NAME[top.law]} law begins, as ` : ''}${there}`
      );
    }
    case 'ridge-before-stop':
      // No early-stopping gain (t* = ∞): E_g is lowest only as t → ∞, long after γ acts.
      return Number.isFinite(f.tStar)
        ? `weight decay γ = ${formatParam(p.gamma)} acts before t* (γ·t* = ${n(p.gamma * f.tStar)}): ` +
            `the early-stopping law assumes γ·t* ≪ 1`
        : `weight decay γ = ${formatParam(p.gamma)} acts before E_g is lowest, which is only as ` +
            `t → ∞: the early-stopping law assumes γ·t* ≪ 1`;
  }
}

/**
 * The swept size against the number of modes, comparing the numbers themselves: beyond M every
 * mode is resolved; below it, but above M/MUCH, too few modes are left for the law (P ≪ M).
 */
export function modesReason(row: 'P' | 'N', size: number, M: number): string {
  if (size >= M)
    return `${row} = ${formatParam(size)} exceeds the number of modes M = ${formatParam(M)}: every mode is resolved`;
  return (
    `${row} = ${formatParam(size)} is not far below the number of modes M = ${formatParam(M)} ` +
    `(the law needs ${row} ≪ M, about ${row} ≤ M/${MUCH} = ${formatParam(M / MUCH)})`
  );
}

function crossoverOther(v: LawVerdict, p: Params): string {
  const f = v.facts;
  const size = v.row === 'P' ? p.P : p.N;
  const other = v.row === 'P' ? p.N : p.P;
  if (Number.isFinite(other) && size < MUCH * other && other < MUCH * size)
    return v.row === 'P'
      ? `model size N = ${formatParam(p.N)}`
      : `data size P = ${formatParam(p.P)}`;
  if (Number.isFinite(f.sizeRidge) && size < MUCH * f.sizeRidge && f.sizeRidge < MUCH * size)
    return `ridge scale γ^{−1/α} = ${n(f.sizeRidge)}`;
  return `modes learned by the fixed time, k*(t) ≈ ${n(f.kAt)}`;
}

/** The law column of one row: formula = value, or "n/a". */
export function lawCell(v: LawVerdict): { formula: string; law: string } {
  if (!v.law) return { formula: '', law: 'n/a' };
  return { formula: LAW_FORMULA[v.law], law: LAW_NAME[v.law] };
}
