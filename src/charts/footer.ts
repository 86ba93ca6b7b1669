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
 * The footer's lines, unwrapped: what the figure shows, then the link. Like the caption it
 * describes the curve drawn (its parameters include an automatic window's times); `params` stand
 * in while no curve has been computed.
 */
export function figureFooter(curve: CurveResult | null, params: Params, url: string): string[] {
  const p = curve?.params ?? params;
  // The regime's own knobs: γ and T where they act.
  const regime = [
    isActive('gamma', p.regime) ? `γ = ${formatParam(p.gamma)}` : '',
    isActive('T', p.regime) ? `T = ${formatParam(p.T)}` : '',
  ].filter(Boolean);
  const parts = [
    `${REGIME[p.regime].label}${regime.length ? ` (${regime.join(', ')})` : ''}`,
    paramsPhrase(p),
    hasDynamics(p.regime) ? `t from ${formatParam(p.tmin)} to ${formatParam(p.tmax)}` : '',
    curve ? `bottleneck: ${DIAGNOSIS_TITLE[curve.diagnosis.kind]}` : '',
  ].filter(Boolean);
  return [parts.join(' · '), `Link: ${url}`];
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
