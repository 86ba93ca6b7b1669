// E_g(t) and E_tr(t) at one time, every regime (docs/theory.md §3):
//   mean part (GF / weight decay): double inverse Laplace transform of the two-point kernel, λ = s + γ;
//   Langevin part:  E_g^T = T·L⁻¹{df/(s(1 − df/P))},   E_tr^T = T·L⁻¹{df/s},     at λ₂ = γ + s/2;
//   random init:    E_g^0 = σ0²·L⁻¹{½ df/(1 − df/P)},  E_tr^0 = σ0²·L⁻¹{½ df},   at λ₂ = γ + s/2.
// Cross terms vanish in the mean, so E_g = E_g^mean + E_g^T + E_g^0.
import {
  allocHistory,
  allocState,
  solveNodes,
  type Engine,
  type KappaTable,
  type NodeHistory,
  type NodeState,
} from './engine.ts';
import {
  allocNodes,
  conjugatePairSum,
  invert,
  talbotNodes,
  TALBOT_NODES,
  weightsOverS,
  type TalbotNodes,
} from './talbot.ts';
import { allocPairWork, meanErrors, type PairWork } from './twoPoint.ts';
import { WORK } from './work.ts';

/** The additive parts of E_g(t) (docs/theory.md §2–§3). */
export interface ErrorParts {
  /** Mean predictor, target part: double inverse of BR/(1 − Γ). */
  signal: number;
  /** Mean predictor, label-noise part: double inverse of σ²Γ/(1 − Γ) (linear in σ²). */
  noise: number;
  /** Langevin fluctuations: T·L⁻¹{df/(s(1 − df/P))} at λ₂ = γ + s/2. */
  temperature: number;
  /** Random initialisation: σ0²·L⁻¹{½ df/(1 − df/P)} at λ₂ = γ + s/2. */
  init: number;
}

/**
 * The floor of one inversion (docs/theory.md §5.6): the fixed-Talbot rule's discretization error
 * is a fraction of the size of its terms (FLOOR_TERMS for the double sum of (3.1), FLOOR_SINGLE
 * for the single sums of (3.2), (3.3)), and round-off a multiple FLOOR_ROUND of u = 2⁻⁵³ times
 * the size of what cancels. Measured against closed forms and the rule of order 16 (§7), with a
 * margin of ten.
 */
export const FLOOR_TERMS = 2e-10;
export const FLOOR_SINGLE = 1e-8;
export const FLOOR_ROUND = 100;
const U = 2 ** -53;

/** The size of an inversion's terms and of what cancels before them (TimePoint.scale). */
export interface InversionScale {
  /** Σ|w_j||w_k||D_jk| of the double sum, and Σ|w_j||F_j| of the single sums. */
  terms: number;
  single: number;
  /** The magnitudes that cancel inside the terms before they are summed. */
  cancel: number;
}

/** The floor of a value from the size of its inversion (InversionScale; FLOOR_* above). */
export function floorOf(terms: number, single: number, cancel: number): number {
  return FLOOR_TERMS * terms + FLOOR_SINGLE * single + FLOOR_ROUND * U * cancel;
}

export interface TimePoint {
  Eg: number;
  Etr: number;
  /**
   * The absolute floor of Eg (and of Etr): the inversion does not resolve differences below it,
   * and a value below it is not a result (docs/theory.md §5.6).
   */
  floor: number;
  floorTr: number;
  /** The size of the inversion of Eg: its terms and what cancels (floor = floorOf(scale)). */
  scale: InversionScale;
  /** Present only when asked for (`parts: true`). */
  parts?: ErrorParts;
}

export interface AtOptions {
  /** Also E_tr (default true); E_g-only callers (sweeps, early-stop refinement) save the work. */
  train?: boolean;
  /** Also the four additive parts of E_g (default false: the plain curve stays as fast as it was). */
  parts?: boolean;
}

export class TimeEvaluator {
  private engine: Engine;
  private readonly nodes: TalbotNodes;
  private readonly st: NodeState;
  private readonly st2: NodeState;
  private readonly work: PairWork;
  private readonly hist: NodeHistory;
  private readonly hist2: NodeHistory;
  // Per-node scratch for the single inversions of the Langevin / init terms.
  private readonly qr: Float64Array;
  private readonly qi: Float64Array;
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;
  /** κ by time shared with the other engines of a batch (engine.ts KappaCache), or null. */
  private table: KappaTable | null;
  private table2: KappaTable | null;
  /** The engine evaluated. */
  get e(): Engine {
    return this.engine;
  }
  /** Node state at λ = s + γ of the last evaluated time (the mode panel reuses it). */
  get state(): NodeState {
    return this.st;
  }
  get talbot(): TalbotNodes {
    return this.nodes;
  }

  constructor(e: Engine, order: number = TALBOT_NODES) {
    this.engine = e;
    this.nodes = allocNodes(order);
    const n = this.nodes.n;
    this.st = allocState(n);
    this.st2 = allocState(n);
    this.work = allocPairWork(n);
    this.hist = allocHistory(n);
    this.hist2 = allocHistory(n);
    this.qr = new Float64Array(n);
    this.qi = new Float64Array(n);
    this.wr = new Float64Array(n);
    this.wi = new Float64Array(n);
    this.table = e.cache?.table(e, e.p.gamma, 1, order) ?? null;
    this.table2 = e.cache?.table(e, e.p.gamma, 0.5, order) ?? null;
  }

  /**
   * Evaluate another engine with the same buffers (callers that evaluate many engines at one time
   * each, as the frontier and the counterfactuals do, allocate them once). The warm-start history
   * is forgotten: the result is that of a new evaluator.
   */
  use(e: Engine): this {
    this.engine = e;
    this.hist.count = 0;
    this.hist2.count = 0;
    this.hist.shift = NaN;
    this.hist2.shift = NaN;
    const order = this.nodes.order;
    this.table = e.cache?.table(e, e.p.gamma, 1, order) ?? null;
    this.table2 = e.cache?.table(e, e.p.gamma, 0.5, order) ?? null;
    return this;
  }

  /**
   * Warm-start the next evaluation from κ already solved at two times t2, t1 of the table (the
   * scan's): the next time t gets the guess κ1·(κ1/κ2)^ρ, ρ = log(t/t1)/log(t1/t2), an
   * interpolation when t lies between them (docs/theory.md §5.3). Nothing happens when either
   * time is not in the table.
   */
  seed(t2: number, t1: number): void {
    seedHistory(this.hist, this.table, this.e.p.gamma, t2, t1);
    seedHistory(this.hist2, this.table2, this.e.p.gamma, t2, t1);
  }

  /** Solve κ at the nodes of time t (λ = s + γ) without the pair sums. */
  prepare(t: number): void {
    talbotNodes(t, this.nodes);
    solveNodes(this.e, this.nodes, this.st, this.e.p.gamma, 1, true, this.hist, t, this.table);
  }

  /** singleScales' results: written in place, no allocation per time. */
  private sg = 0;
  private sgCancel = 0;
  private str = 0;

  /**
   * The size of the single inversions of (3.2), (3.3): Σ_j |w_j||q_j| with q = df/(1 − df/P), the
   * same with its error through 1 − df/P (what cancels), and Σ_j |w_j||df_j| (E_tr).
   */
  private singleScales(st2: NodeState, T: number, half0: number): void {
    const { qr, qi, wr, wi } = this;
    const nodes = this.nodes;
    const iP = this.e.iP;
    let g = 0;
    let gCancel = 0;
    let tr = 0;
    for (let j = 0; j < nodes.n; j++) {
      const mult = j === 0 ? 1 : 2;
      const q = Math.abs(qr[j]) + Math.abs(qi[j]);
      const df = Math.abs(st2.dfr[j]) + Math.abs(st2.dfi[j]);
      const amp = 1 + (df * iP) / (Math.abs(1 - st2.dfr[j] * iP) + Math.abs(st2.dfi[j] * iP));
      const w = Math.abs(wr[j]) + Math.abs(wi[j]);
      const c = Math.abs(nodes.cr[j]) + Math.abs(nodes.ci[j]);
      g += mult * (T * w + half0 * c) * q;
      gCancel += mult * (T * w + half0 * c) * q * amp;
      tr += mult * (T * w + half0 * c) * df;
    }
    this.sg = g;
    this.sgCancel = gCancel;
    this.str = tr;
  }

  at(t: number, opts: AtOptions = {}): TimePoint {
    WORK.times++;
    const train = opts.train ?? true;
    const parts = opts.parts ?? false;
    const e = this.e;
    const p = e.p;
    this.prepare(t);
    const nodes = this.nodes;
    const mean = meanErrors(e, nodes, this.st, this.work, train, parts);
    let temperature = 0;
    let init = 0;
    let etrN = 0;
    const scale: InversionScale = { terms: mean.termsG, single: 0, cancel: mean.cancelG };
    let singleTr = 0;
    let cancelTr = mean.cancelT;
    if (p.T > 0 || p.sigma02 > 0) {
      const st2 = this.st2;
      solveNodes(e, nodes, st2, p.gamma, 0.5, false, this.hist2, t, this.table2);
      const { qr, qi, wr, wi } = this;
      const iP = e.iP;
      for (let j = 0; j < nodes.n; j++) {
        // q = df/(1 − df/P)
        const dr = st2.dfr[j];
        const di = st2.dfi[j];
        const rr = 1 - dr * iP;
        const ri = -di * iP;
        const rm = rr * rr + ri * ri;
        qr[j] = (dr * rr + di * ri) / rm;
        qi[j] = (di * rr - dr * ri) / rm;
      }
      weightsOverS(nodes, wr, wi);
      if (p.T > 0) temperature = p.T * conjugatePairSum(wr, wi, qr, qi, nodes.n);
      if (p.sigma02 > 0) init = 0.5 * p.sigma02 * invert(nodes, qr, qi);
      if (train) {
        if (p.T > 0) etrN += p.T * conjugatePairSum(wr, wi, st2.dfr, st2.dfi, nodes.n);
        if (p.sigma02 > 0) etrN += 0.5 * p.sigma02 * invert(nodes, st2.dfr, st2.dfi);
      }
      this.singleScales(st2, p.T, 0.5 * p.sigma02);
      scale.single = this.sg;
      scale.cancel += this.sgCancel;
      singleTr = this.str;
      cancelTr += this.str;
    }
    const Eg = mean.eg + temperature + init;
    const Etr = train ? mean.etr + etrN : NaN;
    const floor = floorOf(scale.terms, scale.single, scale.cancel);
    const floorTr = train ? floorOf(mean.termsT, singleTr, cancelTr) : NaN;
    if (!parts) return { Eg, Etr, floor, floorTr, scale };
    const split = { signal: mean.signal, noise: mean.noise, temperature, init };
    return { Eg, Etr, floor, floorTr, scale, parts: split };
  }
}

/** History (t2, κ2), (t1, κ1) from a table; unchanged when either time is missing. */
function seedHistory(
  h: NodeHistory,
  table: KappaTable | null,
  shift: number,
  t2: number,
  t1: number,
): void {
  const a = table?.get(t1);
  const b = table?.get(t2);
  if (!a || !b) return;
  const n = h.k1r.length;
  for (let j = 0; j < n; j++) {
    h.k1r[j] = a[j];
    h.k1i[j] = a[n + j];
    h.k2r[j] = b[j];
    h.k2i[j] = b[n + j];
  }
  h.t1 = t1;
  h.t2 = t2;
  h.shift = shift;
  h.count = 2;
}

let scratch: TimeEvaluator | null = null;

/**
 * An evaluator for one-off evaluations of many engines (one time each: the frontier, the
 * counterfactuals, sweeps at a fixed t), reusing one set of buffers. Read its result at once: the
 * next call hands the same evaluator to another engine.
 */
export function evaluatorFor(e: Engine): TimeEvaluator {
  scratch = scratch ? scratch.use(e) : new TimeEvaluator(e);
  return scratch;
}
