// Sizes the SGD engine accepts (docs/theory.md §9.5), in a module without dependencies so the
// parameter table can state them.

/**
 * Largest finite N of the SGD theory: the finite-N spectrum's one-off cost grows like √N κ solves
 * over ~√N modes (0.4 s at 10⁵, 1 s at 3·10⁵ on these machines).
 */
export const MAX_SGD_N = 3e5;
