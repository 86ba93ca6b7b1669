// Words for the end of a measured spectrum on the P panel (docs/theory.md §6): with M modes, P ≥ M
// examples interpolate every one of them, so the error beyond says what this finite spectrum does
// (for a pool source: the pool the test error is measured on is memorised), not what a larger
// data set would do. Said only where the sweep reaches M; the pool's words come from its record
// (src/model/data/sources.ts).
import type { ModesEdge, SweepResult } from '../model/types.ts';
import { poolSourceOf, type SourceWords } from '../model/data/sources.ts';
import { formatParam } from '../format/number.ts';

/** The edge when the sweep reaches it (its largest P is at least M), else null. */
export function visibleEdge(sweep: Pick<SweepResult, 'x' | 'modesEdge'>): ModesEdge | null {
  const e = sweep.modesEdge ?? null;
  const hi = sweep.x.length > 0 ? sweep.x[sweep.x.length - 1] : NaN;
  return e && Number.isFinite(e.M) && e.M > 0 && hi >= e.M ? e : null;
}

/** The words of the edge's pool, or null for a spectrum file. */
function poolWords(e: ModesEdge): SourceWords | null {
  return poolSourceOf(e.source)?.words ?? null;
}

/** The reference line's label: "P = pool (3000 digits)", "P = M (636 modes of the 3000-digit pool)". */
export function edgeLabel(e: ModesEdge): string {
  const M = formatParam(e.M);
  const w = poolWords(e);
  if (!w) return `P = M (${M} modes of the file)`;
  return e.M === e.entries
    ? `P = pool (${M} ${w.items})`
    : `P = M (${M} modes of the ${formatParam(e.entries)}-${w.item} pool)`;
}

/** What the curve beyond the line means, in two short lines (under the fit's words). */
export function edgeNote(e: ModesEdge): [string, string] {
  const w = poolWords(e);
  if (!w) return ['beyond: every mode learned,', 'says nothing past the file'];
  return e.M === e.entries
    ? ['beyond: pool memorised,', `not ${w.name} at large`]
    : ['beyond: every mode of the pool learned,', `not ${w.name} at large`];
}

/** The full sentence (accessible label, tooltips). */
export function edgeSentence(e: ModesEdge): string {
  const M = formatParam(e.M);
  const w = poolWords(e);
  return !w
    ? `From P = M = ${M} on, the examples interpolate every mode of the spectrum file: the curve ` +
        'beyond says nothing about modes the file does not hold, and the fit stops below it.'
    : `From P = ${M} on, the examples interpolate every mode of the spectrum measured on the ` +
        `pool of ${formatParam(e.entries)} ${w.items} (the test distribution)` +
        (e.M === e.entries ? ': the pool is memorised, ' : ', ') +
        `the curve beyond says nothing about ${w.name} at large, and the fit stops below it.`;
}
