// Annotation labels as data: a label that can be written several ways (one long line, two short
// lines, a short form) is measured as rich text and placed where it collides least (labels.ts).
// The layouts place every annotation through here; Annotation.tsx draws the result.
import type { Claim } from '../claims/registry.ts';
import { placeLabelVariants, type LabelPos, type LabelVariant, type Obstacles } from './labels.ts';
import { richWidth } from './richRuns.ts';

/**
 * A placed label: its lines (TeX-like sub/superscripts allowed); pos is the first baseline;
 * `claim`: the id of the claim it states (the lines, joined by spaces, are that claim's text).
 */
export interface PlacedText {
  lines: string[];
  pos: LabelPos;
  claim?: string;
}

/** A way of writing a label that states a claim: the claim and its text broken into lines. */
export interface ClaimLines {
  claim: Claim;
  lines: readonly string[];
}

/** A label variant: plain lines (fixed words), or a claim in lines. */
export type TextVariant = readonly string[] | ClaimLines;

/** A claim written on one line. */
export function oneLine(claim: Claim): ClaimLines {
  return { claim, lines: [claim.markup] };
}

/**
 * A claim broken into lines at the given separators (kept at the end of each line but the last,
 * so that the lines joined by spaces read as the claim): split(c, ', ') on "a, b" → ["a,", "b"].
 */
export function splitClaim(claim: Claim, sep: string): ClaimLines {
  const parts = claim.markup.split(sep);
  const keep = sep.trimEnd();
  return { claim, lines: parts.map((x, i) => (i < parts.length - 1 ? x + keep : x)) };
}

function linesOf(v: TextVariant): readonly string[] {
  return 'claim' in v ? v.lines : v;
}

/** A way of writing a label, measured: its lines and the width of the widest at `fontSize`. */
function textVariant(lines: readonly string[], fontSize: number): LabelVariant {
  return { lines: [...lines], width: Math.max(...lines.map((l) => richWidth(l, fontSize))) };
}

/**
 * Place a label written in one of several ways (`variants`, each a list of lines, preferred
 * first) at the first collision-free candidate (placeLabelVariants). Records its box in obs.boxes.
 */
export function placeText(
  variants: readonly TextVariant[],
  candidates: (extra: number) => readonly LabelPos[],
  fontSize: number,
  obs: Obstacles,
): PlacedText {
  return placeTextScored(variants, candidates, fontSize, obs).placed;
}

/** placeText, with the collision cost of the spot taken (0: it meets nothing). */
export function placeTextScored(
  variants: readonly TextVariant[],
  candidates: (extra: number) => readonly LabelPos[],
  fontSize: number,
  obs: Obstacles,
): { placed: PlacedText; cost: number } {
  const measured = variants.map((v) => textVariant(linesOf(v), fontSize));
  const placed = placeLabelVariants(measured, candidates, fontSize, obs);
  const chosen = variants[measured.findIndex((m) => m.lines === placed.lines)];
  const claim = chosen && 'claim' in chosen ? chosen.claim.id : undefined;
  return {
    placed: { lines: placed.lines, pos: placed.pos, ...(claim ? { claim } : {}) },
    cost: placed.cost,
  };
}
