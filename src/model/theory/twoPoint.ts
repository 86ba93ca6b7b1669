// The two-point kernel of docs/theory.md §2 and its double inverse Laplace transform (§3):
//   Γ(λ,λ')  = (1/P) [a·df(κ) − b·df(κ')]/(a − b)
//   BR(λ,λ') = S_w − U(κ) − U(κ') + [a·U(κ) − b·U(κ')]/(a − b)
//   D(λ,λ')  = [BR + σ²Γ]/(1 − Γ)        (cross test error of two ridge predictors, no floor)
// with the diagonal (λ = λ') forms Γ = (1/P)[df + a df'/(da/dκ)], BR = S_w − U + a U'/(da/dκ).
//   E_g^mean(t)  = Re Σ_{j,k} c_j c_k D(s_j+γ, s_k+γ)/(s_j s_k)
//   E_tr^mean(t) = Re Σ_{j,k} c_j c_k (1 − df_j/P)(1 − df_k/P)(D + σ²)/(s_j s_k)
import type { Engine, NodeState } from './engine.ts';
import { allSumsReal } from './sums.ts';
import type { TalbotNodes } from './talbot.ts';

// Scratch complex result of the inline helpers below (no allocation in the hot path).
let RE = 0;
let IM = 0;

function cdiv(ar: number, ai: number, br: number, bi: number): void {
  // Smith's algorithm: robust against overflow for widely scaled operands.
  if (Math.abs(br) >= Math.abs(bi)) {
    const q = bi / br;
    const d = br + bi * q;
    RE = (ar + ai * q) / d;
    IM = (ai - ar * q) / d;
  } else {
    const q = br / bi;
    const d = br * q + bi;
    RE = (ar * q + ai) / d;
    IM = (ai * q - ar) / d;
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
    const qr = RE;
    const qi = IM;
    pn.gdr[j] = iP * (st.dfr[j] + qr * st.dfdr[j] - qi * st.dfdi[j]);
    pn.gdi[j] = iP * (st.dfi[j] + qr * st.dfdi[j] + qi * st.dfdr[j]);
    pn.bdr[j] = Sw - st.ur[j] + qr * st.udr[j] - qi * st.udi[j];
    pn.bdi[j] = -st.ui[j] + qr * st.udi[j] + qi * st.udr[j];
  }
}

/**
 * D between node x and node y (y conjugated when `conjY`). Result in RE, IM.
 * Falls back to the diagonal form when a_x ≈ a_y (docs/theory.md §5.6).
 */
function pairD(
  e: Engine,
  st: NodeState,
  pn: PairNodes,
  x: number,
  y: number,
  conjY: boolean,
): void {
  const s = conjY ? -1 : 1;
  const ayr = pn.ar[y];
  const ayi = s * pn.ai[y];
  const dr = pn.ar[x] - ayr;
  const di = pn.ai[x] - ayi;
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
    gr = e.iP * RE;
    gi = e.iP * IM;
    cdiv(pn.Br[x] - pn.Br[y], pn.Bi[x] - s * pn.Bi[y], dr, di);
    br = e.sp.Sw - st.ur[x] - st.ur[y] + RE;
    bi = -st.ui[x] - s * st.ui[y] + IM;
  }
  const sig2 = e.p.sigma2;
  cdiv(br + sig2 * gr, bi + sig2 * gi, 1 - gr, -gi);
}

export interface PairWork {
  pn: PairNodes;
  /** D(j,k) for k ≥ j ≥ 0 and D(j, k̄) for k ≥ j ≥ 1, mirrored by symmetry. */
  pr: Float64Array;
  pi: Float64Array;
  nr: Float64Array;
  ni: Float64Array;
  wr: Float64Array;
  wi: Float64Array;
}

export function allocPairWork(n: number): PairWork {
  return {
    pn: allocPairNodes(n),
    pr: new Float64Array(n * n),
    pi: new Float64Array(n * n),
    nr: new Float64Array(n * n),
    ni: new Float64Array(n * n),
    wr: new Float64Array(n),
    wi: new Float64Array(n),
  };
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
  withTrain: boolean,
): { eg: number; etr: number } {
  const n = nodes.n;
  const { pn, pr, pi, nr, ni, wr, wi } = work;
  preparePairNodes(e, st, pn);
  for (let j = 0; j < n; j++) {
    cdiv(nodes.cr[j], nodes.ci[j], nodes.sr[j], nodes.si[j]);
    wr[j] = RE;
    wi[j] = IM;
  }
  for (let j = 0; j < n; j++) {
    for (let k = j; k < n; k++) {
      pairD(e, st, pn, j, k, false);
      pr[j * n + k] = RE;
      pi[j * n + k] = IM;
      pr[k * n + j] = RE;
      pi[k * n + j] = IM;
    }
  }
  for (let k = 1; k < n; k++) {
    // D(0, k̄) = conj D(0, k)
    nr[k] = pr[k];
    ni[k] = -pi[k];
  }
  for (let j = 1; j < n; j++) {
    for (let k = j; k < n; k++) {
      pairD(e, st, pn, j, k, true);
      nr[j * n + k] = RE;
      ni[j * n + k] = IM;
      // D(k, j̄) = conj D(j, k̄)
      nr[k * n + j] = RE;
      ni[k * n + j] = -IM;
    }
  }
  const sig2 = e.p.sigma2;
  const iP = e.iP;
  let eg = 0;
  let etr = 0;
  for (let j = 0; j < n; j++) {
    let gR = 0;
    let gI = 0;
    let hR = 0;
    let hI = 0;
    for (let k = 0; k < n; k++) {
      // + w_k D(j,k)
      const dr = pr[j * n + k];
      const di = pi[j * n + k];
      const tr = wr[k] * dr - wi[k] * di;
      const ti = wr[k] * di + wi[k] * dr;
      gR += tr;
      gI += ti;
      if (withTrain) {
        // w_k ρ_k (D + σ²), ρ = 1 − df/P
        const rr = 1 - st.dfr[k] * iP;
        const ri = -st.dfi[k] * iP;
        const xr = wr[k] * rr - wi[k] * ri;
        const xi = wr[k] * ri + wi[k] * rr;
        hR += xr * (dr + sig2) - xi * di;
        hI += xr * di + xi * (dr + sig2);
      }
      if (k === 0) continue;
      // + w̄_k D(j, k̄)
      const er = nr[j * n + k];
      const ei = ni[j * n + k];
      gR += wr[k] * er + wi[k] * ei;
      gI += wr[k] * ei - wi[k] * er;
      if (withTrain) {
        const rr = 1 - st.dfr[k] * iP;
        const ri = st.dfi[k] * iP; // conj
        const xr = wr[k] * rr + wi[k] * ri; // w̄_k ρ̄_k
        const xi = wr[k] * ri - wi[k] * rr;
        hR += xr * (er + sig2) - xi * ei;
        hI += xr * ei + xi * (er + sig2);
      }
    }
    const m = j === 0 ? 1 : 2;
    eg += m * (wr[j] * gR - wi[j] * gI);
    if (withTrain) {
      const rr = 1 - st.dfr[j] * iP;
      const ri = -st.dfi[j] * iP;
      const xr = wr[j] * rr - wi[j] * ri;
      const xi = wr[j] * ri + wi[j] * rr;
      etr += m * (xr * hR - xi * hI);
    }
  }
  return { eg, etr };
}

/**
 * Diagonal two-point quantities at a real ridge (the static ridge / posterior-mean error of §4):
 * κ from λ = κ(1 − df/N)(1 − df/P), then Γ, BR and D = (BR + σ²Γ)/(1 − Γ).
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
  const D = divergent ? Infinity : (BR + e.p.sigma2 * Gamma) / oneMinus;
  return { kappa, df, a, Gamma, BR, D, divergent };
}

const realSums = new Float64Array(4);
