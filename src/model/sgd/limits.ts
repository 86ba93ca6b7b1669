// Sizes the SGD engine accepts (docs/theory.md §9.5), in a module without dependencies so the
// parameter table can state them.

/**
 * Largest finite N of the SGD theory: the finite-N spectrum's one-off cost grows like √N κ solves
 * over ~√N modes (0.4 s at 10⁵, 1 s at 3·10⁵ on these machines).
 */
export const MAX_SGD_N = 3e5;

/** Largest n = min(N, M) real SGD accepts (one n×n eigendecomposition per seed, §9.6). */
export const MAX_SGD_SIM_DIM = 4096;

/** Modes of the power law real SGD draws when M = ∞: enough beyond N for a negligible tail. */
const SGD_SIM_MODES = 2048;

/** The finite number of modes real SGD draws (M itself when finite). */
export function sgdSimModes(p: { M: number; N: number }): number {
  if (Number.isFinite(p.M)) return p.M;
  const wide = Number.isFinite(p.N) ? 4 * p.N : 0;
  return Math.min(MAX_SGD_SIM_DIM, Math.max(SGD_SIM_MODES, wide));
}
