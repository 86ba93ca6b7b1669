// The footer of an exported figure, so that a file read on its own says what it shows: the
// learning regime, the parameters (as the caption writes them), the time window, the bottleneck
// the engine diagnosed, and the link that reproduces the exact view. Wrapped to the figure's width.
import type { CurveResult } from '../model/types.ts';
import { isActive, type Params } from '../model/params.ts';
import { REGIME, hasDynamics } from '../model/regimes.ts';
import { formatParam } from '../format/number.ts';
import { DIAGNOSIS_TITLE } from '../claims/diagnosis.ts';
import { quotesParams } from '../claims/checks.ts';
import { claim, type Check, type Claim } from '../claims/registry.ts';
import { linkParams, paramText, readParams, readQuery, writeParams } from '../model/paramsCodec.ts';
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
  /** The checkers of the claims the notes are the words of (the footer line checks them too). */
  checks?: readonly Check[];
  /** Name the bottleneck the engine diagnosed (default true; only once a curve exists). */
  bottleneck?: boolean;
}

/**
 * The footer's lines as claims: what the figure shows (its parameters as the caption writes them,
 * the window its axes span, its own facts, the bottleneck), and the link that reproduces the view.
 * Like the caption they describe the curve drawn (its parameters include an automatic window's
 * times); `params` stand in while no curve has been computed. `facts` say what a figure other
 * than the curve shows. The window a learning-curve footer states is checked against the times
 * the curve holds (what is drawn and exported), the link against the state it was made for.
 */
export function footerClaims(
  curve: CurveResult | null,
  params: Params,
  url: string,
  facts: FigureFacts = {},
): [Claim, Claim] {
  const p = curve?.params ?? params;
  // The regime's own knobs: γ and T where they act.
  const regime = [
    isActive('gamma', p.regime) ? `γ = ${formatParam(p.gamma)}` : '',
    isActive('T', p.regime) ? `T = ${formatParam(p.T)}` : '',
  ].filter(Boolean);
  // The window the curve spans: an automatic one is the engine's choice, not the link's tmin, tmax.
  const w = curve?.window ?? { tmin: p.tmin, tmax: p.tmax, auto: false };
  const ownWindow = facts.window === undefined && p.regime !== 'bayes';
  const window =
    facts.window !== undefined
      ? facts.window
      : !hasDynamics(p.regime)
        ? ''
        : `${rangeText('t', w.tmin, w.tmax)}${w.auto ? ' (auto)' : ''}`;
  const parts = [
    facts.what ?? '',
    `${REGIME[p.regime].label}${regime.length ? ` (${regime.join(', ')})` : ''}`,
    paramsPhrase(p, curve !== null),
    window ?? '',
    ...(facts.notes ?? []),
    curve && facts.bottleneck !== false
      ? `bottleneck: ${DIAGNOSIS_TITLE[curve.diagnosis.kind]}`
      : '',
  ].filter(Boolean);
  const id = `footer.${(facts.what ?? 'learning curve').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
  const line = claim(id, parts.join(' · '), { params: p }, (o, self) => {
    const out = [...quotesParams(p)(o, self), ...(facts.checks ?? []).flatMap((c) => c(o, self))];
    if (ownWindow && curve && curve.t.length) {
      const [lo, hi] = [curve.t[0], curve.t[curve.t.length - 1]];
      if (!self.plain.includes(rangeText('t', lo, hi)))
        out.push(`the footer's window is not the curve's: t from ${lo} to ${hi}`);
    }
    return out;
  });
  const link = claim('footer.link', `Link: ${url}`, { params: p }, linkCheck(url, p));
  return [line, link];
}

/**
 * The link reproduces the state: every parameter it writes reads back to the state's value
 * (checked with the parameter codec the app reads links with).
 */
export function linkCheck(url: string, p: Params): Check {
  return () => {
    let search = '';
    try {
      search = new URL(url).search;
    } catch {
      return [`not a link: ${url}`];
    }
    const read = readParams(readQuery(search).values).params;
    const want = writeParams(linkParams(p));
    return want.flatMap(([k, v]) => {
      const got = paramText(read, k as keyof Params);
      return got === v ? [] : [`the link gives ${k} = ${got}, the state ${v}`];
    });
  };
}

/**
 * The footer's lines, unwrapped: what the figure shows, then the link, as plain text (a footer
 * is text in the exported file: sub- and superscripts become plain letters).
 */
export function figureFooter(
  curve: CurveResult | null,
  params: Params,
  url: string,
  facts: FigureFacts = {},
): string[] {
  return footerClaims(curve, params, url, facts).map((c) => c.plain);
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
