// The footer of an exported figure, so that a file read on its own says what it shows: the
// learning regime, the parameters (as the caption writes them), the time window, the bottleneck
// the engine diagnosed, and the link that reproduces the exact view. Wrapped to the figure's width.
import type { CurveResult } from '../model/types.ts';
import { isActive, type Params } from '../model/params.ts';
import { REGIME, hasDynamics } from '../model/regimes.ts';
import { formatParam } from '../format/number.ts';
import { DIAGNOSIS_TITLE } from '../claims/diagnosis.ts';
import { paramsPhrase } from './caption.ts';

/**
 * What an exported figure shows beyond the state's parameters, from the objects it is drawn from:
 * the learning curve needs none; the other panels name themselves and the ranges they span.
 */
export interface FigureFacts {
  /** What the figure shows, first ("E_g against dataset size P, at t → ∞"). */
  what?: string;
  /** The ranges its axes span as drawn ("P from 10 to 10⁴"); default: the curve's time window. */
  window?: string | null;
  /** Further facts of the figure (its fit, the grid's progress), after the window. */
  notes?: readonly string[];
  /** Name the bottleneck the engine diagnosed (default true; only once a curve exists). */
  bottleneck?: boolean;
}

/**
 * The footer's lines, unwrapped: what the figure shows, then the link. Like the caption it
 * describes the curve drawn (its parameters include an automatic window's times); `params` stand
 * in while no curve has been computed. `facts` say what a figure other than the curve shows.
 */
export function figureFooter(
  curve: CurveResult | null,
  params: Params,
  url: string,
  facts: FigureFacts = {},
): string[] {
  const p = curve?.params ?? params;
  // The regime's own knobs: γ and T where they act.
  const regime = [
    isActive('gamma', p.regime) ? `γ = ${formatParam(p.gamma)}` : '',
    isActive('T', p.regime) ? `T = ${formatParam(p.T)}` : '',
  ].filter(Boolean);
  // The window the curve spans: an automatic one is the engine's choice, not the link's tmin, tmax.
  const w = curve?.window ?? { tmin: p.tmin, tmax: p.tmax, auto: false };
  const window =
    facts.window !== undefined
      ? facts.window
      : !hasDynamics(p.regime)
        ? ''
        : `${rangeText('t', w.tmin, w.tmax)}${w.auto ? ' (auto)' : ''}`;
  const parts = [
    facts.what ?? '',
    `${REGIME[p.regime].label}${regime.length ? ` (${regime.join(', ')})` : ''}`,
    paramsPhrase(p),
    window ?? '',
    ...(facts.notes ?? []),
    curve && facts.bottleneck !== false
      ? `bottleneck: ${DIAGNOSIS_TITLE[curve.diagnosis.kind]}`
      : '',
  ].filter(Boolean);
  return [parts.join(' · '), `Link: ${url}`];
}

/** "P from 10 to 10⁴": the range of a drawn axis, as the footer states it. */
export function rangeText(name: string, lo: number, hi: number): string {
  return `${name} from ${formatParam(lo)} to ${formatParam(hi)}`;
}

/**
 * Lines no wider than `max` as `measure` counts (default: characters). Breaks fall between the
 * " · " parts of a line where they can, else after a space or an "&" (a link's separator), and
 * inside a word only when one word alone is wider than a line.
 */
export function wrapLines(
  lines: readonly string[],
  max: number,
  measure: (s: string) => number = (s) => Array.from(s).length,
): string[] {
  const len = (s: string) => measure(s.trimEnd());
  const out: string[] = [];
  for (const line of lines) {
    let cur = '';
    for (const part of line.split(/(?<= · )/)) {
      if (len(cur + part) <= max) {
        cur += part;
        continue;
      }
      if (cur) out.push(cur.trimEnd());
      cur = '';
      for (const tok of part.match(/[^ &]+[ &]*|[ &]+/g) ?? []) {
        if (cur && len(cur + tok) > max) {
          out.push(cur.trimEnd());
          cur = '';
        }
        let t = tok;
        while (len(t) > max) {
          const chars = Array.from(t);
          let n = 1;
          while (n < chars.length && len(chars.slice(0, n + 1).join('')) <= max) n++;
          out.push(chars.slice(0, n).join(''));
          t = chars.slice(n).join('');
        }
        cur += t;
      }
    }
    out.push(cur.trimEnd());
  }
  return out;
}
