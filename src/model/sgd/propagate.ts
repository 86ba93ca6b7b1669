// Block propagation of the SGD recursion (docs/theory.md §9.3): 10⁶–10⁷ steps in a few hundred
// blocks instead of one iteration per step.
//
// Over a block of L steps inside one analytic piece of the schedule, node i evolves as
//   φ_i ← φ_i · Π_q a_q,                       (exact: Σ_q log a(η_q) in closed form or by Taylor
//                                                 in η_q − η̄ with the block's moments of η)
//   ψ_i(L) = Π_q a_q ψ_i(0) + Σ_j W_j (1 − a_j) g_j,  W_j = Π_{q>j} a_q,  g_j = b_j G_j/(1 − a_j),
// where g_j is the level node i would settle at with the coefficients of step j. The weights
// W_j(1 − a_j) telescope (they sum to 1 − Π a_q). The engine replaces them by those of a constant
// step with the same total decay, ā = exp(Σ_q log a_q / L): exact when η is constant in the block,
// and otherwise wrong only by a second-order amount (the weight error, first order in the change
// of η over the block, multiplies g_j − g_{L−1}, first order in the block length), while the
// total decay, hence φ, stays exact. The level g is interpolated by a cubic in the block and G by
// a quadratic through the previous point, the block start and the unknown block end G₁; every
// ψ_i(L) is then affine in G₁, and G₁ = E_g(L) + σ² is one scalar linear equation, solved
// exactly. The block is accepted when G₁ agrees with the quadratic extrapolation of the last
// three points to `tol` (else it is halved); its length is at most eps·(steps since the last
// kink of the schedule) and makes η change by at most epsEta. The first steps after the start
// and after each kink are exact steps (recursion.ts).
import {
  batchFactor,
  errorOf,
  exactStep,
  initialState,
  signalWeights,
  tailNoiseCoef,
  tailSignal,
  type SgdState,
  type SgdSystem,
} from './recursion.ts';
import { geometricMoments, MAX_POWER, powerSums } from './moments.ts';
import { GL8, pieceAt, stepSum, type Piece } from './schedule.ts';

export interface PropagateOptions {
  /** Block length ≤ eps·(steps since the last kink). */
  eps?: number;
  /** Relative change of η within a block ≤ epsEta. */
  epsEta?: number;
  /** Relative tolerance on the block-end G against its quadratic extrapolation. */
  tol?: number;
}

export interface PropagateResult {
  Eg: Float64Array;
  /** Intrinsic time t = Σ_{q<s} η_q at each step. */
  t: Float64Array;
  /** First step at which E_g passed the divergence cap (Infinity: never). */
  divergedAt: number;
  /** Work done: blocks accepted, blocks rejected, exact steps. */
  blocks: number;
  rejected: number;
  exactSteps: number;
}

export const DEFAULT_EPS = 0.05;
export const DEFAULT_EPS_ETA = 0.05;
export const DEFAULT_TOL = 3e-5;
/** Shorter blocks are done as exact steps. */
const MIN_BLOCK = 8;
/** E_g above this multiple of E_g(0) + σ² counts as diverged. */
export const DIVERGENCE_CAP = 1e30;
/** Taylor expansion of Σ log a_q in η_q − η̄ when max|η_q − η̄|/|η̄ − root of a| ≤ this. */
const TAYLOR_RADIUS = 0.2;

// Cubic through x = 0, 1/3, 2/3, 1: monomial coefficients = VINV · values.
const VINV = (() => {
  const xs = [0, 1 / 3, 2 / 3, 1];
  const n = 4;
  const A = xs.map((x) => [1, x, x * x, x * x * x]);
  const inv = xs.map((_, i) => xs.map((__, j) => (i === j ? 1 : 0)));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    [inv[c], inv[p]] = [inv[p], inv[c]];
    const d = A[c][c];
    for (let k = 0; k < n; k++) {
      A[c][k] /= d;
      inv[c][k] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r][c];
      for (let k = 0; k < n; k++) {
        A[r][k] -= f * A[c][k];
        inv[r][k] -= f * inv[c][k];
      }
    }
  }
  return Float64Array.from(inv.flat());
})();

/** The last three (s, G) points since the last restart. */
class History {
  s: number[] = [];
  G: number[] = [];
  push(s: number, G: number): void {
    this.s.push(s);
    this.G.push(G);
    if (this.s.length > 3) {
      this.s.shift();
      this.G.shift();
    }
  }
  clear(): void {
    this.s.length = 0;
    this.G.length = 0;
  }
  /** Quadratic extrapolation to step x (needs 3 points). */
  extrapolate(x: number): number {
    const [s0, s1, s2] = this.s;
    const [g0, g1, g2] = this.G;
    return (
      (g0 * (x - s1) * (x - s2)) / ((s0 - s1) * (s0 - s2)) +
      (g1 * (x - s0) * (x - s2)) / ((s1 - s0) * (s1 - s2)) +
      (g2 * (x - s0) * (x - s1)) / ((s2 - s0) * (s2 - s1))
    );
  }
}

/** Schedule quantities of one block (node-independent). */
interface BlockSchedule {
  constant: boolean;
  eta: number;
  /** Σ (η_q − η̄)^n, n = 2, 3, 4, and max |η_q − η̄|. */
  m2: number;
  m3: number;
  m4: number;
  dmax: number;
  /** Σ η_q, Σ η_q², Σ η_q³. */
  sum1: number;
  sum2: number;
  sum3: number;
  /** η at the interpolation points q_p = L − 1 − m_p, m_p = p(L − 1)/3 (relative to s0). */
  etaP: Float64Array;
  /** Σ over the last m_p steps of (η_q − η̄)^n: part[3(p−1) + n − 1], p = 1..3, n = 1..3. */
  part: Float64Array;
}

/** A BlockSchedule to be filled by fillBlockSchedule (one per propagator, reused). */
function newBlockSchedule(): BlockSchedule {
  return {
    constant: true,
    eta: 0,
    m2: 0,
    m3: 0,
    m4: 0,
    dmax: 0,
    sum1: 0,
    sum2: 0,
    sum3: 0,
    etaP: new Float64Array(4),
    part: new Float64Array(9),
  };
}

const sumBuf = new Float64Array(5);

/**
 * out[n] = Σ_{q=q0}^{q1−1} (η_q − c)^n, n = 1..nmax: term by term for a short integer range,
 * else the smooth extension of schedule.ts (rangeSum): 8-point Gauss–Legendre on
 * [q0 − ½, q1 − ½] and the Euler–Maclaurin end term, with η evaluated once per point.
 */
function centralSums(
  piece: Piece,
  q0: number,
  q1: number,
  c: number,
  nmax: number,
  out: Float64Array,
): void {
  out.fill(0);
  if (Number.isInteger(q0) && q1 - q0 <= 32) {
    for (let q = q0; q < q1; q++) {
      const d = piece.eta(q) - c;
      let pw = 1;
      for (let n = 1; n <= nmax; n++) out[n] += pw *= d;
    }
    return;
  }
  const a = q0 - 0.5;
  const b = q1 - 0.5;
  const h = 0.5 * (b - a);
  const mid = 0.5 * (a + b);
  for (let g = 0; g < 8; g++) {
    const d = piece.eta(mid + h * GL8.x[g]) - c;
    const w = h * GL8.w[g];
    let pw = 1;
    for (let n = 1; n <= nmax; n++) out[n] += w * (pw *= d);
  }
  const da = piece.eta(a) - c;
  const db = piece.eta(b) - c;
  const ea = piece.deta(a);
  const eb = piece.deta(b);
  let pa = 1;
  let pb = 1;
  for (let n = 1; n <= nmax; n++) {
    out[n] -= (n * (pb * eb - pa * ea)) / 24;
    pa *= da;
    pb *= db;
  }
}

/** The schedule's sums and moments over the block [s0, s0 + L) (node-independent). */
function fillBlockSchedule(sch: BlockSchedule, piece: Piece, s0: number, L: number): void {
  if (piece.constant) {
    const e = piece.eta(s0);
    sch.constant = true;
    sch.eta = e;
    sch.m2 = sch.m3 = sch.m4 = sch.dmax = 0;
    sch.sum1 = L * e;
    sch.sum2 = L * e * e;
    sch.sum3 = L * e * e * e;
    sch.etaP.fill(e);
    sch.part.fill(0);
    return;
  }
  const f = piece.eta;
  const s1 = s0 + L;
  centralSums(piece, s0, s1, 0, 1, sumBuf);
  const mean = sumBuf[1] / L;
  centralSums(piece, s0, s1, mean, 4, sumBuf);
  const m2 = sumBuf[2];
  const m3 = sumBuf[3];
  sch.constant = false;
  sch.eta = mean;
  sch.m2 = m2;
  sch.m3 = m3;
  sch.m4 = sumBuf[4];
  sch.sum1 = L * mean;
  sch.sum2 = L * mean * mean + m2;
  sch.sum3 = L * mean * mean * mean + 3 * mean * m2 + m3;
  for (let p = 0; p < 4; p++) sch.etaP[p] = f(s0 + (L - 1) - (p * (L - 1)) / 3);
  for (let p = 1; p < 4; p++) {
    centralSums(piece, s1 - (p * (L - 1)) / 3, s1, mean, 3, sumBuf);
    for (let n = 1; n <= 3; n++) sch.part[3 * (p - 1) + n - 1] = sumBuf[n];
  }
  sch.dmax = Math.max(Math.abs(f(s0) - mean), Math.abs(f(s1 - 1) - mean));
}

/**
 * The propagator: state, scratch arrays and the block step. One instance per curve.
 */
export class Propagator {
  readonly sys: SgdSystem;
  readonly pieces: readonly Piece[];
  st: SgdState;
  E: number;
  private readonly wsig: Float64Array;
  private readonly phiNew: Float64Array;
  private readonly P: Float64Array;
  private readonly Q: Float64Array;
  private readonly fp = new Float64Array(MAX_POWER + 1);
  private readonly Sk = new Float64Array(4);
  private readonly A = new Float64Array(4);
  private readonly Bq = new Float64Array(4);
  private readonly cA = new Float64Array(4);
  private readonly cB = new Float64Array(4);
  private readonly hA = new Float64Array(4);
  private readonly hB = new Float64Array(4);
  private readonly wf = new Float64Array(4);
  /** Taylor coefficients of log a(η) at η̄ for the current node (NaN: not expanded). */
  private readonly D = new Float64Array(4);
  /**
   * Per node at the constant η `constEta`: ℓ = −log a, a, 1 − a. They depend on η and λ only, so
   * blocks of a constant piece (every block of a constant-rate run) share them.
   */
  private constEta = NaN;
  private readonly constEll: Float64Array;
  private readonly constA: Float64Array;
  private readonly constOma: Float64Array;
  /** The node sweep's sums: Σ wl·P, Σ wl·Q, Σ wsig·φ_new. */
  private sumP = 0;
  private sumQ = 0;
  private sumPhi = 0;
  private readonly sch = newBlockSchedule();
  /** Step-size control: the fraction of the admissible length the next block uses. */
  private scale = 1;
  private readonly hist = new History();
  private restart = 0;
  private readonly eps: number;
  private readonly epsEta: number;
  private readonly tol: number;
  blocks = 0;
  rejected = 0;
  exactSteps = 0;

  /** E_g beyond which the run counts as diverged (advanceTo stops there). */
  readonly cap: number;

  constructor(sys: SgdSystem, pieces: readonly Piece[], opts: PropagateOptions = {}) {
    this.sys = sys;
    this.pieces = pieces;
    this.eps = opts.eps ?? DEFAULT_EPS;
    this.epsEta = opts.epsEta ?? DEFAULT_EPS_ETA;
    this.tol = opts.tol ?? DEFAULT_TOL;
    this.st = initialState(sys);
    this.wsig = signalWeights(sys);
    const n = sys.nodes.lam.length;
    this.phiNew = new Float64Array(n);
    this.P = new Float64Array(n);
    this.Q = new Float64Array(n);
    this.constEll = new Float64Array(n);
    this.constA = new Float64Array(n);
    this.constOma = new Float64Array(n);
    this.E = errorOf(sys, this.st, this.wsig);
    this.cap = DIVERGENCE_CAP * (this.E + sys.sigma2);
    this.hist.push(0, this.E + sys.sigma2);
  }

  /** True once E_g has passed the divergence cap. */
  get diverged(): boolean {
    return !(this.E < this.cap);
  }

  /** Advance to step `target` (≥ the current step). */
  advanceTo(target: number): void {
    const st = this.st;
    while (st.s < target) {
      if (this.diverged) return;
      const piece = pieceAt(this.pieces, st.s);
      if (st.s === piece.start && st.s !== this.restart) {
        // A kink of the schedule: G relaxes again on every timescale from here.
        this.restart = st.s;
        this.hist.clear();
        this.hist.push(st.s, this.E + this.sys.sigma2);
      }
      const end = Math.min(target, piece.end);
      const Lmax = this.blockLength(piece, end);
      let L = Math.min(Lmax, Math.floor(this.scale * Lmax));
      let done = false;
      while (L >= MIN_BLOCK && !done) {
        const ratio = this.tryBlock(piece, L);
        done = ratio <= 1;
        // The block-end error of a quadratic in G scales as L³.
        const f = Math.min(2, Math.max(0.3, 0.9 * Math.cbrt(1 / Math.max(ratio, 1e-9))));
        if (!done) {
          this.rejected++;
          L = Math.floor(L * Math.min(f, 0.7));
          this.scale = Math.min(1, L / Math.max(Lmax, 1));
        } else {
          this.scale = Math.min(1, this.scale * f);
        }
      }
      if (!done) {
        this.step(piece.eta(st.s));
        this.scale = Math.min(1, this.scale * 1.25);
      }
    }
  }

  private step(eta: number): void {
    exactStep(this.sys, this.st, eta, this.E);
    this.E = errorOf(this.sys, this.st, this.wsig);
    this.exactSteps++;
    this.hist.push(this.st.s, this.E + this.sys.sigma2);
  }

  /** Longest admissible block from the current step, ending at most at `end`. */
  private blockLength(piece: Piece, end: number): number {
    const s = this.st.s;
    let L = Math.min(Math.floor(this.eps * (s - this.restart)), end - s);
    if (!piece.constant) {
      // η may change by at most about epsEta over the block: the rate at the block start bounds
      // it, and the block is halved while the rate at its end is more than twice as fast.
      const rate = (x: number) => Math.abs(piece.deta(x)) / Math.abs(piece.eta(x));
      const r0 = rate(s);
      if (r0 > 0) L = Math.min(L, Math.floor(this.epsEta / r0));
      for (let it = 0; it < 20 && L > 0 && rate(s + L - 1) * L > 2 * this.epsEta; it++)
        L = Math.floor(L / 2);
    }
    return L;
  }

  /**
   * One block of L steps. Returns the error ratio |G1 − extrapolated G1|/(tol·G1); the block is
   * applied only when it is ≤ 1 (Infinity: the block's solve failed).
   */
  private tryBlock(piece: Piece, L: number): number {
    const sys = this.sys;
    const st = this.st;
    const hist = this.hist;
    if (hist.s.length < 3) return Infinity;
    const s0 = st.s;
    const G0 = this.E + sys.sigma2;
    const sch = this.sch;
    fillBlockSchedule(sch, piece, s0, L);
    // G(q) = A(q) + Bq(q)·G1 on q ∈ [0, L] (relative to s0): quadratic through the previous
    // history point (qa), the block start and the block end, in Lagrange form.
    const qa = hist.s[1] - s0;
    const Ga = hist.G[1];
    const cA0 = 1 / (qa * (qa - L));
    const c00 = 1 / (qa * L);
    const c10 = 1 / ((L - qa) * L);
    const { A, Bq, cA, cB } = this;
    cA.fill(0);
    cB.fill(0);
    for (let p = 0; p < 4; p++) {
      const q = L - 1 - (p * (L - 1)) / 3;
      A[p] = Ga * lag(q, 0, L, cA0) + G0 * lag(q, qa, L, c00);
      Bq[p] = lag(q, qa, 0, c10);
    }
    for (let k = 0; k < 4; k++) {
      for (let p = 0; p < 4; p++) {
        cA[k] += VINV[k * 4 + p] * A[p];
        cB[k] += VINV[k * 4 + p] * Bq[p];
      }
    }
    this.sweepNodes(piece, s0, L);
    // The tail: schedule sums, and its noise part with the block's mean G (negligible: λ_X t ≤ 1e-3).
    const T1 = st.T1 + sch.sum1;
    const T2 = st.T2 + sch.sum2;
    const T3 = st.T3 + sch.sum3;
    const h = (L - 1) / 2;
    const meanA =
      Ga * meanLag(lag(0, 0, L, cA0), lag(h, 0, L, cA0), lag(L - 1, 0, L, cA0), L) +
      G0 * meanLag(lag(0, qa, L, c00), lag(h, qa, L, c00), lag(L - 1, qa, L, c00), L);
    const meanB = meanLag(lag(0, qa, 0, c10), lag(h, qa, 0, c10), lag(L - 1, qa, 0, c10), L);
    const invB = 1 / sys.batch;
    const tq = tailNoiseCoef(sys) * invB * sch.sum2;
    // E1 = X + q·(E1 + σ²): solved as E1 = (X + qσ²)/(1 − q), so that an E_g far below σ²
    // keeps its digits.
    const X =
      sys.nodes.residual +
      this.sumPhi +
      this.sumP +
      tailSignal(sys, T1, T2, T3) +
      tailNoiseCoef(sys) * st.Q0 +
      tq * meanA;
    const q = this.sumQ + tq * meanB;
    const E1 = (X + q * sys.sigma2) / (1 - q);
    const G1 = E1 + sys.sigma2;
    if (!(q < 1) || !(E1 >= 0) || !Number.isFinite(E1)) return Infinity;
    // Without gradient noise (B = ∞) G does not feed back: every block is exact.
    const ratio = invB > 0 ? Math.abs(G1 - hist.extrapolate(s0 + L)) / (this.tol * G1) : 0;
    if (ratio > 1) return ratio;
    // Accept.
    st.phi.set(this.phiNew);
    const n = sys.nodes.lam.length;
    for (let i = 0; i < n; i++) st.psi[i] = this.P[i] + this.Q[i] * G1;
    st.T1 = T1;
    st.T2 = T2;
    st.T3 = T3;
    st.Q0 += invB * sch.sum2 * (meanA + meanB * G1);
    st.s = s0 + L;
    this.E = E1;
    this.blocks++;
    hist.push(st.s, G1);
    return ratio;
  }

  /**
   * ℓ = −log a, a and 1 − a of every node at the constant rate η, without cancellation (kept
   * while η stays).
   */
  private constantDecay(eta: number): void {
    if (eta === this.constEta) return;
    const lam = this.sys.nodes.lam;
    const c = batchFactor(this.sys.batch);
    for (let i = 0; i < lam.length; i++) {
      const el = eta * lam[i];
      const am1 = el * (c * el - 2);
      this.constEll[i] = -Math.log1p(am1);
      this.constA[i] = 1 + am1;
      this.constOma[i] = -am1;
    }
    this.constEta = eta;
  }

  /**
   * Every node over the block: φ_new = ā^L φ, and ψ(L) = P + Q·G1 (header), from the block
   * schedule and the interpolation coefficients of G (cA, cB) set by tryBlock. Leaves the sums
   * Σ wl·P, Σ wl·Q and Σ wsig·φ_new.
   */
  private sweepNodes(piece: Piece, s0: number, L: number): void {
    const sys = this.sys;
    const st = this.st;
    const sch = this.sch;
    const { A, Bq, cA, cB, hA, hB, wf, Sk } = this;
    powerSums(L, this.fp);
    const { lam, wl } = sys.nodes;
    const c = batchFactor(sys.batch);
    const invB = 1 / sys.batch;
    if (sch.constant) this.constantDecay(sch.eta);
    let sumP = 0;
    let sumQ = 0;
    let sumPhi = 0;
    for (let i = 0; i < lam.length; i++) {
      const l = lam[i];
      // ℓ̄ = −(1/L) Σ_q log a_q, ā = e^{−ℓ̄}, 1 − ā, ā^L: without cancellation.
      let ell: number;
      let abar: number;
      let oma: number;
      if (sch.constant) {
        ell = this.constEll[i];
        abar = this.constA[i];
        oma = this.constOma[i];
      } else {
        ell = -this.meanLogDecay(piece, sch, s0, L, l, c);
        abar = Math.exp(-ell);
        oma = -Math.expm1(-ell);
      }
      const aL = Math.exp(-ell * L);
      this.phiNew[i] = st.phi[i] * aL;
      geometricMoments(ell, abar, oma, aL, L, this.fp, Sk);
      let P = aL * st.psi[i];
      let Q = 0;
      if (invB > 0) {
        if (sch.constant) {
          const b = sch.eta * sch.eta * l * invB;
          for (let k = 0; k < 4; k++) {
            P += b * cA[k] * Sk[k];
            Q += b * cB[k] * Sk[k];
          }
        } else {
          this.varyingWeights(sch, L, l, c, invB, ell, oma);
          for (let p = 0; p < 4; p++) {
            hA[p] = wf[p] * A[p];
            hB[p] = wf[p] * Bq[p];
          }
          for (let k = 0; k < 4; k++) {
            let ca = 0;
            let cb = 0;
            for (let p = 0; p < 4; p++) {
              ca += VINV[k * 4 + p] * hA[p];
              cb += VINV[k * 4 + p] * hB[p];
            }
            P += ca * Sk[k];
            Q += cb * Sk[k];
          }
        }
      }
      this.P[i] = P;
      this.Q[i] = Q;
      sumP += wl[i] * P;
      sumQ += wl[i] * Q;
      sumPhi += this.wsig[i] * this.phiNew[i];
    }
    this.sumP = sumP;
    this.sumQ = sumQ;
    this.sumPhi = sumPhi;
  }

  /**
   * wf[p]: what multiplies G at the interpolation point p in the source of a block with varying
   * η. Slow nodes (ℓ̄L ≤ 1, D known): the source itself, Π_{last m_p steps} a_q · b(η_p) =
   * ā^{m_p} e^{E(m_p)} b(η_p), E the deviation of Σ log a over those steps from m_p·log ā, in
   * closed form from the Taylor coefficients D and the block's partial moments; exact up to the
   * cubic interpolation. Other nodes: the level form (1 − ā) b(η_p)/(1 − a(η_p)) (header).
   */
  private varyingWeights(
    sch: BlockSchedule,
    L: number,
    l: number,
    c: number,
    invB: number,
    ell: number,
    oma: number,
  ): void {
    const { wf, D } = this;
    const direct = ell * L <= 1 && !Number.isNaN(D[0]);
    for (let p = 0; p < 4; p++) {
      const ep = sch.etaP[p];
      const elp = ep * l;
      const bp = ep * ep * l * invB;
      if (direct) {
        if (p === 0) {
          wf[p] = bp;
          continue;
        }
        const mp = (p * (L - 1)) / 3;
        const o = 3 * (p - 1);
        const E =
          D[0] * sch.part[o] +
          (D[1] / 2) * (sch.part[o + 1] - (mp * sch.m2) / L) +
          (D[2] / 6) * (sch.part[o + 2] - (mp * sch.m3) / L);
        // |E| ≤ ℓ̄L·(relative change of η) ≤ 0.05 here: e^E to fifth order (error ≤ 3e-9·E).
        wf[p] = (1 + E * (1 + E * (0.5 + E * (1 / 6 + E * (1 / 24 + E / 120))))) * bp;
      } else {
        const omap = -elp * (c * elp - 2); // 1 − a(η_p)
        wf[p] = omap !== 0 ? (bp * oma) / omap : bp;
      }
    }
  }

  /** Σ_q log a(η_q) / L for one node over a block with varying η (Taylor, or quadrature). */
  private meanLogDecay(
    piece: Piece,
    sch: BlockSchedule,
    s0: number,
    L: number,
    l: number,
    c: number,
  ): number {
    const e = sch.eta;
    const a = 1 + e * l * (c * e * l - 2);
    // a(η) = cλ²|η − z|²: the Taylor series in η − η̄ converges for |η − η̄| < |η̄ − z|.
    const radius = Math.sqrt(a / c) / l;
    const D = this.D;
    if (sch.dmax <= TAYLOR_RADIUS * radius) {
      // Derivatives of log a(η) at η̄: with u = a′/a, v = a″/a (a‴ = 0).
      const u = (-2 * l + 2 * c * l * l * e) / a;
      const v = (2 * c * l * l) / a;
      D[0] = u;
      D[1] = v - u * u;
      D[2] = 2 * u * u * u - 3 * u * v;
      D[3] = -6 * u * u * u * u + 12 * u * u * v - 3 * v * v;
      const sum =
        L * Math.log(a) + (D[1] / 2) * sch.m2 + (D[2] / 6) * sch.m3 + (D[3] / 24) * sch.m4;
      return sum / L;
    }
    D[0] = NaN;
    const f = (x: number) => {
      const el = piece.eta(x) * l;
      return Math.log1p(el * (c * el - 2));
    };
    const df = (x: number) => {
      const ex = piece.eta(x);
      const ax = 1 + ex * l * (c * ex * l - 2);
      return ((-2 * l + 2 * c * l * l * ex) * piece.deta(x)) / ax;
    };
    return stepSum(f, df, s0, s0 + L) / L;
  }
}

/** (q − r)(q − s)·c: one Lagrange basis polynomial of G's quadratic in a block (c its norm). */
function lag(q: number, r: number, s: number, c: number): number {
  return (q - r) * (q - s) * c;
}

/**
 * Mean over the integers q = 0..L−1 of the quadratic with values f0, f1, f2 at 0, (L−1)/2, L−1.
 * The mean of q² over 0..h (h = L − 1) is h²/3 + h/6; Simpson gives h²/3, so add h/6 times the
 * quadratic coefficient.
 */
function meanLag(f0: number, f1: number, f2: number, L: number): number {
  const h = L - 1;
  if (h === 0) return f0;
  const quad = (2 * (f0 - 2 * f1 + f2)) / (h * h);
  return (f0 + 4 * f1 + f2) / 6 + (quad * h) / 6;
}

/** E_g and t at the given sorted integer steps. */
export function propagate(
  sys: SgdSystem,
  pieces: readonly Piece[],
  steps: ArrayLike<number>,
  opts: PropagateOptions = {},
): PropagateResult {
  const pr = new Propagator(sys, pieces, opts);
  const Eg = new Float64Array(steps.length);
  const t = new Float64Array(steps.length);
  let divergedAt = Infinity;
  for (let j = 0; j < steps.length; j++) {
    if (divergedAt === Infinity) pr.advanceTo(steps[j]);
    if (divergedAt === Infinity && pr.diverged) divergedAt = pr.st.s;
    Eg[j] = divergedAt === Infinity ? pr.E : Infinity;
    t[j] = pr.st.T1;
  }
  return {
    Eg,
    t,
    divergedAt,
    blocks: pr.blocks,
    rejected: pr.rejected,
    exactSteps: pr.exactSteps,
  };
}
