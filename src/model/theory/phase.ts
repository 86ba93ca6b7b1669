// The phase diagram over (α, β) (docs/theory.md §6.1): for each exponent the law that predicts it
// (laws.ts), its value and the term of the law that holds at every point, and the lines where the
// term switches. Every number here is a call of the law functions the exponent table uses; the
// boundary lines are data (coefficients) checked against those functions' switches in the tests.
import { numericSpec, type Params } from '../params.ts';
import type { SweepAt } from '../types.ts';
import {
  computeLaw,
  exponentLaws,
  lawTerm,
  type LawBranch,
  type LawExponents,
  type LawId,
  type LawRowId,
  type LawVerdict,
  type SweepSetting,
} from './laws.ts';
import { linspace } from '../grid.ts';

export const PHASE_EXPONENTS = ['time', 'data-inf', 'data-tstar', 'model-inf', 'compute'] as const;
export type PhaseExponent = (typeof PHASE_EXPONENTS)[number];

export interface PhaseExponentSpec {
  /** The law that predicts this exponent. */
  law: LawId;
  /** The exponent-table row (or the frontier's C) whose verdict states the law's condition. */
  row: LawRowId;
  /** Where E_g is evaluated for the sizes swept (irrelevant for the time and compute rows). */
  at: SweepAt;
}

export const PHASE_SPEC: Record<PhaseExponent, PhaseExponentSpec> = {
  time: { law: 'time', row: 't', at: 'tstar' },
  'data-inf': { law: 'data', row: 'P', at: 'inf' },
  'data-tstar': { law: 'early-stop', row: 'P', at: 'tstar' },
  'model-inf': { law: 'model', row: 'N', at: 'inf' },
  compute: { law: 'compute', row: 'C', at: 'inf' },
};

/** The axes: the whole allowed range of α and β (params.ts). */
export const ALPHA_RANGE: readonly [number, number] = [
  numericSpec('alpha').min,
  numericSpec('alpha').max,
];
export const BETA_RANGE: readonly [number, number] = [
  numericSpec('beta').min,
  numericSpec('beta').max,
];

/** A line β = slope·α + intercept where a law switches from one term to the other. */
export interface PhaseBoundary {
  slope: number;
  intercept: number;
  /** The term that holds below the line (smaller β) and above it. */
  below: LawBranch;
  above: LawBranch;
}

/**
 * The switches (docs/theory.md §6): −min(β−1, 2α) at β−1 = 2α; −min(β−1, α) (and the compute
 * law, through m = min(β−1, α)) at β−1 = α. The time and early-stopping laws have one term.
 */
export const PHASE_BOUNDARIES: Record<PhaseExponent, readonly PhaseBoundary[]> = {
  time: [],
  'data-inf': [{ slope: 2, intercept: 1, below: 'target', above: 'spectrum' }],
  'data-tstar': [],
  'model-inf': [{ slope: 1, intercept: 1, below: 'target', above: 'spectrum' }],
  compute: [{ slope: 1, intercept: 1, below: 'target', above: 'spectrum' }],
};

export function boundaryBeta(b: PhaseBoundary, alpha: number): number {
  return b.slope * alpha + b.intercept;
}

/** The predicted exponent at (α, β): the law's value and the term that holds. */
export interface PhasePrediction {
  law: LawId;
  branch: LawBranch;
  value: number;
}

export function predictAt(exponent: PhaseExponent, ab: LawExponents): PhasePrediction {
  const law = PHASE_SPEC[exponent].law;
  const { branch, value } = lawTerm(law, ab);
  return { law, branch, value };
}

/** A grid over the α, β ranges; values are stored row by row in β: index i + j·alphas.length. */
export interface PhaseGridAxes {
  alphas: Float64Array;
  betas: Float64Array;
}

export function phaseAxes(nAlpha: number, nBeta = nAlpha): PhaseGridAxes {
  return { alphas: linspace(...ALPHA_RANGE, nAlpha), betas: linspace(...BETA_RANGE, nBeta) };
}

export interface PredictedMap extends PhaseGridAxes {
  exponent: PhaseExponent;
  law: LawId;
  values: Float64Array;
  branches: LawBranch[];
  /** The smallest and largest value on the grid (for the colour scale). */
  min: number;
  max: number;
}

/** The predicted exponent at every point of the grid (the colour map and its contours). */
export function predictedMap(exponent: PhaseExponent, axes: PhaseGridAxes): PredictedMap {
  const { alphas, betas } = axes;
  const values = new Float64Array(alphas.length * betas.length);
  const branches: LawBranch[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < betas.length; j++)
    for (let i = 0; i < alphas.length; i++) {
      const pr = predictAt(exponent, { alpha: alphas[i], beta: betas[j] });
      values[i + j * alphas.length] = pr.value;
      branches.push(pr.branch);
      min = Math.min(min, pr.value);
      max = Math.max(max, pr.value);
    }
  return { ...axes, exponent, law: PHASE_SPEC[exponent].law, values, branches, min, max };
}

/**
 * The verdict on this exponent's law in a state (the exponent table's, or the frontier's for
 * compute): whether its condition holds at these P, N, σ², … and, if not, why.
 */
export function phaseVerdict(exponent: PhaseExponent, p: Params, tStar: number): LawVerdict {
  const spec = PHASE_SPEC[exponent];
  // No exponent of the diagram is evaluated at a fixed time: there is no tAt (NaN).
  const setting: SweepSetting = { at: spec.at, tAt: NaN };
  if (spec.row === 'C') return computeLaw(p, setting);
  return exponentLaws(p, setting, tStar)[spec.row];
}
