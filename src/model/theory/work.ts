// Counts of the engine's units of work (docs/theory.md §5), read by `npm run bench` to set the
// measured time against the work the algorithm must do: passes over the compressed modes (each
// a complex division and a few multiply-adds per mode), pair terms of the two-point kernel, and
// the time evaluations they serve. Plain counters: incrementing them costs nothing measurable.
export const WORK = {
  /** Time evaluations (TimeEvaluator.at). */
  times: 0,
  /** κ at one node taken from a KappaCache instead of solved. */
  cachedNodes: 0,
  /** V, V' at one node taken from a KappaCache (the same target summed them at this κ before). */
  cachedV: 0,
  /** Passes over the modes: Newton's df, df' (complex κ), real solves, and the node sums. */
  newtonPasses: 0,
  realPasses: 0,
  sumPasses: 0,
  /** Mode terms summed over all passes (passes × compressed modes). */
  modeTerms: 0,
  /** Node sums of a target from another target's reciprocals (multiply-adds only, no division). */
  storedPasses: 0,
  /** Pair terms D(s_j, s_k) of the double sums. */
  pairs: 0,
};

export function resetWork(): void {
  for (const k of Object.keys(WORK) as (keyof typeof WORK)[]) WORK[k] = 0;
}
