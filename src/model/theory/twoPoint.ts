// The two-point kernel of docs/theory.md §2 and its double inverse Laplace transform (§3):
//   Γ(λ,λ')  = (1/P) [a·df(κ) − b·df(κ')]/(a − b)
//   BR(λ,λ') = S_w − U(κ) − U(κ') + [a·U(κ) − b·U(κ')]/(a − b)
//   D(λ,λ')  = [BR + σ²Γ]/(1 − Γ)        (cross test error of two ridge predictors, no floor)
// with the diagonal (λ = λ') forms Γ = (1/P)[df + a df'/(da/dκ)], BR = S_w − U + a U'/(da/dκ).
//   E_g^mean(t)  = Re Σ_{j,k} c_j c_k D(s_j+γ, s_k+γ)/(s_j s_k)
//   E_tr^mean(t) = Re Σ_{j,k} c_j c_k (1 − df_j/P)(1 − df_k/P)(D + σ²)/(s_j s_k)
import type { Engine, NodeState } from './engine.ts';
import { allSumsReal, secondSums } from './sums.ts';
import { WORK } from './work.ts';
import { conjugatePairSum, weightsOverS, type TalbotNodes } from './talbot.ts';

// Scratch complex result of cdiv: a typed array, because a module-level number written per call
// would be boxed (one heap allocation per division in the hot path).
const Q = new Float64Array(4);

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

/**
 * Per-node quantities reused by every pair (docs/theory.md §2, §5.4): a, G = a·df and
 * φ = V/(1 − df/N), so that Γ = (1/P)·ΔG/Δa and BR = −a·b·Δφ/Δa over a pair; the diagonal
 * quotients G'/a' and φ'/a'; and, for pairs of close nodes, the derivatives of a Taylor form.
 */
interface PairNodes {
  ar: Float64Array;
  ai: Float64Array;
  Gr: Float64Array;
  Gi: Float64Array;
  Fr: Float64Array;
  Fi: Float64Array;
  /** G'/a' and φ'/a' (the diagonal quotients) */
  gqr: Float64Array;
  gqi: Float64Array;
  fqr: Float64Array;
  fqi: Float64Array;
  /** a', G', φ' and the second derivatives a'', G'', φ'' (filled only when two nodes are close) */
  a1r: Float64Array;
  a1i: Float64Array;
  G1r: Float64Array;
  G1i: Float64Array;
  F1r: Float64Array;
  F1i: Float64Array;
  a2r: Float64Array;
  a2i: Float64Array;
  G2r: Float64Array;
  G2i: Float64Array;
  F2r: Float64Array;
  F2i: Float64Array;
}

function allocPairNodes(n: number): PairNodes {
  const f = () => new Float64Array(n);
  return {
    ar: f(),
    ai: f(),
    Gr: f(),
    Gi: f(),
    Fr: f(),
    Fi: f(),
    gqr: f(),
    gqi: f(),
    fqr: f(),
    fqi: f(),
    a1r: f(),
    a1i: f(),
    G1r: f(),
    G1i: f(),
    F1r: f(),
    F1i: f(),
    a2r: f(),
    a2i: f(),
    G2r: f(),
    G2i: f(),
    F2r: f(),
    F2i: f(),
  };
}

/**
 * Two nodes are "close" when |a_j − a_k| ≤ CLOSE·|a_j|: there the difference quotients of (2.1)
 * would lose −log10(CLOSE) digits to cancellation, and the second-order Taylor form is used
 * instead (its error ~CLOSE², its own round-off ~1e-16).
 */
const CLOSE = 1e-5;
const CLOSE2 = CLOSE * CLOSE;

function preparePairNodes(e: Engine, st: NodeState, pn: PairNodes): void {
  const iN = e.iN;
  for (let j = 0; j < st.n; j++) {
    const ar = st.ar[j];
    const ai = st.ai[j];
    const dfr = st.dfr[j];
    const dfi = st.dfi[j];
    pn.ar[j] = ar;
    pn.ai[j] = ai;
    // G = a·df, G' = a'·df + a·df'
    pn.Gr[j] = ar * dfr - ai * dfi;
    pn.Gi[j] = ar * dfi + ai * dfr;
    const a1r = st.apr[j];
    const a1i = st.api[j];
    const G1r = a1r * dfr - a1i * dfi + ar * st.dfdr[j] - ai * st.dfdi[j];
    const G1i = a1r * dfi + a1i * dfr + ar * st.dfdi[j] + ai * st.dfdr[j];
    // m = 1 − df/N, φ = V/m, m' = −df'/N, φ' = (V' − φ·m')/m
    const mr = 1 - dfr * iN;
    const mi = -dfi * iN;
    cdiv(st.vr[j], st.vi[j], mr, mi);
    const Fr = Q[0];
    const Fi = Q[1];
    pn.Fr[j] = Fr;
    pn.Fi[j] = Fi;
    const m1r = -st.dfdr[j] * iN;
    const m1i = -st.dfdi[j] * iN;
    cdiv(st.vdr[j] - (Fr * m1r - Fi * m1i), st.vdi[j] - (Fr * m1i + Fi * m1r), mr, mi);
    const F1r = Q[0];
    const F1i = Q[1];
    pn.a1r[j] = a1r;
    pn.a1i[j] = a1i;
    pn.G1r[j] = G1r;
    pn.G1i[j] = G1i;
    pn.F1r[j] = F1r;
    pn.F1i[j] = F1i;
    cdiv(G1r, G1i, a1r, a1i);
    pn.gqr[j] = Q[0];
    pn.gqi[j] = Q[1];
    cdiv(F1r, F1i, a1r, a1i);
    pn.fqr[j] = Q[0];
    pn.fqi[j] = Q[1];
  }
}

/** Whether some pair of distinct nodes (j, k) or (j, k̄) is close (the Taylor form is needed). */
function anyClose(pn: PairNodes, n: number): boolean {
  for (let x = 0; x < n; x++) {
    const lim = CLOSE2 * (pn.ar[x] * pn.ar[x] + pn.ai[x] * pn.ai[x]);
    for (let y = x; y < n; y++) {
      const dr = pn.ar[x] - pn.ar[y];
      const di = pn.ai[x] - pn.ai[y];
      const ci = pn.ai[x] + pn.ai[y];
      if (y > x && dr * dr + di * di <= lim) return true;
      if (x > 0 && dr * dr + ci * ci <= lim) return true;
    }
  }
  return false;
}

const second = new Float64Array(4);

/**
 * a'', G'' and φ'' at every node, from df'' and V'' (one more pass over the modes):
 * m'' = −df''/N, a'' = 2m' + κ m'', G'' = a''·df + 2a'·df' + a·df'', φ'' = (V'' − φ m'')/m − 2m'φ'/m.
 */
function prepareSecond(e: Engine, st: NodeState, pn: PairNodes): void {
  const iN = e.iN;
  for (let j = 0; j < st.n; j++) {
    const kr = st.kr[j];
    const ki = st.ki[j];
    secondSums(e.sp, kr, ki, second);
    const d2r = second[0];
    const d2i = second[1];
    const v2r = second[2];
    const v2i = second[3];
    const m1r = -st.dfdr[j] * iN;
    const m1i = -st.dfdi[j] * iN;
    const m2r = -d2r * iN;
    const m2i = -d2i * iN;
    const a2r = 2 * m1r + kr * m2r - ki * m2i;
    const a2i = 2 * m1i + kr * m2i + ki * m2r;
    pn.a2r[j] = a2r;
    pn.a2i[j] = a2i;
    const dfr = st.dfr[j];
    const dfi = st.dfi[j];
    const ddr = st.dfdr[j];
    const ddi = st.dfdi[j];
    const ar = pn.ar[j];
    const ai = pn.ai[j];
    const a1r = pn.a1r[j];
    const a1i = pn.a1i[j];
    pn.G2r[j] = a2r * dfr - a2i * dfi + 2 * (a1r * ddr - a1i * ddi) + (ar * d2r - ai * d2i);
    pn.G2i[j] = a2r * dfi + a2i * dfr + 2 * (a1r * ddi + a1i * ddr) + (ar * d2i + ai * d2r);
    const mr = 1 - dfr * iN;
    const mi = -dfi * iN;
    const Fr = pn.Fr[j];
    const Fi = pn.Fi[j];
    const F1r = pn.F1r[j];
    const F1i = pn.F1i[j];
    // (V'' − φ m'' − 2 m' φ')/m
    const nr = v2r - (Fr * m2r - Fi * m2i) - 2 * (m1r * F1r - m1i * F1i);
    const ni = v2i - (Fr * m2i + Fi * m2r) - 2 * (m1r * F1i + m1i * F1r);
    cdiv(nr, ni, mr, mi);
    pn.F2r[j] = Q[0];
    pn.F2i[j] = Q[1];
  }
}

/**
 * Δf/Δa over a close pair by the second-order Taylor form at node x, with h = κ_y − κ_x:
 * (f' + f''h/2)/(a' + a''h/2); f = G (into Q[0], Q[1]) and φ (into Q[2], Q[3]).
 */
function taylorQuotients(pn: PairNodes, x: number, hr: number, hi: number): void {
  const dr = pn.a1r[x] + 0.5 * (pn.a2r[x] * hr - pn.a2i[x] * hi);
  const di = pn.a1i[x] + 0.5 * (pn.a2r[x] * hi + pn.a2i[x] * hr);
  cdiv(
    pn.G1r[x] + 0.5 * (pn.G2r[x] * hr - pn.G2i[x] * hi),
    pn.G1i[x] + 0.5 * (pn.G2r[x] * hi + pn.G2i[x] * hr),
    dr,
    di,
  );
  const gr = Q[0];
  const gi = Q[1];
  cdiv(
    pn.F1r[x] + 0.5 * (pn.F2r[x] * hr - pn.F2i[x] * hi),
    pn.F1i[x] + 0.5 * (pn.F2r[x] * hi + pn.F2i[x] * hr),
    dr,
    di,
  );
  Q[2] = Q[0];
  Q[3] = Q[1];
  Q[0] = gr;
  Q[1] = gi;
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
  /** |w_j| and |w_j ρ_j| (L1). */
  wa: Float64Array;
  xa: Float64Array;
  /** The results of meanErrors (written in place: no allocation per time). */
  out: MeanErrors;
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
    wa: f(),
    xa: f(),
    out: {
      eg: NaN,
      etr: NaN,
      signal: NaN,
      noise: NaN,
      termsG: 0,
      cancelG: 0,
      termsT: 0,
      cancelT: 0,
    },
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
function fillPairs(e: Engine, st: NodeState, work: PairWork, parts: boolean, train: boolean): void {
  const n = st.n;
  const { wa, xa } = work;
  let scaleG = 0;
  let scaleT = 0;
  let termsG = 0;
  let termsT = 0;
  const sig2 = e.p.sigma2;
  const iP = e.iP;
  if (parts) {
    work.signal ??= allocPairMatrix(n);
    work.noise ??= allocPairMatrix(n);
  }
  const { d, pn } = work;
  const signal = work.signal!;
  const noise = work.noise!;
  const close = anyClose(pn, n);
  if (close) prepareSecond(e, st, pn);
  WORK.pairs += n * n;
  for (let c = 0; c < 2; c++) {
    const conj = c === 1;
    const s = conj ? -1 : 1;
    for (let x = conj ? 1 : 0; x < n; x++) {
      const axr = pn.ar[x];
      const axi = pn.ai[x];
      const lim = CLOSE2 * (axr * axr + axi * axi);
      for (let y = x; y < n; y++) {
        // The partner node: y, or its conjugate ȳ (a, G, φ, κ conjugated).
        const ayr = pn.ar[y];
        const ayi = s * pn.ai[y];
        const dr = axr - ayr;
        const di = axi - ayi;
        let gr: number;
        let gi: number;
        let fr: number;
        let fi: number;
        // |ΔG| and |Δφ| before they cancel, times |1/Δa| (L1 norms: a bound within a factor 2),
        // for the round-off floor; 0 where no difference is taken.
        let cg = 0;
        let cf = 0;
        if (x === y && !conj) {
          gr = pn.gqr[x];
          gi = pn.gqi[x];
          fr = pn.fqr[x];
          fi = pn.fqi[x];
        } else if (close && dr * dr + di * di <= lim) {
          taylorQuotients(pn, x, st.kr[y] - st.kr[x], s * st.ki[y] - st.ki[x]);
          gr = Q[0];
          gi = Q[1];
          fr = Q[2];
          fi = Q[3];
        } else {
          // One reciprocal 1/Δa for both quotients (far from close nodes it is well scaled).
          const q = 1 / (dr * dr + di * di);
          const ir = dr * q;
          const ii = -di * q;
          const xr = pn.Gr[x] - pn.Gr[y];
          const xi = pn.Gi[x] - s * pn.Gi[y];
          gr = xr * ir - xi * ii;
          gi = xr * ii + xi * ir;
          const yr = pn.Fr[x] - pn.Fr[y];
          const yi = pn.Fi[x] - s * pn.Fi[y];
          fr = yr * ir - yi * ii;
          fi = yr * ii + yi * ir;
          const ia = l1(ir, ii);
          cg = (l1(pn.Gr[x], pn.Gi[x]) + l1(pn.Gr[y], pn.Gi[y])) * ia;
          cf = (l1(pn.Fr[x], pn.Fi[x]) + l1(pn.Fr[y], pn.Fi[y])) * ia;
        }
        // Γ = (1/P)·ΔG/Δa;  BR = −a_x a_y·Δφ/Δa (no S_w to cancel: accurate far below it)
        gr *= iP;
        gi *= iP;
        const pr = axr * ayr - axi * ayi;
        const pi = axr * ayi + axi * ayr;
        const br = -(pr * fr - pi * fi);
        const bi = -(pr * fi + pi * fr);
        // 1/(1 − Γ), then D = (BR + σ²Γ)/(1 − Γ); the parts are BR/(1 − Γ) and Γ/(1 − Γ), so E_g
        // does not depend on asking for them.
        const omr = 1 - gr;
        const omi = -gi;
        const oq = 1 / (omr * omr + omi * omi);
        const vr = omr * oq;
        const vi = -omi * oq;
        const nr = br + sig2 * gr;
        const ni = bi + sig2 * gi;
        const Dr = nr * vr - ni * vi;
        const Di = nr * vi + ni * vr;
        put(d, n, x, y, conj, Dr, Di);
        {
          // The size of what cancels in D (docs/theory.md §5.6): |BR|, σ²|Γ| and |D|·|Γ| with
          // the quotients' cancelling terms in place of their results, over |1 − Γ|.
          const dm = l1(Dr, Di);
          const g = Math.max(l1(gr, gi), iP * cg);
          const b = Math.max(l1(br, bi), l1(pr, pi) * cf);
          const sc = dm + (b + sig2 * g + dm * g) * l1(vr, vi);
          const mult = x === y ? (x === 0 && !conj ? 1 : 2) : 4;
          const ww = mult * wa[x] * wa[y];
          scaleG += ww * sc;
          termsG += ww * dm;
          if (train) {
            const xx = mult * xa[x] * xa[y];
            scaleT += xx * (sc + sig2);
            termsT += xx * (dm + sig2);
          }
        }
        if (parts) {
          put(signal, n, x, y, conj, br * vr - bi * vi, br * vi + bi * vr);
          put(noise, n, x, y, conj, gr * vr - gi * vi, gr * vi + gi * vr);
        }
      }
    }
    if (conj) continue;
    // D(0, k̄) = conj D(0, k)
    mirrorZero(d, n);
    if (parts) {
      mirrorZero(signal, n);
      mirrorZero(noise, n);
    }
  }
  const out = work.out;
  out.cancelG = scaleG;
  out.termsG = termsG;
  out.cancelT = train ? scaleT : NaN;
  out.termsT = train ? termsT : NaN;
}

/** |re| + |im|: within √2 of the modulus, and no square root. */
function l1(re: number, im: number): number {
  return Math.abs(re) + Math.abs(im);
}

/** M(0, k̄) = conj M(0, k): node 0 is real. */
function mirrorZero(m: PairMatrix, n: number): void {
  for (let k = 1; k < n; k++) {
    m.nr[k] = m.pr[k];
    m.ni[k] = -m.pi[k];
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
 * G_j = Σ_k w_k M(j,k) + Σ_{k≥1} w̄_k M(j,k̄), then the conjugate-pair outer sum. With c not NaN,
 * in the same pass, also Re Σ_{j,k} x_j x_k (M(j,k) + c) into SECOND (the training error; the
 * weights x in work.xr, xi).
 */
function doubleSums(
  m: PairMatrix,
  wr: Float64Array,
  wi: Float64Array,
  c: number,
  work: PairWork,
  n: number,
): number {
  const { gr, gi, hr, hi, xr, xi } = work;
  const { pr, pi, nr, ni } = m;
  const second = !Number.isNaN(c);
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
    if (!second) continue;
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
  if (second) SECOND = conjugatePairSum(xr, xi, hr, hi, n);
  return conjugatePairSum(wr, wi, gr, gi, n);
}

export interface MeanErrors {
  eg: number;
  etr: number;
  /** BR/(1 − Γ) part (NaN unless parts were asked for). */
  signal: number;
  /** σ²Γ/(1 − Γ) part (NaN unless parts were asked for). */
  noise: number;
  /**
   * The size of the double sums of E_g and E_tr (docs/theory.md §5.8): their terms,
   * Σ_{j,k} |w_j||w_k||D(s_j, s_k)| (the inversion's discretization error is a small fraction of
   * it), and what cancels inside D before (round-off is a small multiple of u times it).
   */
  termsG: number;
  cancelG: number;
  termsT: number;
  cancelT: number;
}

/**
 * The mean-predictor errors at one time from the nodes/weights and the node state at λ = s + γ,
 * written into work.out (train: also E_tr^mean; parts: also the signal and label-noise parts of
 * E_g^mean, docs/theory.md §2: D = BR/(1−Γ) + σ²Γ/(1−Γ)). Uses D(x,y) = D(y,x) and
 * D(x̄,ȳ) = conj D(x,y): 2n² − n pair evaluations become ~n².
 */
export function meanErrors(
  e: Engine,
  nodes: TalbotNodes,
  st: NodeState,
  work: PairWork,
  train: boolean,
  parts: boolean,
): MeanErrors {
  const n = nodes.n;
  const { wr, wi, xr, xi, wa, xa } = work;
  preparePairNodes(e, st, work.pn);
  weightsOverS(nodes, wr, wi);
  for (let k = 0; k < n; k++) wa[k] = l1(wr[k], wi[k]);
  if (train) {
    // weights w_k ρ_k with ρ = 1 − df/P, on D + σ²
    const iP = e.iP;
    for (let k = 0; k < n; k++) {
      const rr = 1 - st.dfr[k] * iP;
      const ri = -st.dfi[k] * iP;
      xr[k] = wr[k] * rr - wi[k] * ri;
      xi[k] = wr[k] * ri + wi[k] * rr;
      xa[k] = l1(xr[k], xi[k]);
    }
  }
  fillPairs(e, st, work, parts, train);
  const out = work.out;
  out.eg = doubleSums(work.d, wr, wi, train ? e.p.sigma2 : NaN, work, n);
  out.etr = train ? SECOND : NaN;
  out.signal = parts ? doubleSums(work.signal!, wr, wi, NaN, work, n) : NaN;
  out.noise = parts ? e.p.sigma2 * doubleSums(work.noise!, wr, wi, NaN, work, n) : NaN;
  return out;
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
  /** The round-off floor of D (docs/theory.md §5.8): a D below it is 0 up to round-off. */
  floor: number;
} {
  const kappa = e.solver.solveReal(lam);
  const sp = e.sp;
  if (kappa > 0) allSumsReal(sp, kappa, realSums);
  else realSums.set([modeCount(sp), 0, 0, 0]);
  const [df, dfd, V, Vd] = realSums;
  const m = 1 - df * e.iN;
  const a = kappa * m;
  const ap = m - kappa * dfd * e.iN;
  // a/ap → 0 when κ → 0 (κ_* = 0); guard 0/0 when ap = 0 as well.
  const q = a === 0 ? 0 : a / ap;
  const Gamma = e.iP * (df + q * dfd);
  // BR = −a²φ'/a' with φ = V/(1 − df/N) (docs/theory.md §2, §5.4). At κ = 0 (more samples and
  // features than modes) only the never-learned power remains: S_w − U(0) = Σ_{λ=0} k^{-β}, taken
  // as that sum itself, not as the difference (0 in exact arithmetic when every λ_k > 0, but
  // the compressed U(0) misses S_w by up to 10⁻⁸ of it: an E_g(∞) the curve never settles at).
  const BR =
    kappa > 0 ? Math.max(0, (-kappa * kappa * (m * Vd + V * dfd * e.iN)) / ap) : nullPower(sp);
  const oneMinus = 1 - Gamma;
  const divergent = !(oneMinus > 1e-13);
  const sig2 = e.p.sigma2;
  const D = divergent ? Infinity : (BR + sig2 * Gamma) / oneMinus;
  // At the divergence a part is infinite only if its numerator is non-zero (0·∞ = 0 here).
  const signal = divergent ? (BR > 0 ? Infinity : 0) : BR / oneMinus;
  const noise = divergent ? (sig2 > 0 ? Infinity : 0) : (sig2 * Gamma) / oneMinus;
  const floor = divergent ? 0 : staticFloor(sp, BR, D, Gamma);
  return { kappa, df, a, Gamma, BR, D, signal, noise, divergent, floor };
}

/**
 * The round-off floor of the static error D (docs/theory.md §5.8): every sum in it has terms of
 * one sign (at κ = 0 the never-learned power is that sum itself, not S_w − U(0)), so only the
 * relative round-off of n-term sums remains, γ_n = n·u/(1 − n·u), with 1/(1 − Γ) amplifying
 * what Γ carries near the interpolation peak.
 */
function staticFloor(sp: Engine['sp'], BR: number, D: number, Gamma: number): number {
  const n = sp.lam.length + 2;
  const gn = (n * Number.EPSILON) / 2 / (1 - (n * Number.EPSILON) / 2);
  return (gn * BR) / (1 - Gamma) + gn * Math.abs(D) * (1 + Math.abs(Gamma) / (1 - Gamma));
}

const realSums = new Float64Array(4);

/** df(0) = Σ λ/λ: the number of modes with λ > 0 (κ = 0 arises only with finitely many). */
function modeCount(sp: Engine['sp']): number {
  let d = 0;
  for (let i = 0; i < sp.lam.length; i++) d += sp.wl[i] / sp.lam[i];
  return d;
}

/** Σ_{λ=0} k^{-β}: the power of a measured spectrum's zero modes (never learned); else 0. */
function nullPower(sp: Engine['sp']): number {
  return sp.tail && sp.tail.lamX === 0 ? sp.tail.Sw : 0;
}
