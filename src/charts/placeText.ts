// Annotation labels as data: a label that can be written several ways (one long line, two short
// lines, a short form) is measured as rich text and placed where it collides least (labels.ts).
// The layouts place every annotation through here; Annotation.tsx draws the result.
import { placeLabelVariants, type LabelPos, type LabelVariant, type Obstacles } from './labels.ts';
import { richWidth } from './richRuns.ts';

/** A placed label: its lines (TeX-like sub/superscripts allowed); pos is the first baseline. */
export interface PlacedText {
  lines: string[];
  pos: LabelPos;
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
  variants: readonly (readonly string[])[],
  candidates: (extra: number) => readonly LabelPos[],
  fontSize: number,
  obs: Obstacles,
): PlacedText {
  const placed = placeLabelVariants(
    variants.map((lines) => textVariant(lines, fontSize)),
    candidates,
    fontSize,
    obs,
  );
  return { lines: placed.lines, pos: placed.pos };
}
