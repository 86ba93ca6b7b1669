// The evaluation context shared by every theory computation: the compressed spectrum, the κ solver
// and the per-node single-point quantities of THEORY.md §1 at the Talbot nodes of §3.
import { KappaSolver } from './kappa.ts';
import { effectiveParams, ParamError, type Params } from './params.ts';
import { getSpectrum, type Spectrum } from './spectrum.ts';
import { allSums } from './sums.ts';
import { TALBOT_NODES, type TalbotNodes } from './talbot.ts';

export interface Engine {
  /** Effective parameters (inactive ones neutralised for the regime). */
  p: Params;
  sp: Spectrum;
  solver: KappaSolver;
  iN: number;
  iP: number;
}

/** Check the numeric domain of the theory; throws ParamError naming the parameter. */
export function assertDomain(p: Params): void {
  const pos = (k: keyof Params, v: number, min: number, inf = false) => {
    if (!(v >= min) || (!inf && !Number.isFinite(v)) || Number.isNaN(v))
      throw new ParamError(k, `${String(k)} must be ≥ ${min}${inf ? ' or inf' : ' and finite'}, got ${v}`);
  };
  if (!(p.alpha > 1) || !Number.isFinite(p.alpha))
    throw new ParamError('alpha', `alpha must be > 1 (sums converge only for α > 1), got ${p.alpha}`);
  if (!(p.beta > 1) || !Number.isFinite(p.beta))
    throw new ParamError('beta', `beta must be > 1 (finite target power), got ${p.beta}`);
  pos('P', p.P, 1);
  pos('N', p.N, 1, true);
  pos('M', p.M, 1, true);
  pos('sigma2', p.sigma2, 0);
  pos('gamma', p.gamma, 0);
  pos('T', p.T, 0);
  pos('sigma02', p.sigma02, 0);
  if (!(p.tmin > 0) || !Number.isFinite(p.tmin)) throw new ParamError('tmin', `tmin must be > 0, got ${p.tmin}`);
  if (!(p.tmax > p.tmin) || !Number.isFinite(p.tmax))
    throw new ParamError('tmax', `tmax must be finite and > tmin, got ${p.tmax}`);
}

/**
 * Smallest |κ| the computation can meet: κ_* ≥ (2n)^{-α} with n = min(N, P) (df ≥ ½·#{λ_k ≥ κ}),
 * and |κ(λ)| ≳ |λ| ≥ 0.26·r at the Talbot nodes, r = 2M_t/(5 t_max), halved for the Langevin
 * variable γ + s/2. The spectrum's analytic tail starts twenty times below this.
 */
export function kappaFloor(p: Params, tmax: number): number {
  const n = Math.min(p.N, p.P);
  const star = Number.isFinite(n) ? Math.pow(2 * n, -p.alpha) : Infinity;
  const rmin = (2 * TALBOT_NODES) / (5 * tmax);
  return Math.min(star, 0.1 * rmin) / 4;
}

export function makeEngine(params: Params, tmax: number = params.tmax): Engine {
  const p = effectiveParams(params);
  assertDomain(p);
  const sp = getSpectrum(p.alpha, p.beta, p.M, kappaFloor(p, Math.max(tmax, p.tmax)));
  const solver = new KappaSolver(sp, p.N, p.P);
  return { p, sp, solver, iN: solver.iN, iP: solver.iP };
}

/** Single-point quantities at the nodes λ_j = shift + scale·s_j (j = 0..n−1). */
export interface NodeState {
  n: number;
  kr: Float64Array;
  ki: Float64Array;
  /** df, df' (derivative), U, U' */
  dfr: Float64Array;
  dfi: Float64Array;
  dfdr: Float64Array;
  dfdi: Float64Array;
  ur: Float64Array;
  ui: Float64Array;
  udr: Float64Array;
  udi: Float64Array;
  /** a = κ(1 − df/N) and da/dκ = 1 − df/N − κ df'/N */
  ar: Float64Array;
  ai: Float64Array;
  apr: Float64Array;
  api: Float64Array;
}

export function allocState(n: number = TALBOT_NODES): NodeState {
  const f = () => new Float64Array(n);
  return {
    n,
    kr: f(),
    ki: f(),
    dfr: f(),
    dfi: f(),
    dfdr: f(),
    dfdi: f(),
    ur: f(),
    ui: f(),
    udr: f(),
    udi: f(),
    ar: f(),
    ai: f(),
    apr: f(),
    api: f(),
  };
}

const sumBuf = new Float64Array(8);
const kBuf = new Float64Array(2);

/**
 * Solve κ at λ_j = shift + scale·s_j: the real node by a bracketed solver, then damped-Newton
 * continuation along j (THEORY.md §3, "κ at the nodes"); then the four spectral sums at each κ.
 */
export function solveNodes(
  e: Engine,
  nodes: TalbotNodes,
  shift: number,
  scale: number,
  st: NodeState,
  withU = true,
): void {
  const n = nodes.n;
  let lr = shift + scale * nodes.sr[0];
  let li = 0;
  st.kr[0] = e.solver.solveReal(lr);
  st.ki[0] = 0;
  for (let j = 1; j < n; j++) {
    const nr = shift + scale * nodes.sr[j];
    const ni = scale * nodes.si[j];
    e.solver.continueTo(lr, li, st.kr[j - 1], st.ki[j - 1], nr, ni, kBuf);
    st.kr[j] = kBuf[0];
    st.ki[j] = kBuf[1];
    lr = nr;
    li = ni;
  }
  fillSums(e, st, withU);
}

/** Spectral sums and a, da/dκ at the κ already in `st`. */
export function fillSums(e: Engine, st: NodeState, withU = true): void {
  const iN = e.iN;
  for (let j = 0; j < st.n; j++) {
    const kr = st.kr[j];
    const ki = st.ki[j];
    allSums(e.sp, kr, ki, sumBuf);
    st.dfr[j] = sumBuf[0];
    st.dfi[j] = sumBuf[1];
    st.dfdr[j] = sumBuf[2];
    st.dfdi[j] = sumBuf[3];
    if (withU) {
      st.ur[j] = sumBuf[4];
      st.ui[j] = sumBuf[5];
      st.udr[j] = sumBuf[6];
      st.udi[j] = sumBuf[7];
    }
    // a = κ (1 − df iN)
    const mr = 1 - sumBuf[0] * iN;
    const mi = -sumBuf[1] * iN;
    st.ar[j] = kr * mr - ki * mi;
    st.ai[j] = kr * mi + ki * mr;
    // da/dκ = 1 − df iN − κ df' iN
    st.apr[j] = mr - (kr * sumBuf[2] - ki * sumBuf[3]) * iN;
    st.api[j] = mi - (kr * sumBuf[3] + ki * sumBuf[2]) * iN;
  }
}
