// Fixed-Talbot inverse Laplace transform (docs/theory.md §3, Abate–Valkó):
//   s_j = r θ_j (cot θ_j + i),  θ_j = jπ/M_t,  j = −(M_t−1)..(M_t−1),  s_0 = r,  r = 2M_t/(5t),
//   c_j = (r/2M_t)(1 + iσ_j) e^{t s_j},  σ_j = θ_j + (θ_j cot θ_j − 1) cot θ_j,
//   L⁻¹F(t) ≈ Re Σ_j c_j F(s_j),   and the double inverse ≈ Re Σ_{j,k} c_j c_k F(s_j, s_k).
// Nodes come in conjugate pairs (s_{−j} = s̄_j, c_{−j} = c̄_j); we store j = 0..M_t−1 only.
// All singularities (κ's branch cut, poles at s = 0) lie on the negative real axis, inside the
// contour. M_t = 12 gives ~1e-7 relative accuracy; M_t ≥ 32 loses digits to e^{2rt}.

export const TALBOT_NODES = 12;

export interface TalbotNodes {
  /** M_t: the order of the rule (θ_j = jπ/M_t). */
  order: number;
  /** Nodes kept: j = 0..n−1. Re(t s_j) = (2M_t/5) θ_j cot θ_j does not depend on t, so the far
   *  nodes whose weight is below 1e-20 of c_0's at every t are dropped once (M_t = 12: j = 11). */
  n: number;
  sr: Float64Array;
  si: Float64Array;
  cr: Float64Array;
  ci: Float64Array;
}

/** Number of nodes j ≥ 0 of the order-M_t rule whose weight |c_j/c_0| exceeds 1e-20. */
export function keptNodes(order: number): number {
  const rt = (2 * order) / 5;
  let n = 1;
  for (let j = 1; j < order; j++) {
    const th = (j * Math.PI) / order;
    const sig = th + (th / Math.tan(th) - 1) / Math.tan(th);
    const logRatio = rt * (th / Math.tan(th)) - rt + Math.log(Math.hypot(1, sig));
    if (logRatio > Math.log(1e-20)) n = j + 1;
  }
  return n;
}

export function allocNodes(order: number = TALBOT_NODES): TalbotNodes {
  const n = keptNodes(order);
  return {
    order,
    n,
    sr: new Float64Array(n),
    si: new Float64Array(n),
    cr: new Float64Array(n),
    ci: new Float64Array(n),
  };
}

/** Fill `out` with the nodes and weights for time t > 0. */
export function talbotNodes(t: number, out: TalbotNodes): TalbotNodes {
  const order = out.order;
  const r = (2 * order) / (5 * t);
  const pre = r / (2 * order);
  out.sr[0] = r;
  out.si[0] = 0;
  out.cr[0] = pre * Math.exp(r * t);
  out.ci[0] = 0;
  for (let j = 1; j < out.n; j++) {
    const th = (j * Math.PI) / order;
    const cot = Math.cos(th) / Math.sin(th);
    const sr = r * th * cot;
    const si = r * th;
    const sig = th + (th * cot - 1) * cot;
    const mag = pre * Math.exp(t * sr);
    const er = mag * Math.cos(t * si);
    const ei = mag * Math.sin(t * si);
    out.sr[j] = sr;
    out.si[j] = si;
    // (1 + iσ) e^{ts}
    out.cr[j] = er - sig * ei;
    out.ci[j] = ei + sig * er;
  }
  return out;
}

/**
 * The conjugate-pair sum Re Σ_{j=−(n−1)}^{n−1} w_j F_j over the stored half j = 0..n−1, for weights
 * and values with w_{−j} = w̄_j and F_{−j} = F̄_j: Re(w_0 F_0) + 2 Σ_{j≥1} Re(w_j F_j). Every
 * inversion of the engine (single, Langevin/init, per mode, the outer sum of the two-point double
 * sum) goes through this one function.
 */
export function conjugatePairSum(
  wr: Float64Array,
  wi: Float64Array,
  Fr: Float64Array,
  Fi: Float64Array,
  n: number,
): number {
  let acc = wr[0] * Fr[0] - wi[0] * Fi[0];
  for (let j = 1; j < n; j++) acc += 2 * (wr[j] * Fr[j] - wi[j] * Fi[j]);
  return acc;
}

/** Re Σ_j c_j F(s_j) given F at the stored nodes (j ≥ 0) with F(s̄) = conj F(s). */
export function invert(nodes: TalbotNodes, Fr: Float64Array, Fi: Float64Array): number {
  return conjugatePairSum(nodes.cr, nodes.ci, Fr, Fi, nodes.n);
}

/** The weights c_j/s_j of L⁻¹{F(s)/s} (the 1/s of a step response folded into the weights). */
export function weightsOverS(nodes: TalbotNodes, wr: Float64Array, wi: Float64Array): void {
  for (let j = 0; j < nodes.n; j++) {
    const sr = nodes.sr[j];
    const si = nodes.si[j];
    const sm = sr * sr + si * si;
    wr[j] = (nodes.cr[j] * sr + nodes.ci[j] * si) / sm;
    wi[j] = (nodes.ci[j] * sr - nodes.cr[j] * si) / sm;
  }
}
