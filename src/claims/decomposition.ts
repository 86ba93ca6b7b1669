// Words about the parts of E_g (docs/theory.md §3 "Parts of E_g", §4): which part is identically
// zero in a state and why, where the falling signal part meets the rising noise part, what the
// parts do at the early-stopping point, and the split at t → ∞ (bias and variance of the ridge
// predictor; the posterior). Everything is read from the engine's arrays; docs/theory.md §8.
import { effectiveParams, isActive, type Params } from '../model/params.ts';
import { hasDynamics, showsPosterior } from '../model/regimes.ts';
import { floorAt } from '../model/theory/dynamics.ts';
import type { CurveParts, CurveResult, ErrorSplit } from '../model/types.ts';
import { e3, t2 } from '../format/number.ts';
import { openPhrase } from './earlyStop.ts';

export type PartKey = keyof ErrorSplit<unknown>;
export const PART_KEYS: readonly PartKey[] = ['signal', 'noise', 'temperature', 'init'];

export const PART_LABELS: Record<PartKey, string> = {
  signal: 'signal',
  noise: 'label noise',
  temperature: 'temperature',
  init: 'init',
};

/**
 * Why a part is identically zero in this state (its source is switched off), or null when it is
 * not. The rule is the engine's: label noise ∝ σ², temperature ∝ T (Langevin and the posterior
 * only), init ∝ σ₀² (not in the posterior). The signal part is never identically zero.
 */
export function zeroPartReason(p: Params, key: PartKey): string | null {
  const q = effectiveParams(p);
  switch (key) {
    case 'signal':
      return null;
    case 'noise':
      return q.sigma2 === 0 ? 'σ² = 0' : null;
    case 'temperature':
      if (q.T !== 0) return null;
      return isActive('T', p.regime) ? 'T = 0' : 'not Langevin';
    case 'init':
      if (q.sigma02 !== 0) return null;
      return hasDynamics(p.regime) ? 'σ₀² = 0' : 'the posterior does not depend on it';
  }
}

/** Where the signal part first falls below the label-noise part on the grid (log-interpolated). */
export interface PartsCrossing {
  t: number;
  /** The common value of both parts there. */
  E: number;
  /** Grid index i with signal ≥ noise at t_i and signal < noise at t_{i+1}. */
  i: number;
}

export function signalNoiseCrossing(t: ArrayLike<number>, parts: CurveParts): PartsCrossing | null {
  const s = parts.signal;
  const n = parts.noise;
  for (let i = 0; i + 1 < t.length; i++) {
    if (!(n[i] > 0 && n[i + 1] > 0 && s[i] > 0 && s[i + 1] > 0)) continue;
    if (!(s[i] >= n[i] && s[i + 1] < n[i + 1])) continue;
    const d0 = Math.log(s[i] / n[i]);
    const d1 = Math.log(s[i + 1] / n[i + 1]);
    const f = d0 === d1 ? 0 : d0 / (d0 - d1);
    const at = (a: number, b: number) => Math.exp((1 - f) * Math.log(a) + f * Math.log(b));
    return { t: at(t[i], t[i + 1]), E: at(s[i], s[i + 1]), i };
  }
  return null;
}

/** What the parts do over the grid step that contains t* (indices i, i + 1), or null. */
export interface StopBracket {
  i: number;
  /** Change of each part from t_i to t_{i+1}. */
  change: ErrorSplit<number>;
}

export function stopBracket(
  t: ArrayLike<number>,
  parts: CurveParts,
  tStar: number,
): StopBracket | null {
  for (let i = 0; i + 1 < t.length; i++) {
    if (!(t[i] <= tStar && tStar <= t[i + 1])) continue;
    const d = (k: PartKey) => parts[k][i + 1] - parts[k][i];
    return {
      i,
      change: {
        signal: d('signal'),
        noise: d('noise'),
        temperature: d('temperature'),
        init: d('init'),
      },
    };
  }
  return null;
}

/** How the early-stopping point reads on the parts: a sentence, and whether it is the balance. */
export interface StopExplanation {
  /** Stopping pays, t* lies on the grid, the signal part falls and another part rises there. */
  balance: boolean;
  /** The parts that rise over the step containing t* (the balance: what outweighs the signal). */
  rising: PartKey[];
  text: string;
}

const signed = (x: number) => (x > 0 ? `+${e3(x)}` : e3(x));

export function stopExplanation(
  curve: CurveResult,
  t: ArrayLike<number>,
  parts: CurveParts,
): StopExplanation {
  const es = curve.earlyStop;
  const na = (why: string): StopExplanation => ({
    balance: false,
    rising: [],
    text: `Early stopping: n/a (${why}).`,
  });
  if (es.case === 'none')
    return na(openPhrase(curve) ?? 'no early-stopping gain: E_g is lowest at t → ∞');
  const b = stopBracket(t, parts, es.t);
  if (!b) return na(`t* ≈ ${t2(es.t)} lies outside the times shown`);
  // A change below the engine's resolution there (docs/theory.md §8) is not read as a rise or fall.
  const r = curve.resolution;
  const res = Math.max(floorAt(curve.t, r.floor, t[b.i]), floorAt(curve.t, r.floor, t[b.i + 1]));
  const moved = PART_KEYS.filter((k) => Math.abs(b.change[k]) > res);
  const rising = moved.filter((k) => k !== 'signal' && b.change[k] > 0);
  const step = `from t = ${t2(t[b.i])} to ${t2(t[b.i + 1])}`;
  if (moved.length === 0)
    return {
      balance: false,
      rising: [],
      text: `E_g is lowest at t* ≈ ${t2(es.t)}; ${step} no part changes by more than the engine's resolution.`,
    };
  const changes = moved.map((k) => `${PART_LABELS[k]} ${signed(b.change[k])}`).join(', ');
  if (b.change.signal < -res && rising.length > 0) {
    const names = rising.map((k) => `${PART_LABELS[k]} part`).join(' and the ');
    return {
      balance: true,
      rising,
      text:
        `E_g is lowest at t* ≈ ${t2(es.t)}, where the falling signal part meets the rising ${names}: ` +
        `${step} the parts change by ${changes}.`,
    };
  }
  return {
    balance: false,
    rising,
    text: `E_g is lowest at t* ≈ ${t2(es.t)}, but no part rises against a falling signal there: ${step} the parts change by ${changes}.`,
  };
}

/** Where the signal part falls below the noise part, in words (null: it does not, on the grid). */
export function crossingSentence(c: PartsCrossing | null): string | null {
  if (!c) return null;
  return `The signal part falls below the label-noise part at t ≈ ${t2(c.t)} (both ≈ ${e3(c.E)}).`;
}

/** The names of the t → ∞ parts in the state's regime. */
function limitNames(p: Params): Record<PartKey, string> {
  const posterior = showsPosterior(p);
  return {
    signal: posterior ? 'signal (bias of the posterior mean)' : 'signal (ridge bias)',
    noise: posterior
      ? 'label noise (variance of the posterior mean)'
      : 'label noise (ridge variance)',
    temperature: 'temperature (posterior variance)',
    init: 'init (what training never forgets)',
  };
}

/** The split of E_g(∞): "t → ∞: signal (ridge bias) 0.0166 + … = E_g(∞) = 0.0748". */
export function limitSplitSentence(p: Params, limit: ErrorSplit<number>, Einf: number): string {
  const names = limitNames(p);
  const shown = PART_KEYS.filter((k) => zeroPartReason(p, k) === null);
  const terms = shown.map((k) => `${names[k]} ${e3(limit[k])}`).join(' + ');
  return `t → ∞: ${terms} = E_g(∞) = ${e3(Einf)}.`;
}
