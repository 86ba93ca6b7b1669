// The live state a lesson reads: the parameters on screen and their results, as far as computed
// (null: not yet). The claims (claims.ts) decide on it and fill.ts writes its numbers into the
// sentences; a module of its own so that neither imports the other for it.
import type { Params } from '../model/params.ts';
import type {
  CurveParts,
  CurveResult,
  ErrorSplit,
  ModeDetail,
  OrderResult,
  SimResult,
  SweepAt,
  SweepResult,
} from '../model/types.ts';
import type { OrderAtInfinity } from '../claims/orderParams.ts';
import type { PhaseExponent } from '../model/theory/phase.ts';
import type { PhaseGrid } from '../model/theory/phaseFit.ts';

export interface LessonContext {
  params: Params;
  /** Where the scaling panels evaluate E_g, and their fixed time. */
  at: SweepAt;
  tAt: number;
  curve: CurveResult | null;
  sweepP: SweepResult | null;
  sweepN: SweepResult | null;
  /** The compute-optimal frontier (a sweep over C = N·t), when its panel is shown. */
  frontier: SweepResult | null;
  /** The first pin's configuration and curve (lessons that compare against a pin). */
  pin: Params | null;
  pinCurve: CurveResult | null;
  /** The exponent the phase diagram shows, and its fitted grid when the diagram is shown. */
  phase?: PhaseExponent;
  phaseGrid?: PhaseGrid | null;
  /** Measured data: the curve of the fitted power laws on the curve's times. */
  fitted?: CurveResult | null;
  /** A finished real run on a pool of images for the state on screen, and its theory curve. */
  real?: { result: SimResult; theory: CurveResult } | null;
  /** The mean field's internals, when their panels are shown (and computed for this state). */
  parts?: { t: Float64Array; parts: CurveParts; limit: ErrorSplit<number> } | null;
  order?: (OrderResult & { atInfinity: OrderAtInfinity }) | null;
  /** The inspected mode in detail. */
  mode?: ModeDetail | null;
}
