// A rule: a line across the whole plot at one x (vertical) or one y (horizontal), marking a value
// (the current P, the scaling panels' fixed time, P = M of a measured spectrum, ℓ = ½), with a
// label written beside it. The rule is an obstacle for the labels placed after it.
import type { LabelPos, Obstacles } from '../labels.ts';
import type { Point } from '../path.ts';
import { placeText, type PlacedText } from '../placeText.ts';

/** The segment of a vertical rule at x across a plot of height plotH. */
export function vRuleLine(x: number, plotH: number): Point[] {
  return [
    [x, 0],
    [x, plotH],
  ];
}

/** The segment of a horizontal rule at y across a plot of width plotW. */
export function hRuleLine(y: number, plotW: number): Point[] {
  return [
    [0, y],
    [plotW, y],
  ];
}

export interface RuleLabel {
  /** Ways to write the label, preferred first, each a list of lines. */
  variants: readonly (readonly string[])[];
  /** Candidate positions beside the rule (see labels.ts placeLabelVariants). */
  at: (extra: number) => readonly LabelPos[];
  fontSize: number;
}

/**
 * A vertical rule at x: recorded as an obstacle, then its label placed beside it (candidates
 * off the rule, so the rule never pushes its own label away).
 */
export function vRule(
  x: number,
  plotH: number,
  label: RuleLabel,
  obs: Obstacles,
): { x: number; label: PlacedText } {
  obs.lines.push(vRuleLine(x, plotH));
  return { x, label: placeText(label.variants, label.at, label.fontSize, obs) };
}
