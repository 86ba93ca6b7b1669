// The t → ∞ reference lines of the learning curve (docs/theory.md §4): E_g(∞), the Gibbs error and
// the posterior-mean error, each a horizontal line with a long and a short label, placed where it
// crosses no curve; and the "E_g(∞) = ∞" note when the limit diverges. Pure geometry.
import type { CurveResult } from '../model/types.ts';
import { formatNumber } from '../format/number.ts';
import { showsPosterior } from '../model/regimes.ts';
import { limitBelowFloor } from '../model/theory/limits.ts';
import { isLogFinite } from './domain.ts';
import { edgePositions, type LabelPos, type Obstacles } from './labels.ts';
import { divergentClaim, referenceClaims } from '../claims/curveClaims.ts';
import { oneLine, placeText, type ClaimLines, type PlacedText } from './placeText.ts';
import type { Metrics } from './theme.ts';
import { hRuleLine } from './marks/rule.ts';
import type { PlotScales } from './marks/scales.ts';
import type { Point } from './path.ts';

type Scales = Pick<PlotScales, 'Y' | 'plotW' | 'plotH'>;

/** A reference line at t → ∞; its label as drawn may be a shorter variant of `label`. */
export interface RefLine extends PlacedText {
  testId: 'limit-line' | 'gibbs-line' | 'posterior-mean-line';
  className: string;
  y: number;
  /** The full label (for tests and descriptions). */
  label: string;
}

export interface RefSpec {
  testId: RefLine['testId'];
  className: string;
  value: number;
  /** Ways to write the label, longest first, each a claim. */
  variants: ClaimLines[];
}

const GAP = 4;

function relClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

/** Step: which reference lines a curve has (E_g(∞) merged with the Gibbs error when equal). */
export function referenceSpecs(curve: CurveResult): RefSpec[] {
  const specs: RefSpec[] = [];
  const lim = curve.limit;
  const posterior = showsPosterior(curve.params);
  // A limit below the engine's floor is 0 up to round-off: no line (docs/theory.md §5.8).
  const EgInf = !lim.divergent && isLogFinite(lim.Eg) && !limitBelowFloor(lim) ? lim.Eg : null;
  const gibbs = (): RefSpec => {
    const v = formatNumber(lim.Egibbs, 3);
    return {
      testId: 'gibbs-line',
      className: 'sp-ref sp-ref--gibbs',
      value: lim.Egibbs,
      variants: referenceClaims(
        'curve.gibbs-line',
        [[`Gibbs error E_{Gibbs} = ${v}`], [`E_{Gibbs} = ${v}`], ['E_{Gibbs}']],
        curve.params,
        lim.Egibbs,
        'Egibbs',
      ),
    };
  };
  if (EgInf !== null) {
    const merged = posterior && isLogFinite(lim.Egibbs) && relClose(lim.Egibbs, EgInf);
    const v = formatNumber(EgInf, 3);
    specs.push({
      testId: 'limit-line',
      className: 'sp-ref sp-ref--limit',
      value: EgInf,
      variants: referenceClaims(
        'curve.limit-line',
        merged
          ? [[`E_g(∞) = E_{Gibbs} = ${v}`], [`E_g(∞) = ${v}`], ['E_g(∞)']]
          : [[`E_g(∞) = ${v}`], ['E_g(∞)']],
        curve.params,
        EgInf,
        'Eg',
      ),
    });
    if (posterior && isLogFinite(lim.Egibbs) && !merged) specs.push(gibbs());
  } else if (posterior && isLogFinite(lim.Egibbs)) specs.push(gibbs());
  if (posterior && isLogFinite(lim.Emean) && !(lim.Emean < lim.floor)) {
    const v = formatNumber(lim.Emean, 3);
    specs.push({
      testId: 'posterior-mean-line',
      className: 'sp-ref sp-ref--mean',
      value: lim.Emean,
      variants: referenceClaims(
        'curve.posterior-mean-line',
        [[`posterior mean E_{pm} = ${v}`], [`E_{pm} = ${v}`], ['E_{pm}']],
        curve.params,
        lim.Emean,
        'Emean',
      ),
    });
  }
  return specs;
}

/**
 * Step: the reference lines' rules, added to the obstacles before any label is placed, so that
 * every later label (t*, the fit, the resolution floor, the lines' own) keeps off them.
 */
export function referenceRules(specs: readonly RefSpec[], s: Scales, obs: Obstacles): Point[][] {
  const rules = specs.map((r) => hRuleLine(s.Y(r.value), s.plotW));
  obs.lines.push(...rules);
  return rules;
}

/** Step: place each reference line's label clear of the curves and of the other lines. */
export function referenceLines(
  specs: readonly RefSpec[],
  s: Scales,
  m: Metrics,
  obs: Obstacles,
  rules: readonly Point[][] = referenceRules(specs, s, obs),
): RefLine[] {
  const fs = m.labelFont;
  const { plotW } = s;
  return specs.map((r, i): RefLine => {
    const yy = s.Y(r.value);
    // The other lines are obstacles for this label (they are in obs.lines); its own line is not.
    const local: Obstacles = { ...obs, lines: obs.lines.filter((l) => l !== rules[i]) };
    const below = yy + GAP + 0.78 * fs + 2;
    const cands = (extra: number): LabelPos[] => {
      const above = yy - GAP - 0.22 * fs - extra;
      return [
        { x: plotW - 4, y: above, anchor: 'end' },
        { x: 4, y: above, anchor: 'start' },
        { x: plotW - 4, y: below, anchor: 'end' },
        { x: 4, y: below, anchor: 'start' },
        { x: plotW / 2, y: above, anchor: 'middle' },
        { x: plotW / 2, y: below, anchor: 'middle' },
        { x: plotW * 0.75, y: above, anchor: 'middle' },
        { x: plotW * 0.25, y: above, anchor: 'middle' },
        { x: plotW * 0.75, y: below, anchor: 'middle' },
        { x: plotW * 0.25, y: below, anchor: 'middle' },
      ];
    };
    const placed = placeText(r.variants, cands, fs, local);
    return {
      testId: r.testId,
      className: r.className,
      y: yy,
      label: r.variants[0].lines.join(' '),
      ...placed,
    };
  });
}

/** Step: "E_g(∞) = ∞" at an edge of the plot when the limit diverges (else null). */
export function divergentLabel(
  curve: CurveResult,
  s: Scales,
  m: Metrics,
  obs: Obstacles,
): PlacedText | null {
  const lim = curve.limit;
  if (!lim.divergent && Number.isFinite(lim.Eg)) return null;
  const fs = m.labelFont;
  const cands = (): LabelPos[] =>
    edgePositions(
      ['top end', 'top start', 'bottom end', 'bottom start', 'top middle'],
      s.plotW,
      s.plotH,
      fs,
    );
  return placeText([oneLine(divergentClaim(curve.params))], cands, fs, obs);
}
