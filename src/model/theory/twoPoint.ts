// The two-point kernel of docs/theory.md §2 and its double inverse Laplace transform (§3):
//   Γ(λ,λ')  = (1/P) [a·df(κ) − b·df(κ')]/(a − b)
//   BR(λ,λ') = S_w − U(κ) − U(κ') + [a·U(κ) − b·U(κ')]/(a − b)
//   D(λ,λ')  = [BR + σ²Γ]/(1 − Γ)        (cross test error of two ridge predictors, no floor)
// with the diagonal (λ = λ') forms Γ = (1/P)[df + a df'/(da/dκ)], BR = S_w − U + a U'/(da/dκ).
//   E_g^mean(t)  = Re Σ_{j,k} c_j c_k D(s_j+γ, s_k+γ)/(s_j s_k)
//   E_tr^mean(t) = Re Σ_{j,k} c_j c_k (1 − df_j/P)(1 − df_k/P)(D + σ²)/(s_j s_k)
import type { Engine, NodeState } from './engine.ts';
import { allSumsReal } from './sums.ts';
import { conjugatePairSum, weightsOverS, type TalbotNodes } from './talbot.ts';

// Scratch complex result of cdiv: a typed array, because a module-level number written per call
// would be boxed (one heap allocation per division in the hot path).
const Q = new Float64Array(2);

function cdiv(ar: number, ai: number, br: number, bi: number): void {
  // Smith's algorithm: robust against overflow for widely scaled operands.
  if (Math.abs(br) >= Math.abs(bi)) {
    const q = bi / br;
    const d = br + bi * q;
    Q[0] = (ar + ai * q) / d;
    Q[1] = (ai - ar * q) / d;
  } else {
    const q = br / bi;
    const d = br * q + bi;
    Q[0] = (ar * q + ai) / d;
    Q[1] = (ai * q - ar) / d;
  }
}

/** Per-node products reused by every pair. */
interface PairNodes {
  ar: Float64Array;
  ai: Float64Array;
  Ar: Float64Array; // a·df
  Ai: Float64Array;
  Br: Float64Array; // a·U
  Bi: Float64Array;
  // diagonal Γ and BR
  gdr: Float64Array;
  gdi: Float64Array;
  bdr: Float64Array;
  bdi: Float64Array;
}

function allocPairNodes(n: number): PairNodes {
  const f = () => new Float64Array(n);
  return {
    ar: f(),
    ai: f(),
    Ar: f(),
    Ai: f(),
    Br: f(),
    Bi: f(),
    gdr: f(),
    gdi: f(),
    bdr: f(),
    bdi: f(),
  };
}

function preparePairNodes(e: Engine, st: NodeState, pn: PairNodes): void {
  const iP = e.iP;
  const Sw = e.sp.Sw;
  for (let j = 0; j < st.n; j++) {
    const ar = st.ar[j];
    const ai = st.ai[j];
    pn.ar[j] = ar;
    pn.ai[j] = ai;
    pn.Ar[j] = ar * st.dfr[j] - ai * st.dfi[j];
    pn.Ai[j] = ar * st.dfi[j] + ai * st.dfr[j];
    pn.Br[j] = ar * st.ur[j] - ai * st.ui[j];
    pn.Bi[j] = ar * st.ui[j] + ai * st.ur[j];
    // a/(da/dκ)
    cdiv(ar, ai, st.apr[j], st.api[j]);
    const qr = Q[0];
    const qi = Q[1];
    pn.gdr[j] = iP * (st.dfr[j] + qr * st.dfdr[j] - qi * st.dfdi[j]);
    pn.gdi[j] = iP * (st.dfi[j] + qr * st.dfdi[j] + qi * st.dfdr[j]);
    pn.bdr[j] = Sw - st.ur[j] + qr * st.udr[j] - qi * st.udi[j];
    pn.bdi[j] = -st.ui[j] + qr * st.udi[j] + qi * st.udr[j];
  }
}

/** A complex n×n matrix over node pairs: M(j,k) in (pr, pi) and M(j, k̄) in (nr, ni). */
interface PairMatrix {
  pr: Float64Array;
  pi: Float64Array;
  nr: Float64Array;
  ni: Float64Array;
}

function allocPairMatrix(n: number): PairMatrix {
  const f = () => new Float64Array(n * n);
  return { pr: f(), pi: f(), nr: f(), ni: f() };
}

export interface PairWork {
  pn: PairNodes;
  /** D(j,k) for k ≥ j ≥ 0 and D(j, k̄) for k ≥ j ≥ 1, mirrored by symmetry. */
  d: PairMatrix;
  /** The split of D = BR/(1 − Γ) + σ²·Γ/(1 − Γ), allocated and filled only when the parts are
   *  asked for. */
  signal: PairMatrix | null;
  noise: PairMatrix | null;
  /** Talbot weights c_j/s_j and the inner sums of the double sum. */
  wr: Float64Array;
  wi: Float64Array;
  xr: Float64Array;
  xi: Float64Array;
  gr: Float64Array;
  gi: Float64Array;
  hr: Float64Array;
  hi: Float64Array;
}

export function allocPairWork(n: number): PairWork {
  const f = () => new Float64Array(n);
  return {
    pn: allocPairNodes(n),
    d: allocPairMatrix(n),
    signal: null,
    noise: null,
    wr: f(),
    wi: f(),
    xr: f(),
    xi: f(),
    gr: f(),
    gi: f(),
    hr: f(),
    hi: f(),
  };
}

/**
 * Fill the pair matrices: D, and with `parts` its signal and noise halves. Pairs (j, k ≥ j) and
 * (j ≥ 1, k̄ ≥ j) are evaluated; the rest follow from D(x,y) = D(y,x), D(x̄,ȳ) = conj D(x,y).
 * Γ and BR of a pair use the diagonal form when a_j ≈ a_k (docs/theory.md §5.6). Everything stays
 * in locals: a module-level number written per pair would be boxed (a heap allocation each time).
 */
function fillPairs(e: Engine, st: NodeState, work: PairWork, parts: boolean): void {
  const n = st.n;
  const sig2 = e.p.sigma2;
  const iP = e.iP;
  const Sw = e.sp.Sw;
  if (parts) {
    work.signal ??= allocPairMatrix(n);
    work.noise ??= allocPairMatrix(n);
  }
  const { d, pn } = work;
  const signal = work.signal!;
  const noise = work.noise!;
  for (let c = 0; c < 2; c++) {
    const conj = c === 1;
    const s = conj ? -1 : 1;
    for (let x = conj ? 1 : 0; x < n; x++) {
      for (let y = x; y < n; y++) {
        const dr = pn.ar[x] - pn.ar[y];
        const di = pn.ai[x] - s * pn.ai[y];
        let gr: number;
        let gi: number;
        let br: number;
        let bi: number;
        if (dr * dr + di * di <= 1e-16 * (pn.ar[x] * pn.ar[x] + pn.ai[x] * pn.ai[x])) {
          gr = pn.gdr[x];
          gi = pn.gdi[x];
          br = pn.bdr[x];
          bi = pn.bdi[x];
        } else {
          cdiv(pn.Ar[x] - pn.Ar[y], pn.Ai[x] - s * pn.Ai[y], dr, di);
          gr = iP * Q[0];
          gi = iP * Q[1];
          cdiv(pn.Br[x] - pn.Br[y], pn.Bi[x] - s * pn.Bi[y], dr, di);
          br = Sw - st.ur[x] - st.ur[y] + Q[0];
          bi = -st.ui[x] - s * st.ui[y] + Q[1];
        }
        // D exactly as without the parts, so that E_g does not depend on asking for them.
        cdiv(br + sig2 * gr, bi + sig2 * gi, 1 - gr, -gi);
        put(d, n, x, y, conj, Q[0], Q[1]);
        if (parts) {
          cdiv(br, bi, 1 - gr, -gi);
          put(signal, n, x, y, conj, Q[0], Q[1]);
          cdiv(gr, gi, 1 - gr, -gi);
          put(noise, n, x, y, conj, Q[0], Q[1]);
        }
      }
    }
    if (conj) continue;
    // D(0, k̄) = conj D(0, k)
    for (const m of parts ? [d, signal, noise] : [d])
      for (let k = 1; k < n; k++) {
        m.nr[k] = m.pr[k];
        m.ni[k] = -m.pi[k];
      }
  }
}

/** Store (re, im) at (j,k) and at its mirror (k,j), or at (j,k̄) and (k,j̄) when `conj`. */
function put(
  m: PairMatrix,
  n: number,
  j: number,
  k: number,
  conj: boolean,
  re: number,
  im: number,
) {
  const jk = j * n + k;
  const kj = k * n + j;
  if (!conj) {
    m.pr[jk] = re;
    m.pi[jk] = im;
    m.pr[kj] = re;
    m.pi[kj] = im;
  } else {
    m.nr[jk] = re;
    m.ni[jk] = im;
    // D(k, j̄) = conj D(j, k̄)
    m.nr[kj] = re;
    m.ni[kj] = -im;
  }
}

// Second result of doubleSums (a module-level number: written once per time, not per pair).
let SECOND = 0;

/**
 * Re Σ_{j,k} w_j w_k M(j,k) over all 2n−1 nodes each, from the stored half: the inner sums
 * G_j = Σ_k w_k M(j,k) + Σ_{k≥1} w̄_k M(j,k̄), then the conjugate-pair outer sum. With `x`, in the
 * same pass, also Re Σ_{j,k} x_j x_k (M(j,k) + c) into SECOND (the training error).
 */
function doubleSums(
  m: PairMatrix,
  wr: Float64Array,
  wi: Float64Array,
  x: { xr: Float64Array; xi: Float64Array; c: number } | null,
  work: PairWork,
  n: number,
): number {
  const { gr, gi, hr, hi } = work;
  const { pr, pi, nr, ni } = m;
  for (let j = 0; j < n; j++) {
    const o = j * n;
    let sR = wr[0] * pr[o] - wi[0] * pi[o];
    let sI = wr[0] * pi[o] + wi[0] * pr[o];
    for (let k = 1; k < n; k++) {
      // w_k M(j,k) + w̄_k M(j,k̄)
      const ar = pr[o + k];
      const ai = pi[o + k];
      const br = nr[o + k];
      const bi = ni[o + k];
      sR += wr[k] * (ar + br) - wi[k] * (ai - bi);
      sI += wr[k] * (ai + bi) + wi[k] * (ar - br);
    }
    gr[j] = sR;
    gi[j] = sI;
    if (x === null) continue;
    const { xr, xi, c } = x;
    let tR = xr[0] * (pr[o] + c) - xi[0] * pi[o];
    let tI = xr[0] * pi[o] + xi[0] * (pr[o] + c);
    for (let k = 1; k < n; k++) {
      const ar = pr[o + k] + c;
      const ai = pi[o + k];
      const br = nr[o + k] + c;
      const bi = ni[o + k];
      tR += xr[k] * (ar + br) - xi[k] * (ai - bi);
      tI += xr[k] * (ai + bi) + xi[k] * (ar - br);
    }
    hr[j] = tR;
    hi[j] = tI;
  }
  if (x !== null) SECOND = conjugatePairSum(x.xr, x.xi, hr, hi, n);
  return conjugatePairSum(wr, wi, gr, gi, n);
}

export interface MeanErrorOptions {
  /** Also E_tr^mean (the curve); off for E_g-only callers (sweeps, early-stop refinement). */
  train: boolean;
  /** Also the signal and label-noise parts of E_g^mean (docs/theory.md §2: D = BR/(1−Γ) + σ²Γ/(1−Γ)). */
  parts: boolean;
}

export interface MeanErrors {
  eg: number;
  etr: number;
  /** BR/(1 − Γ) part (NaN unless parts were asked for). */
  signal: number;
  /** σ²Γ/(1 − Γ) part (NaN unless parts were asked for). */
  noise: number;
}

/**
 * The mean-predictor errors at one time from the nodes/weights and the node state at λ = s + γ.
 * Uses D(x,y) = D(y,x) and D(x̄,ȳ) = conj D(x,y): 2n² − n pair evaluations become ~n².
 */
export function meanErrors(
  e: Engine,
  nodes: TalbotNodes,
  st: NodeState,
  work: PairWork,
  opts: MeanErrorOptions,
): MeanErrors {
  const n = nodes.n;
  const { wr, wi, xr, xi } = work;
  const parts = opts.parts;
  preparePairNodes(e, st, work.pn);
  weightsOverS(nodes, wr, wi);
  fillPairs(e, st, work, parts);
  let train: { xr: Float64Array; xi: Float64Array; c: number } | null = null;
  if (opts.train) {
    // weights w_k ρ_k with ρ = 1 − df/P, on D + σ²
    const iP = e.iP;
    for (let k = 0; k < n; k++) {
      const rr = 1 - st.dfr[k] * iP;
      const ri = -st.dfi[k] * iP;
      xr[k] = wr[k] * rr - wi[k] * ri;
      xi[k] = wr[k] * ri + wi[k] * rr;
    }
    train = { xr, xi, c: e.p.sigma2 };
  }
  const eg = doubleSums(work.d, wr, wi, train, work, n);
  const etr = train ? SECOND : NaN;
  if (!parts) return { eg, etr, signal: NaN, noise: NaN };
  const signal = doubleSums(work.signal!, wr, wi, null, work, n);
  const noise = e.p.sigma2 * doubleSums(work.noise!, wr, wi, null, work, n);
  return { eg, etr, signal, noise };
}

/**
 * Diagonal two-point quantities at a real ridge (the static ridge / posterior-mean error of §4):
 * κ from λ = κ(1 − df/N)(1 − df/P), then Γ, BR and D = (BR + σ²Γ)/(1 − Γ). Also the order
 * parameters on a real timescale (order.ts) evaluate it at λ = 1/τ + γ.
 */
export function staticRidge(
  e: Engine,
  lam: number,
): {
  kappa: number;
  df: number;
  a: number;
  Gamma: number;
  BR: number;
  D: number;
  /** The split D = signal + noise: BR/(1 − Γ) (ridge bias) and σ²Γ/(1 − Γ) (ridge variance). */
  signal: number;
  noise: number;
  divergent: boolean;
} {
  const kappa = e.solver.solveReal(lam);
  allSumsReal(e.sp, kappa, realSums);
  const [df, dfd, U, Ud] = realSums;
  const sp = e.sp;
  const a = kappa * (1 - df * e.iN);
  const ap = 1 - df * e.iN - kappa * dfd * e.iN;
  // a/ap → 0 when κ → 0 (κ_* = 0); guard 0/0 when ap = 0 as well.
  const q = a === 0 ? 0 : a / ap;
  const Gamma = e.iP * (df + q * dfd);
  const BR = Math.max(0, sp.Sw - U + q * Ud);
  const oneMinus = 1 - Gamma;
  const divergent = !(oneMinus > 1e-13);
  const sig2 = e.p.sigma2;
  const D = divergent ? Infinity : (BR + sig2 * Gamma) / oneMinus;
  // At the divergence a part is infinite only if its numerator is non-zero (0·∞ = 0 here).
  const signal = divergent ? (BR > 0 ? Infinity : 0) : BR / oneMinus;
  const noise = divergent ? (sig2 > 0 ? Infinity : 0) : (sig2 * Gamma) / oneMinus;
  return { kappa, df, a, Gamma, BR, D, signal, noise, divergent };
}

const realSums = new Float64Array(4);
