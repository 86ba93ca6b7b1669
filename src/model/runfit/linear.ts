// The linear parameters of a fit at fixed (α, β, s) (docs/theory.md §10): the loss model
//     m_i = L₀ + c·A_i + σ²·B_i,   L₀, c, σ² ≥ 0
// fitted to the measured losses y_i by the robust criterion on log residuals
//     Q = Σ_i w_i ρ(ln y_i − ln m_i),   ρ(r) = r²/2 (|r| ≤ δ), δ|r| − δ²/2 (beyond): Huber.
// ln m is not linear in the coefficients, but its linearisation about the current model m⁰ is:
// ln m ≈ ln m⁰ + (m − m⁰)/m⁰, so each step is a weighted non-negative least-squares problem in
// (L₀, c, σ²) with rows [1, A_i, B_i]/m⁰_i and targets ln(y_i/m⁰_i) + 1 (Gauss–Newton), the
// Huber weights min(1, δ/|r_i|) of the previous residuals (iteratively reweighted least squares).
// Started from m⁰ = y (the relative-error fit), it converges in a few steps; a step that raises Q
// is halved (the constraint set is convex, so halving stays feasible).

/** Parameters solved here, in this order. */
export const L0 = 0;
export const C = 1;
export const S2 = 2;
export const LINEAR = 3;

/** Huber loss ρ_δ(r). */
export function huber(r: number, delta: number): number {
  const a = Math.abs(r);
  return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

/** ψ = ρ′ (the residual, clipped at ±δ). */
export function huberPsi(r: number, delta: number): number {
  return r > delta ? delta : r < -delta ? -delta : r;
}

/**
 * Linear parameters the user knows: the floor L₀ (e.g. 0 for an error without a noise floor) and
 * the theory's σ² (relative to c; e.g. 0 for clean labels). null: fitted.
 */
export interface LinearFix {
  floor: number | null;
  sigma2: number | null;
}

export const NOTHING_FIXED: LinearFix = { floor: null, sigma2: null };

/** The points of one linear solve: ln y, weights, the two basis columns (length n each). */
export interface LinearProblem {
  ly: Float64Array;
  w: Float64Array;
  A: Float64Array;
  B: Float64Array;
  n: number;
  delta: number;
  fix: LinearFix;
}

/** How many of (L₀, c, σ²) a problem fits. */
export function freeLinear(fix: LinearFix): number {
  return 1 + (fix.floor === null ? 1 : 0) + (fix.sigma2 === null ? 1 : 0);
}

/** Scratch and result of a linear solve. */
export class LinearSolver {
  /** (L₀, c, σ²) of the last solve. */
  readonly theta = new Float64Array(LINEAR);
  /** ln m_i of the last solve. */
  readonly lm: Float64Array;
  private readonly trial = new Float64Array(LINEAR);
  private readonly prev = new Float64Array(LINEAR);
  private readonly G = new Float64Array(9);
  private readonly g = new Float64Array(3);

  constructor(capacity: number) {
    this.lm = new Float64Array(capacity);
  }

  /**
   * Minimise Q over (L₀, c, σ²) ≥ 0; returns Q (Infinity when no positive model exists). Starts
   * from m⁰ = y, or from `init` (a nearby solution) when given and valid.
   */
  solve(pb: LinearProblem, maxSteps = 8, init: Float64Array | null = null): number {
    const { ly, A, B, n } = pb;
    const lm = this.lm;
    let q = Infinity;
    const theta = this.theta;
    theta.fill(0);
    let warm = false;
    if (init) {
      q = this.evaluate(pb, init);
      warm = Number.isFinite(q);
      if (warm) theta.set(init);
      else q = Infinity;
    }
    // Cold start: m⁰ = y, weights 1.
    if (!warm) for (let i = 0; i < n; i++) lm[i] = ly[i];
    for (let step = 0; step < maxSteps; step++) {
      this.normalEquations(pb, warm || step > 0);
      if (!nnls3(this.G, this.g, this.trial)) break;
      applyFix(pb.fix, this.trial);
      this.prev.set(theta);
      let qTrial = this.evaluate(pb, this.trial);
      // Halve a step that does not lower Q.
      for (let h = 0; h < 6 && !(qTrial <= q) && Number.isFinite(q); h++) {
        for (let j = 0; j < LINEAR; j++) this.trial[j] = 0.5 * (this.trial[j] + this.prev[j]);
        qTrial = this.evaluate(pb, this.trial);
      }
      if (!(qTrial <= q) && Number.isFinite(q)) {
        theta.set(this.prev);
        break;
      }
      if (!Number.isFinite(qTrial)) return Infinity;
      const gain = q - qTrial;
      theta.set(this.trial);
      q = qTrial;
      if (gain <= 1e-10 * q + 1e-300) break;
    }
    if (!Number.isFinite(q)) return Infinity;
    // Leave ln m of the accepted θ in lm.
    for (let i = 0; i < n; i++) lm[i] = Math.log(theta[L0] + theta[C] * A[i] + theta[S2] * B[i]);
    return q;
  }

  /** Q at θ; fills lm with ln m (Infinity when some m ≤ 0). */
  private evaluate(pb: LinearProblem, th: Float64Array): number {
    const { ly, w, A, B, n, delta } = pb;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const m = th[L0] + th[C] * A[i] + th[S2] * B[i];
      if (!(m > 0)) return Infinity;
      q += w[i] * huber(ly[i] - Math.log(m), delta);
    }
    return q;
  }

  /** The weighted normal equations of the linearised problem about the model in lm. */
  private normalEquations(pb: LinearProblem, reweight: boolean): void {
    const { ly, w, A, B, n, delta } = pb;
    const lm = this.lm;
    const G = this.G;
    const g = this.g;
    G.fill(0);
    g.fill(0);
    const th = this.theta;
    // Fixed parameters have no column: the floor is an offset, a fixed σ² rides on c's column.
    const { floor, sigma2 } = pb.fix;
    const f0 = floor === null ? 1 : 0;
    const f2 = sigma2 === null ? 1 : 0;
    const offset = floor ?? 0;
    const tie = sigma2 ?? 0;
    for (let i = 0; i < n; i++) {
      // Model of the previous step (m⁰ = y at the first).
      const l0 = reweight ? Math.log(th[L0] + th[C] * A[i] + th[S2] * B[i]) : ly[i];
      lm[i] = l0;
      const r = ly[i] - l0;
      const hw = reweight && Math.abs(r) > delta ? delta / Math.abs(r) : 1;
      const om = w[i] * hw;
      const im = Math.exp(-l0);
      const x0 = f0 * im;
      const x1 = (A[i] + tie * B[i]) * im;
      const x2 = f2 * B[i] * im;
      const z = r + 1 - offset * im;
      G[0] += om * x0 * x0;
      G[1] += om * x0 * x1;
      G[2] += om * x0 * x2;
      G[4] += om * x1 * x1;
      G[5] += om * x1 * x2;
      G[8] += om * x2 * x2;
      g[0] += om * x0 * z;
      g[1] += om * x1 * z;
      g[2] += om * x2 * z;
    }
    G[3] = G[1];
    G[6] = G[2];
    G[7] = G[5];
  }
}

/** Set the fixed parameters of θ from the fitted ones (L₀ given; σ²·c for a given σ²). */
export function applyFix(fix: LinearFix, th: Float64Array): void {
  if (fix.floor !== null) th[L0] = fix.floor;
  if (fix.sigma2 !== null) th[S2] = fix.sigma2 * th[C];
}

/** Faces of the non-negative orthant in three dimensions: the free coordinates of each. */
const FACES: readonly (readonly number[])[] = [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]];
/** A face whose matrix has det below this fraction of its diagonal's product is degenerate. */
const SINGULAR = 1e-12;
const sol = new Float64Array(3);

/**
 * min ½ θᵀGθ − gᵀθ subject to θ ≥ 0, for a 3 × 3 positive semi-definite G (row-major): the
 * unconstrained minimiser on each face of the orthant, the best feasible one (for a convex
 * quadratic the constrained minimum is one of them; its value there is −½ gᵀθ). A face whose
 * matrix is singular to rounding is skipped. False when no face is feasible.
 */
export function nnls3(G: Float64Array, g: Float64Array, out: Float64Array): boolean {
  let best = 0;
  let found = false;
  out.fill(0);
  for (const f of FACES) {
    if (!solveFace(G, g, f)) continue;
    let ok = true;
    let value = 0;
    for (let a = 0; a < f.length; a++) {
      if (!(sol[a] >= 0)) ok = false;
      value -= 0.5 * g[f[a]] * sol[a];
    }
    if (!ok || (found && value >= best)) continue;
    found = true;
    best = value;
    out.fill(0);
    for (let a = 0; a < f.length; a++) out[f[a]] = sol[a];
  }
  return found;
}

/** Solve G_ff x = g_f on one face (Cramer's rule, at most 3 × 3) into `sol`. */
function solveFace(G: Float64Array, g: Float64Array, f: readonly number[]): boolean {
  const e = (a: number, b: number) => G[f[a] * 3 + f[b]];
  if (f.length === 1) {
    const d = e(0, 0);
    if (!(d > 0)) return false;
    sol[0] = g[f[0]] / d;
    return true;
  }
  if (f.length === 2) {
    const a = e(0, 0);
    const b = e(0, 1);
    const d = e(1, 1);
    const det = a * d - b * b;
    if (!(det > SINGULAR * a * d)) return false;
    sol[0] = (g[f[0]] * d - g[f[1]] * b) / det;
    sol[1] = (a * g[f[1]] - b * g[f[0]]) / det;
    return true;
  }
  const [a, b, c, d, h, k] = [G[0], G[1], G[2], G[4], G[5], G[8]];
  const c0 = d * k - h * h;
  const c1 = c * h - b * k;
  const c2 = b * h - c * d;
  const det = a * c0 + b * c1 + c * c2;
  if (!(det > SINGULAR * a * d * k)) return false;
  const [x, y, z] = [g[0], g[1], g[2]];
  sol[0] = (c0 * x + c1 * y + c2 * z) / det;
  sol[1] = (c1 * x + (a * k - c * c) * y + (b * c - a * h) * z) / det;
  sol[2] = (c2 * x + (b * c - a * h) * y + (a * d - b * b) * z) / det;
  return true;
}
