// One-pass SGD at finite N (docs/theory.md §9.5). Given the projection A, the features
// z = Aψ/√N are Gaussian with covariance Σ_A = AΛAᵀ/N, and the residual of the best linear
// predictor on z is independent of z: SGD on z is the N = ∞ recursion on the eigenvalues μ_j of
// Σ_A, with target powers c_j (the best predictor's power along eigenvector j) and the
// unreachable residual r_A = E_approx added to E_g and to the label noise. Averaging over A, the
// empirical measures Σ_j δ(μ − μ_j) and Σ_j c_j δ(μ − μ_j) are replaced by their deterministic
// equivalents, from the κ machinery of docs/theory.md §1 at P = ∞:
//   Σ_j μ_j/(μ_j + a) ≍ df(κ),   Σ_j c_j/(μ_j + a) ≍ [U(κ_*) − U(κ)]/a,   a = κ(1 − df(κ)/N),
// so that on the support (a = −μ − i0, κ = κ(a) in the lower half plane)
//   ρ(μ) = Im df(κ)/(πμ)  (eigenvalues per unit μ),   τ(μ) = Im U(κ)/(πμ)  (target power),
// and r̄ = S_w − U(κ_*) (N < M; 0 otherwise). The support is found from the critical points of
// a(κ) on the real axis (its edges: the top, the gaps between the separated top eigenvalues, the
// lower edge), integrated with Gauss–Legendre rules that absorb the square-root edges
// (θ-substitutions), one cell per eigenvalue where the density still shows the individual
// eigenvalues, then compressed into panel Gauss nodes like a measured spectrum (§5.1).
//
// The sums df, U are evaluated on their own node set: near the cut they have poles at distance
// |Im κ| from the real axis, so the modes near −Re κ must be resolved: the first K_head modes
// exactly, then Gauss–Legendre panels in the mode index x whose width follows the pole distance
// π x²/(α² N) (a mode's neighbours are |Im κ| apart in λ), then the usual decades of λ.
import { ALL_SUMS, allSums, allSumsReal, DF, DFD, V } from '../theory/sums.ts';
import { gaussLegendre, type Spectrum } from '../theory/spectrum.ts';
import { gaussNodes, lagrangeWeights, type ModeSpectrum } from '../theory/measuredSpectrum.ts';
import type { SgdNodes } from './nodes.ts';

/** The spectrum before projection: the power law, or explicit modes (a measured spectrum). */
export type BaseSpectrum =
  | { kind: 'powerlaw'; alpha: number; beta: number; M: number }
  /** `alpha`: the fitted decay exponent (sets how many modes df and U sum one by one). */
  | { kind: 'modes'; modes: ModeSpectrum; alpha: number };

export interface FiniteNMeasure {
  nodes: SgdNodes;
  /** κ_*: df(κ_*) = N (N < number of modes), else 0. */
  kappaStar: number;
  /**
   * The target power no weights on N features reach: S_w − U(κ_*) of the positive modes (0 for
   * N ≥ their number), plus the power of the zero modes of a measured spectrum.
   */
  Eapprox: number;
  /** The support of the deterministic-equivalent spectrum of Σ_A. */
  muMin: number;
  muMax: number;
  /** Eigenvalues with a cell of their own (the top ones, whose density shows them apart). */
  cells: number;
  /** Quadrature points solved (κ on the cut). */
  points: number;
  /** Checks of the quadrature: Σ_j 1, Σ_j μ_j (= S_λ exactly), Σ_j c_j (= U(κ_*)). */
  mass: { count: number; trace: number; target: number };
}

const GL_ORDER = 8;
const GL = gaussLegendre(GL_ORDER);

const GL8 = gaussLegendre(8);
const GL5 = gaussLegendre(5);

// ---------------------------------------------------------------------------------------------
// The evaluation node set for df, U near the cut.

/** Modes summed one by one before the graded panels (at least; see headModes). */
const MIN_HEAD = 64;
/** Below this many modes every mode is a node. */
const ALL_EXACT = 4000;

/** Exact modes for the deterministic equivalent: the separated and cell eigenvalues and more. */
function headModes(alpha: number, N: number): number {
  return Math.max(MIN_HEAD, Math.ceil(2.5 * alpha * Math.sqrt(N)));
}

interface EvalSpectrum {
  sp: Spectrum;
  /** The distinct eigenvalues summed exactly, decreasing (the poles the edges lie between). */
  head: Float64Array;
  /** Number of positive modes (Infinity for M = ∞). */
  modes: number;
  /** Target power carried by no positive mode (zero eigenvalues of a measured spectrum). */
  nullPower: number;
  alpha: number;
}

function evalSpectrum(base: BaseSpectrum, N: number): EvalSpectrum {
  if (base.kind === 'modes') return evalModes(base.modes, base.alpha);
  const { alpha, beta, M } = base;
  const K1 = Math.min(M, headModes(alpha, N));
  const x: number[] = [];
  const w: number[] = [];
  const all = Number.isFinite(M) && M <= Math.max(K1, ALL_EXACT);
  const K0 = all ? M : K1;
  for (let k = 1; k <= K0; k++) {
    x.push(k);
    w.push(1);
  }
  let tail: Spectrum['tail'] = null;
  if (!all) {
    const a = K0 + 0.5;
    // M = ∞: the quadrature ends where λ is far below the spectrum of Σ_A (~ (1000 N)^{−α}).
    const b = Number.isFinite(M) ? M + 0.5 : Math.max(1000 * N, 10 * a);
    let lo = a;
    const ratio = Math.pow(10, 1 / alpha);
    while (lo < b * (1 - 1e-12)) {
      const pole = (Math.PI * lo * lo) / (alpha * alpha * N);
      const half = Math.min(pole, (lo * (ratio - 1)) / 2);
      const hi = Math.min(b, lo + 2 * Math.max(half, 0.5));
      const c = 0.5 * (lo + hi);
      const h = 0.5 * (hi - lo);
      for (let g = 0; g < GL_ORDER; g++) {
        x.push(c + h * GL.x[g]);
        w.push(h * GL.w[g]);
      }
      lo = hi;
    }
    // Midpoint Euler–Maclaurin ends (as spectrum.ts): +φ′(a)/24, −φ′(b)/24 by central differences.
    x.push(a + 0.5, a - 0.5);
    w.push(1 / 24, -1 / 24);
    if (Number.isFinite(M)) {
      x.push(b + 0.5, b - 0.5);
      w.push(-1 / 24, 1 / 24);
    } else {
      const TERMS = 40;
      const Ia = new Float64Array(TERMS);
      // Ic[n] = Σ_{k>X} k^{−β} λ_k^n ≈ I_{nα+β} (Ic[0]: the target power beyond X), as spectrum.ts.
      const Ic = new Float64Array(TERMS + 1);
      for (let n = 0; n <= TERMS; n++) {
        if (n > 0) Ia[n - 1] = Math.pow(b, 1 - n * alpha) / (n * alpha - 1);
        Ic[n] = Math.pow(b, 1 - n * alpha - beta) / (n * alpha + beta - 1);
      }
      tail = { X: b, lamX: Math.pow(b, -alpha), Ia, Ic, Sw: Ic[0] };
    }
  }
  const n = w.length;
  const xs = x;
  const lam = new Float64Array(n);
  const wl = new Float64Array(n);
  const wlc = new Float64Array(n);
  const wc = new Float64Array(n);
  let Sw = 0;
  let Slam = 0;
  for (let i = 0; i < n; i++) {
    const l = Math.pow(xs[i], -alpha);
    const c = Math.pow(xs[i], -beta);
    lam[i] = l;
    wl[i] = w[i] * l;
    wlc[i] = w[i] * l * c;
    wc[i] = w[i] * c;
    Sw += w[i] * c;
    Slam += w[i] * l;
  }
  if (tail) {
    Sw += tail.Sw;
    Slam += tail.Ia[0];
  }
  const sp: Spectrum = {
    alpha,
    beta,
    M,
    lam,
    wl,
    wlc,
    wc,
    x: Float64Array.from(xs),
    Sw,
    Slam,
    tail,
  };
  const head = Float64Array.from({ length: K0 }, (_, k) => Math.pow(k + 1, -alpha));
  return { sp, head, modes: M, nullPower: 0, alpha };
}

function evalModes(m: ModeSpectrum, alpha: number): EvalSpectrum {
  const lam: number[] = [];
  const wl: number[] = [];
  const wlc: number[] = [];
  const wc: number[] = [];
  const head: number[] = [];
  // Sw: the positive modes' target power; the zero modes' power is never learned (nullPower).
  let Sw = 0;
  let Slam = 0;
  let nullPower = 0;
  for (let k = 0; k < m.lam.length; k++) {
    const l = m.lam[k];
    Slam += l;
    if (!(l > 0)) {
      nullPower += m.power[k];
      continue;
    }
    Sw += m.power[k];
    lam.push(l);
    wl.push(l);
    wlc.push(l * m.power[k]);
    wc.push(m.power[k]);
    if (head.length === 0 || l < head[head.length - 1]) head.push(l);
  }
  const sp: Spectrum = {
    alpha,
    beta: NaN,
    M: lam.length,
    lam: Float64Array.from(lam),
    wl: Float64Array.from(wl),
    wlc: Float64Array.from(wlc),
    wc: Float64Array.from(wc),
    x: Float64Array.from(lam, (_, i) => i + 1),
    Sw,
    Slam,
    tail: null,
  };
  return { sp, head: Float64Array.from(head), modes: lam.length, nullPower, alpha };
}

// ---------------------------------------------------------------------------------------------
// a(κ) = κ(1 − df(κ)/N): on the real axis (edges) and in the lower half plane (the cut).

class Projection {
  readonly ev: EvalSpectrum;
  readonly iN: number;
  private readonly rbuf = new Float64Array(4);
  private readonly cbuf = new Float64Array(ALL_SUMS);
  /** After solve(): κ, Im df, Im U at the root. */
  kr = 0;
  ki = 0;
  imDf = 0;
  imU = 0;

  constructor(ev: EvalSpectrum, N: number) {
    this.ev = ev;
    this.iN = 1 / N;
  }

  /** a(κ) at real κ (not at a pole). */
  a(k: number): number {
    allSumsReal(this.ev.sp, k, this.rbuf);
    return k * (1 - this.rbuf[0] * this.iN);
  }

  /** a′(κ) = 1 − df/N − κ df′/N at real κ. */
  ap(k: number): number {
    allSumsReal(this.ev.sp, k, this.rbuf);
    return 1 - (this.rbuf[0] + k * this.rbuf[1]) * this.iN;
  }

  df(k: number): number {
    allSumsReal(this.ev.sp, k, this.rbuf);
    return this.rbuf[0];
  }

  /** S_w − U(κ) = κ V(κ) at real κ: the target power left at ridge κ (no cancellation). */
  leftover(k: number): number {
    allSumsReal(this.ev.sp, k, this.rbuf);
    return k * this.rbuf[2];
  }

  /**
   * Damped Newton for a(κ) = −μ from the guess (gr, gi), gi < 0. On success the root is in the
   * lower half plane (the physical side of a = −μ − i0) and kr, ki, imDf, imU are set.
   */
  solve(mu: number, gr: number, gi: number): boolean {
    const b = this.cbuf;
    const iN = this.iN;
    let kr = gr;
    let ki = gi;
    const evalF = (r: number, i: number): [number, number, number, number] => {
      allSums(this.ev.sp, r, i, b);
      const mr = 1 - b[DF] * iN;
      const mi = -b[DF + 1] * iN;
      const Fr = r * mr - i * mi + mu;
      const Fi = r * mi + i * mr;
      // F′ = 1 − df/N − κ df′/N
      const dr = mr - (r * b[DFD] - i * b[DFD + 1]) * iN;
      const di = mi - (r * b[DFD + 1] + i * b[DFD]) * iN;
      return [Fr, Fi, dr, di];
    };
    let [Fr, Fi, dr, di] = evalF(kr, ki);
    let fn = Math.hypot(Fr, Fi);
    const scale = Math.max(mu, 1e-300);
    for (let it = 0; it < 80; it++) {
      if (fn <= 1e-14 * scale) break;
      const dd = dr * dr + di * di;
      const sr = (Fr * dr + Fi * di) / dd;
      const si = (Fi * dr - Fr * di) / dd;
      let t = 1;
      let ok = false;
      for (let h = 0; h < 40; h++) {
        const nr = kr - t * sr;
        const ni = ki - t * si;
        const nx = evalF(nr, ni);
        const nf = Math.hypot(nx[0], nx[1]);
        if (nf < fn) {
          kr = nr;
          ki = ni;
          [Fr, Fi, dr, di] = nx;
          fn = nf;
          ok = true;
          break;
        }
        t /= 2;
      }
      if (!ok || t * Math.hypot(sr, si) <= 1e-15 * Math.hypot(kr, ki)) break;
    }
    if (!(fn <= 1e-10 * scale)) return false;
    // Real coefficients: κ̄ is a root too; the physical one lies below the axis.
    if (ki > 0) ki = -ki;
    allSums(this.ev.sp, kr, ki, b);
    this.kr = kr;
    this.ki = ki;
    this.imDf = b[DF + 1];
    // U = S_w − κV: Im U = −Im(κV).
    this.imU = -(kr * b[V + 1] + ki * b[V]);
    // Off the support the root is real: no density.
    if (Math.abs(ki) <= 1e-12 * Math.hypot(kr, ki)) {
      this.imDf = 0;
      this.imU = 0;
    }
    return true;
  }
}

/** Bisection for a sign change of f on [a, b] (f(a), f(b) of opposite signs). */
function bisect(f: (x: number) => number, a: number, b: number): number {
  let fa = f(a);
  for (let it = 0; it < 200; it++) {
    const m = 0.5 * (a + b);
    if (m === a || m === b) break;
    const fm = f(m);
    if (fm === 0) return m;
    if (fm > 0 === fa > 0) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return 0.5 * (a + b);
}

/** A real critical point of a(κ) (a support edge): κ, the edge μ = −a(κ), and a″(κ). */
interface Edge {
  kappa: number;
  mu: number;
  app: number;
}

function edgeAt(pr: Projection, k: number): Edge {
  const h = 1e-6 * Math.abs(k) + 1e-300;
  return { kappa: k, mu: -pr.a(k), app: (pr.ap(k + h) - pr.ap(k - h)) / (2 * h) };
}

/**
 * What separates eigenvalue k from k + 1 on the real κ axis, in (−ℓ_k, −ℓ_{k+1}), where a′ → −∞
 * at both poles and has one interior maximum: a gap (a′ > 0 there: two edges, κ⁻ the lower
 * edge of eigenvalue k, κ⁺ the upper edge of k + 1) or a dip of the density near μ = −a(κ_m), κ_m
 * the maximum (the eigenvalues touch; the density is smallest there).
 */
type Boundary = { kind: 'gap'; lower: Edge; upper: Edge } | { kind: 'dip'; mu: number };

function boundaryBetween(pr: Projection, hi: number, lo: number): Boundary {
  const at = (u: number) => -hi + (hi - lo) * u;
  const f = (u: number) => pr.ap(at(u));
  let best = -Infinity;
  let bestU = 0.5;
  const n = 24;
  for (let i = 1; i < n; i++) {
    const v = f(i / n);
    if (v > best) {
      best = v;
      bestU = i / n;
    }
  }
  // Golden-section refinement of the maximum.
  let a = Math.max(1e-9, bestU - 1 / n);
  let b = Math.min(1 - 1e-9, bestU + 1 / n);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const x1 = b - g * (b - a);
    const x2 = a + g * (b - a);
    if (f(x1) > f(x2)) b = x2;
    else a = x1;
  }
  const um = 0.5 * (a + b);
  if (!(f(um) > 0)) return { kind: 'dip', mu: -pr.a(at(um)) };
  let ul = um;
  while (f(ul) > 0 && ul > 1e-15) ul /= 2;
  let ur = um;
  while (f(ur) > 0 && 1 - ur > 1e-15) ur = 1 - (1 - ur) / 2;
  return {
    kind: 'gap',
    lower: edgeAt(pr, at(bisect(f, ul, um))),
    upper: edgeAt(pr, at(bisect(f, um, ur))),
  };
}

// ---------------------------------------------------------------------------------------------
// Quadrature of the support.

/** How the points of a segment are placed (θ-substitutions absorb square-root edges). */
type Mapping =
  /** One isolated eigenvalue: μ = c + h cos θ, θ ∈ [0, π], edges at both ends. */
  | 'both'
  /** Edge at hi only: μ = hi − (hi − lo)(1 − cos θ), θ ∈ [0, π/2]. */
  | 'top'
  /** Edge at lo only: μ = lo + (hi − lo)(1 − cos θ), θ ∈ [0, π/2]. */
  | 'bottom'
  /** No edge: Gauss–Legendre in μ. */
  | 'plain'
  /** Edge at lo, in v = ln μ (many decades): v = v_lo + (v_hi − v_lo)(1 − cos θ). */
  | 'logBottom'
  /** Edges at both ends, in v: v = c + h cos θ. */
  | 'logBoth';

interface Segment {
  lo: number;
  hi: number;
  map: Mapping;
  /** The edge the continuation starts from (null: continue from the previous segment). */
  edge: Edge | null;
  /** Compression group: an eigenvalue cell keeps its own nodes; -1: panel compression. */
  cell: number;
  /** Points per decade of μ in the log mappings. */
  perDecade: number;
}

interface FinePoint {
  mu: number;
  /** Quadrature weight for dμ. */
  q: number;
  cell: number;
}

/** The points of a segment in continuation order (from its edge inward). */
function segmentPoints(seg: Segment): FinePoint[] {
  const out: FinePoint[] = [];
  const { lo, hi, map, cell } = seg;
  const push = (mu: number, q: number) => out.push({ mu, q, cell });
  if (map === 'both' || map === 'logBoth') {
    const log = map === 'logBoth';
    const a = log ? Math.log(lo) : lo;
    const b = log ? Math.log(hi) : hi;
    const c = 0.5 * (a + b);
    const h = 0.5 * (b - a);
    const n = log ? logPoints(lo, hi, seg.perDecade) : GL8.x.length;
    const gl = log ? gaussLegendre(n) : GL8;
    // θ from 0 (hi) to π (lo).
    for (let g = 0; g < n; g++) {
      const th = (Math.PI / 2) * (1 + gl.x[g]);
      const wt = (Math.PI / 2) * gl.w[g];
      const v = c + h * Math.cos(th);
      const dv = h * Math.sin(th) * wt;
      if (log) push(Math.exp(v), dv * Math.exp(v));
      else push(v, dv);
    }
    return out;
  }
  if (map === 'plain') {
    const c = 0.5 * (lo + hi);
    const h = 0.5 * (hi - lo);
    for (let g = GL5.x.length - 1; g >= 0; g--) push(c + h * GL5.x[g], h * GL5.w[g]);
    return out;
  }
  const log = map === 'logBottom';
  const a = log ? Math.log(lo) : lo;
  const b = log ? Math.log(hi) : hi;
  const n = log ? logPoints(lo, hi, seg.perDecade) : GL8.x.length;
  const gl = log ? gaussLegendre(n) : GL8;
  const pts: FinePoint[] = [];
  for (let g = 0; g < n; g++) {
    const th = (Math.PI / 4) * (1 + gl.x[g]);
    const wt = (Math.PI / 4) * gl.w[g];
    const d = (b - a) * (1 - Math.cos(th));
    const dv = (b - a) * Math.sin(th) * wt;
    if (map === 'top') pts.push({ mu: b - d, q: dv, cell });
    else if (log) pts.push({ mu: Math.exp(a + d), q: dv * Math.exp(a + d), cell });
    else pts.push({ mu: a + d, q: dv, cell });
  }
  // 'top': θ ascending is from the edge inward; 'bottom': the edge is the last point.
  if (map !== 'top') pts.reverse();
  return pts;
}

/**
 * Points for a segment spanning decades of μ: perDecade per decade and 8 more (12 for the power
 * law; 24 for a measured spectrum, whose density and target powers are irregular).
 */
function logPoints(lo: number, hi: number, perDecade: number): number {
  return Math.ceil(perDecade * Math.log10(hi / lo)) + 8;
}

/** Cells (eigenvalues) that keep their own few Gauss nodes; later cells go into panels. */
const HEAD_CELLS = 32;
/** Gauss nodes per head cell and per half-decade panel. */
const CELL_NODES = 3;
const PANEL_NODES = 6;

/**
 * The deterministic-equivalent spectrum of Σ_A = AΛAᵀ/N as SGD nodes (header). Cached per
 * (spectrum, N) by the caller; the cost is a few hundred complex κ solves.
 */
export function finiteNMeasure(base: BaseSpectrum, N: number): FiniteNMeasure {
  if (!(N >= 1) || !Number.isFinite(N)) throw new RangeError(`N must be finite and ≥ 1, got ${N}`);
  const ev = evalSpectrum(base, N);
  const pr = new Projection(ev, N);
  const head = ev.head;
  const modes = ev.modes;
  // κ_*: df(κ_*) = N when N < the number of modes.
  let kstar = 0;
  if (N < modes) {
    let lo = ev.sp.Slam / N;
    let hi = lo;
    while (pr.df(lo) < N) lo /= 2;
    while (pr.df(hi) > N) hi *= 2;
    kstar = Math.exp(bisect((u) => pr.df(Math.exp(u)) - N, Math.log(lo), Math.log(hi)));
  }
  // The target power out of the features' reach: E_approx of the positive modes, and the zero
  // modes' power (no features reach those at any N).
  const Eapprox = (N < modes ? pr.leftover(kstar) : 0) + ev.nullPower;
  const segments = supportSegments(pr, base.kind === 'modes' ? 24 : 12, N, head, modes, kstar);
  const fine = solveSegments(pr, segments);
  const nodes = compress(fine);
  let count = 0;
  let trace = 0;
  let target = 0;
  for (const f of fine) {
    count += f.W;
    trace += f.W * f.mu;
    target += f.C;
  }
  const Slam = ev.sp.Slam;
  return {
    nodes: {
      lam: nodes.lam,
      wl: nodes.wl,
      wc: nodes.wc,
      tail: null,
      residual: Eapprox,
      Slam,
      Sw: ev.sp.Sw + ev.nullPower,
    },
    kappaStar: kstar,
    Eapprox,
    muMin: segments[segments.length - 1].lo,
    muMax: segments[0].hi,
    cells: segments.filter((s) => s.map === 'both').length,
    points: fine.length,
    mass: { count, trace, target },
  };
}

/**
 * a′ at the middle of (−ℓ_k, −ℓ_{k+1}) above this: the density still dips between eigenvalues k
 * and k + 1 (at the power law's cell count 0.85 α √N, a′ ≈ −4.8 there), so they get a
 * boundary and cells of their own.
 */
const DIP_SLOPE = -5;

/**
 * The support as segments, top to bottom. Between each pair of neighbouring eigenvalues that the
 * density still shows apart (a gap, or a dip: a′ > DIP_SLOPE in the middle) there is a boundary;
 * an eigenvalue between two boundaries is a cell of its own, a run of eigenvalues without
 * boundaries one stretch in ln μ, and so is the rest of the spectrum below the exact head.
 */
function supportSegments(
  pr: Projection,
  perDecade: number,
  N: number,
  head: Float64Array,
  modes: number,
  kstar: number,
): Segment[] {
  // Top edge: a′ goes from 1 (κ → −∞) to −∞ (κ → −ℓ₁⁻).
  let far = -2 * head[0];
  while (pr.ap(far) <= 0) far *= 2;
  const top = edgeAt(
    pr,
    bisect((k) => pr.ap(k), far, -head[0] * (1 + 1e-12)),
  );
  // Lower edge: the critical point below κ_* (N < modes) or between −ℓ_M and 0 (N > M).
  let bottom: Edge;
  if (N < modes) {
    let lo = kstar / 2;
    while (pr.ap(lo) >= 0) lo /= 2;
    bottom = edgeAt(
      pr,
      bisect((k) => pr.ap(k), lo, kstar),
    );
  } else {
    const l = head[head.length - 1];
    const hiK = N > modes ? 0 : -1e-9 * l;
    bottom = edgeAt(
      pr,
      bisect((k) => pr.ap(k), -l * (1 - 1e-12), hiK),
    );
    if (!(bottom.mu > 0)) bottom = { kappa: 0, mu: 1e-9 * l, app: 1 };
  }
  const segs: Segment[] = [];
  let upperMu = top.mu;
  let upperEdge: Edge | null = top;
  let first = 0;
  const close = (lowerMu: number, last: number) => {
    if (!(lowerMu < upperMu)) return;
    const single = last === first;
    segs.push({
      lo: lowerMu,
      hi: upperMu,
      map: single ? 'both' : 'logBoth',
      edge: upperEdge,
      cell: single ? first : -1,
      perDecade,
    });
  };
  // Eigenvalues below the lower edge sit inside the bulk's bottom stretch (their intervals are
  // not on the physical branch), so the scan stops there.
  for (let k = 0; k + 1 < head.length && head[k + 1] > bottom.mu; k++) {
    const w = head[k] - head[k + 1];
    const mid = Math.max(
      pr.ap(-head[k] + 0.25 * w),
      pr.ap(-head[k] + 0.5 * w),
      pr.ap(-head[k] + 0.75 * w),
    );
    if (!(mid > DIP_SLOPE)) continue;
    const b = boundaryBetween(pr, head[k], head[k + 1]);
    const lowerMu = b.kind === 'gap' ? b.lower.mu : b.mu;
    if (!(lowerMu > bottom.mu && lowerMu < upperMu)) continue;
    close(lowerMu, k);
    upperMu = b.kind === 'gap' ? b.upper.mu : b.mu;
    upperEdge = b.kind === 'gap' ? b.upper : null;
    first = k + 1;
  }
  // The rest: the last head eigenvalue alone (all modes exact), or with the spectrum below it.
  const last = head.length < modes ? Infinity : head.length - 1;
  const single = last === first;
  segs.push({
    lo: bottom.mu,
    hi: upperMu,
    map: single ? 'both' : upperEdge ? 'logBoth' : 'logBottom',
    edge: upperEdge,
    cell: single ? first : -1,
    perDecade,
  });
  return segs;
}

interface FineNode {
  mu: number;
  /** Eigenvalues (count) and target power carried by the point. */
  W: number;
  C: number;
  cell: number;
}

/** κ on the cut at every point, by continuation from the edges; the density weights. */
function solveSegments(pr: Projection, segs: Segment[]): FineNode[] {
  const out: FineNode[] = [];
  let kr = 0;
  let ki = 0;
  let prevMu = NaN;
  for (const seg of segs) {
    for (const p of segmentPoints(seg)) {
      const guesses: [number, number][] = [];
      if (seg.edge) {
        // Square-root start: a ≈ a_e + ½a″(κ − κ_e)², a = −μ.
        const e = seg.edge;
        const arg = (2 * (e.mu - p.mu)) / e.app;
        const d = Math.sqrt(Math.abs(arg));
        guesses.push(arg < 0 ? [e.kappa, -d] : [e.kappa, -1e-3 * Math.abs(e.kappa)]);
      }
      if (out.length > 0) guesses.push([kr * (p.mu / prevMu), ki * (p.mu / prevMu)], [kr, ki]);
      guesses.push([-p.mu, -0.1 * p.mu]);
      let ok = false;
      for (const [gr, gi] of guesses) {
        if (pr.solve(p.mu, gr, Math.min(gi, -1e-300))) {
          ok = true;
          break;
        }
      }
      if (!ok) throw new Error(`finite-N spectrum: no root of a(κ) = −${p.mu} on the cut`);
      // Continue from this point (inside a segment, the edge guess only seeds the first point).
      kr = pr.kr;
      ki = pr.ki;
      prevMu = p.mu;
      const W = (p.q * pr.imDf) / (Math.PI * p.mu);
      const C = (p.q * pr.imU) / (Math.PI * p.mu);
      out.push({ mu: p.mu, W, C, cell: p.cell });
      seg.edge = null;
    }
  }
  return out;
}

/** Few Gauss nodes per head cell, PANEL_NODES per half decade of μ elsewhere (as §5.1). */
function compress(fine: FineNode[]): { lam: Float64Array; wl: Float64Array; wc: Float64Array } {
  const groups = new Map<string, FineNode[]>();
  const width = Math.LN10 / 2;
  const vTop = Math.log(fine[0].mu);
  for (const f of fine) {
    if (!(f.W > 0)) continue;
    const key =
      f.cell >= 0 && f.cell < HEAD_CELLS
        ? `c${f.cell}`
        : `p${Math.floor((vTop - Math.log(f.mu)) / width)}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const lam: number[] = [];
  const wl: number[] = [];
  const wc: number[] = [];
  for (const [key, g] of groups) {
    const q = key.startsWith('c') ? CELL_NODES : PANEL_NODES;
    if (g.length <= q) {
      for (const f of g) {
        lam.push(f.mu);
        wl.push(f.W * f.mu);
        wc.push(f.C);
      }
      continue;
    }
    const v = Float64Array.from(g, (f) => Math.log(f.mu));
    const wL = Float64Array.from(g, (f) => f.W * f.mu);
    const wC = Float64Array.from(g, (f) => f.C);
    const nodes = gaussNodes(v, wL, q);
    const a = lagrangeWeights(nodes, v, wL);
    const c = lagrangeWeights(nodes, v, wC);
    for (let j = 0; j < nodes.length; j++) {
      lam.push(Math.exp(nodes[j]));
      wl.push(a[j]);
      wc.push(c[j]);
    }
  }
  return { lam: Float64Array.from(lam), wl: Float64Array.from(wl), wc: Float64Array.from(wc) };
}
