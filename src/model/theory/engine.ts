// The evaluation context shared by every theory computation: the compressed spectrum, the κ solver
// and the per-node single-point quantities of docs/theory.md §1 at the Talbot nodes of §3.
import { KappaSolver } from './kappa.ts';
import { effectiveParams, MODEL_KEYS, ParamError, validateParams, type Params } from '../params.ts';
import { getSpectrum, type Spectrum } from './spectrum.ts';
import { dataSpectrum } from './dataSpectra.ts';
import { ALL_SUMS, allSums, DF, DFD, dfSums, V, VD, vSums, vSumsStored } from './sums.ts';
import { keptNodes, TALBOT_NODES, type TalbotNodes } from './talbot.ts';
import { WORK } from './work.ts';

export interface Engine {
  /** Effective parameters (inactive ones neutralised for the regime). */
  p: Params;
  sp: Spectrum;
  solver: KappaSolver;
  iN: number;
  iP: number;
  /** κ solves shared with other engines of the same eigenvalues, N and P (a batch over β). */
  cache: KappaCache | null;
}

/**
 * κ at the Talbot nodes of the times already solved, shared by the engines of a batch whose
 * κ(λ) is the same: the same eigenvalue nodes (Spectrum.lamKey), N and P. κ does not depend on
 * the target (β), so along a column of the phase diagram each time is solved once and the other
 * points only sum their target at the known κ (docs/theory.md §5.3). A hit returns exactly what
 * the solve would have (the warm-start history is kept as if solved), so results do not depend
 * on whether a cache is used.
 *
 * A cache may also outlive one computation (the app's curve worker keeps one across requests: a
 * slider that leaves κ alone, β, σ², σ0², T or the time grid, then solves nothing at the times
 * it solved before). Such a cache is bounded: it keeps the tables of the `maxTables` eigenvalue
 * sets used last and at most `maxTimes` times in all, dropping the times used longest ago (a hit
 * counts as a use, so the scan's times, which every curve of a table reads, stay). The bound is
 * enforced when a table is fetched, before a computation, never during one: a computation always
 * finds the times it solved itself.
 */
export class KappaCache {
  private readonly tables = new Map<string, KappaTable>();
  /**
   * The reciprocals 1/(λ_i + κ) and their squares at the nodes of the latest time whose sums were
   * computed in full (table and time below): in a batch that runs its targets in lockstep
   * (dynamics.ts scanLockstep), the other targets at that time sum V by multiply-adds alone.
   */
  recip = new Float64Array(0);
  recipTable: KappaTable | null = null;
  recipT = NaN;
  /**
   * Batches in lockstep running now (lockstep below): only they store the reciprocals. A single
   * target never reads them back, and storing them costs it 5–6 % of a new time (measured in Node
   * on a dragged α and n_t).
   */
  private batches = 0;

  /** Whether the reciprocals are stored for the other targets of a batch (fillSums). */
  get sharesReciprocals(): boolean {
    return this.batches > 0;
  }

  /** Run a batch of targets in lockstep: they share the reciprocals of each time's sums. */
  lockstep<T>(run: () => T): T {
    this.batches++;
    try {
      return run();
    } finally {
      this.batches--;
    }
  }

  constructor(
    private readonly limits: { maxTables: number; maxTimes: number } = {
      maxTables: Infinity,
      maxTimes: Infinity,
    },
  ) {}

  /**
   * The table of κ by time for an engine's eigenvalues, N and P and a node map (shift, scale,
   * order of the rule); null when the spectrum has no key (measured spectra: no sharing).
   */
  table(e: Engine, shift: number, scale: number, order: number): KappaTable | null {
    const k = e.sp.lamKey;
    if (k === undefined) return null;
    const key = `${k}|${e.iN}|${e.iP}|${shift}|${scale}|${order}`;
    let tb = this.tables.get(key);
    // Used last: to the end of the map's order (the first is evicted first).
    if (tb) this.tables.delete(key);
    else tb = new Map();
    this.tables.set(key, tb);
    for (const old of this.tables.keys()) {
      if (this.tables.size <= this.limits.maxTables) break;
      if (this.tables.get(old) === this.recipTable) this.recipTable = null;
      this.tables.delete(old);
    }
    this.trim();
    return tb;
  }

  /**
   * At most `maxTimes` times in all: drop the times used longest ago, from the tables used
   * longest ago first (a table's map is in order of use: solveNodes moves a hit to its end).
   */
  private trim(): void {
    let excess = -this.limits.maxTimes;
    for (const tb of this.tables.values()) excess += tb.size;
    for (const tb of this.tables.values()) {
      if (excess <= 0) break;
      if (tb === this.recipTable) this.recipTable = null;
      if (tb.size <= excess) {
        excess -= tb.size;
        tb.clear();
        continue;
      }
      let n = excess;
      for (const t of tb.keys()) {
        if (n-- === 0) break;
        tb.delete(t);
      }
      excess = 0;
    }
  }

  /** Tables and times held (what bounds its memory). */
  get size(): { tables: number; times: number } {
    let times = 0;
    for (const tb of this.tables.values()) times += tb.size;
    return { tables: this.tables.size, times };
  }
}

/**
 * Bounds of a cache kept across requests (the curve worker's): 16 tables, 8000 times in all, at
 * about 0.8 kB a time (ten arrays of the kept nodes) some 7 MB. A dragged n_t or time window adds
 * up to 400 times a curve; the scan's times, read by every curve, stay.
 */
export const SESSION_CACHE = { maxTables: 16, maxTimes: 8000 } as const;

/**
 * By time: κ, df and df' at the stored nodes (re then im), then V and V' of the target that summed
 * them last (vTarget).
 */
export type KappaTable = Map<number, Float64Array>;

/**
 * Check the domain of the theory: the model parameters as the table declares them (P, N, M may be
 * fractional: the equations are analytic in them), and any positive, finite time window (the
 * compute-optimal search evaluates times beyond the window a user may ask for).
 */
function assertDomain(p: Params, { powerLaw }: { powerLaw: boolean }): void {
  // A measured spectrum is a finite sum with its own modes: its fitted α, β and its rank M need
  // not lie in the power law's ranges.
  const own = ['alpha', 'beta', 'M'];
  const keys = powerLaw ? MODEL_KEYS : MODEL_KEYS.filter((k) => !own.includes(k));
  validateParams(p, { keys, integers: false });
  if (!(p.tmin > 0) || !Number.isFinite(p.tmin))
    throw new ParamError('tmin', `tmin must be > 0, got ${p.tmin}`);
  if (!(p.tmax > p.tmin) || !Number.isFinite(p.tmax))
    throw new ParamError('tmax', `tmax must be finite and > tmin, got ${p.tmax}`);
}

/**
 * Smallest |κ| the computation can meet: κ_* ≥ (2n)^{-α} with n = min(N, P) (df ≥ ½·#{λ_k ≥ κ}),
 * and |κ(λ)| ≳ |λ| ≥ 0.26·r at the Talbot nodes, r = 2M_t/(5 t_max), halved for the Langevin
 * variable γ + s/2. The spectrum's analytic tail starts twenty times below this.
 */
function kappaFloor(p: Params, tmax: number): number {
  const n = Math.min(p.N, p.P);
  const star = Number.isFinite(n) ? Math.pow(2 * n, -p.alpha) : Infinity;
  const rmin = (2 * TALBOT_NODES) / (5 * tmax);
  return Math.min(star, 0.1 * rmin) / 4;
}

/**
 * The engine for the parameters. With measured data (a pool source or a file) the spectrum is the
 * registered one (`fitted`: its fitted power laws instead), and α, β, M of the effective
 * parameters become the fitted exponents and the number of positive modes.
 */
export function makeEngine(
  params: Params,
  tmax: number = params.tmax,
  fitted = false,
  cache: KappaCache | null = null,
): Engine {
  let p = effectiveParams(params);
  const data = dataSpectrum(p);
  let sp: Spectrum;
  if (data) {
    sp = fitted ? data.fitted : data.measured;
    p = { ...p, alpha: sp.alpha, beta: sp.beta, M: sp.M };
    assertDomain(p, { powerLaw: false });
  } else {
    assertDomain(p, { powerLaw: true });
    sp = getSpectrum(p.alpha, p.beta, p.M, kappaFloor(p, Math.max(tmax, p.tmax)));
  }
  const solver = new KappaSolver(sp, p.N, p.P);
  return { p, sp, solver, iN: solver.iN, iP: solver.iP, cache };
}

/** Single-point quantities at the nodes λ_j = shift + scale·s_j (j = 0..n−1). */
export interface NodeState {
  n: number;
  kr: Float64Array;
  ki: Float64Array;
  /** df, df' (derivative), V = Σ k^{-β}/(λ+κ), V' */
  dfr: Float64Array;
  dfi: Float64Array;
  dfdr: Float64Array;
  dfdi: Float64Array;
  vr: Float64Array;
  vi: Float64Array;
  vdr: Float64Array;
  vdi: Float64Array;
  /** a = κ(1 − df/N) and da/dκ = 1 − df/N − κ df'/N */
  ar: Float64Array;
  ai: Float64Array;
  apr: Float64Array;
  api: Float64Array;
}

export function allocState(n: number = keptNodes(TALBOT_NODES)): NodeState {
  const f = () => new Float64Array(n);
  return {
    n,
    kr: f(),
    ki: f(),
    dfr: f(),
    dfi: f(),
    dfdr: f(),
    dfdi: f(),
    vr: f(),
    vi: f(),
    vdr: f(),
    vdi: f(),
    ar: f(),
    ai: f(),
    apr: f(),
    api: f(),
  };
}

const sumBuf = new Float64Array(ALL_SUMS);
const kBuf = new Float64Array(2);

/**
 * κ at the nodes of the two previous times, for warm starts: on a log time grid each node moves
 * along a ray (s ∝ 1/t), and log κ is smooth in log t, so a secant extrapolation in (log t, log κ)
 * lands within a Newton step or two of the root.
 */
export interface NodeHistory {
  count: number;
  t1: number;
  t2: number;
  shift: number;
  k1r: Float64Array;
  k1i: Float64Array;
  k2r: Float64Array;
  k2i: Float64Array;
}

export function allocHistory(n: number = keptNodes(TALBOT_NODES)): NodeHistory {
  const f = () => new Float64Array(n);
  return { count: 0, t1: 0, t2: 0, shift: NaN, k1r: f(), k1i: f(), k2r: f(), k2i: f() };
}

/** Largest step in log t for which the history is trusted (otherwise: path continuation). */
const MAX_WARM_STEP = Math.log(3);

/**
 * Solve κ at λ_j = shift + scale·s_j (the Talbot nodes s_j of time t): from the table when this
 * time was solved for the same eigenvalues before (a batch over β), else warm-started Newton from
 * the extrapolated history when the previous times are close, else the real node by a bracketed
 * solver and damped-Newton continuation along j (docs/theory.md §5.3). Then the spectral sums at
 * each κ (withV: also V, V'; the Langevin and init terms need df only).
 */
export function solveNodes(
  e: Engine,
  nodes: TalbotNodes,
  st: NodeState,
  shift: number,
  scale: number,
  withV: boolean,
  hist: NodeHistory,
  t: number,
  table: KappaTable | null,
): void {
  const n = nodes.n;
  const hit = table === null ? undefined : table.get(t);
  if (hit) {
    // Used now: to the end of the table's order (KappaCache.trim drops the first).
    table!.delete(t);
    table!.set(t, hit);
    // κ, df and df' at the nodes: kr, ki, dfr, dfi, dfdr, dfdi (n each).
    for (let j = 0; j < n; j++) {
      st.kr[j] = hit[j];
      st.ki[j] = hit[n + j];
      st.dfr[j] = hit[2 * n + j];
      st.dfi[j] = hit[3 * n + j];
      st.dfdr[j] = hit[4 * n + j];
      st.dfdi[j] = hit[5 * n + j];
    }
    WORK.cachedNodes += n;
  } else solveAt(e, nodes, st, shift, scale, hist, t);
  // The history moves on as if solved, so a later miss warm-starts exactly as without a table.
  if (hist.shift !== shift) hist.count = 0;
  hist.shift = shift;
  hist.k2r.set(hist.k1r);
  hist.k2i.set(hist.k1i);
  hist.k1r.set(st.kr);
  hist.k1i.set(st.ki);
  hist.t2 = hist.t1;
  hist.t1 = t;
  hist.count++;
  // V, V' at these κ for this target, summed before (a slider that leaves κ and the target alone:
  // σ², σ0², T, the time window): copied, not summed again (the same values: vSums).
  const vKnown = withV && hit !== undefined && vTarget.get(hit) === e.sp;
  if (vKnown) {
    for (let j = 0; j < n; j++) {
      st.vr[j] = hit[6 * n + j];
      st.vi[j] = hit[7 * n + j];
      st.vdr[j] = hit[8 * n + j];
      st.vdi[j] = hit[9 * n + j];
    }
    WORK.cachedV += n;
  }
  const sumV = withV && !vKnown;
  fillSums(e, st, sumV, hit !== undefined, sumV ? table : null, t);
  if (table === null) return;
  let entry = hit;
  if (!entry) {
    entry = new Float64Array(10 * n);
    [st.kr, st.ki, st.dfr, st.dfi, st.dfdr, st.dfdi].forEach((a, i) => entry!.set(a, i * n));
    table.set(t, entry);
  }
  if (sumV) {
    [st.vr, st.vi, st.vdr, st.vdi].forEach((a, i) => entry!.set(a.subarray(0, n), (6 + i) * n));
    vTarget.set(entry, e.sp);
  }
}

/** The spectrum (its target) whose V, V' a KappaTable entry holds at its places 6n…10n. */
const vTarget = new WeakMap<Float64Array, Spectrum>();

/** κ at the nodes: warm start from the history, else the real node and continuation (§5.3). */
function solveAt(
  e: Engine,
  nodes: TalbotNodes,
  st: NodeState,
  shift: number,
  scale: number,
  hist: NodeHistory,
  t: number,
): void {
  const n = nodes.n;
  let warm =
    hist.count >= 2 &&
    hist.shift === shift &&
    Math.abs(Math.log(t / hist.t1)) <= MAX_WARM_STEP &&
    Math.abs(Math.log(hist.t1 / hist.t2)) <= MAX_WARM_STEP &&
    hist.t1 !== hist.t2;
  if (warm) {
    const rho = Math.log(t / hist.t1) / Math.log(hist.t1 / hist.t2);
    for (let j = 0; j < n && warm; j++) {
      // guess = κ1 · (κ1/κ2)^ρ
      const ar = hist.k1r[j];
      const ai = hist.k1i[j];
      const br = hist.k2r[j];
      const bi = hist.k2i[j];
      const bm = br * br + bi * bi;
      const qr = (ar * br + ai * bi) / bm;
      const qi = (ai * br - ar * bi) / bm;
      const lm = 0.5 * Math.log(qr * qr + qi * qi) * rho;
      const la = Math.atan2(qi, qr) * rho;
      const m = Math.exp(lm);
      const gr = m * (ar * Math.cos(la) - ai * Math.sin(la));
      const gi = m * (ar * Math.sin(la) + ai * Math.cos(la));
      const lr = shift + scale * nodes.sr[j];
      const li = scale * nodes.si[j];
      const before = e.solver.iterations;
      const ok = e.solver.solveComplex(lr, li, gr, j === 0 ? 0 : gi, kBuf);
      const mr = kBuf[0] - gr;
      const mi = kBuf[1] - gi;
      if (
        !ok ||
        e.solver.iterations - before > 8 ||
        mr * mr + mi * mi > 0.0625 * (gr * gr + gi * gi)
      )
        warm = false;
      st.kr[j] = kBuf[0];
      st.ki[j] = j === 0 ? 0 : kBuf[1];
    }
  }
  if (!warm) {
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
  }
}

/**
 * Spectral sums and a, da/dκ at the κ already in `st` (dfKnown: df and df' are there too, from
 * a KappaCache; only the target's V sums are left).
 */
function fillSums(
  e: Engine,
  st: NodeState,
  withV: boolean,
  dfKnown: boolean,
  table: KappaTable | null,
  t: number,
): void {
  const iN = e.iN;
  const m = e.sp.lam.length;
  // Another target has summed at these κ just before: its reciprocals serve (KappaCache.recip).
  const c = table !== null ? e.cache : null;
  const stored = c !== null && dfKnown && c.recipTable === table && c.recipT === t;
  let store: Float64Array | null = null;
  if (c !== null && !stored && c.sharesReciprocals) {
    if (c.recip.length < 4 * m * st.n) c.recip = new Float64Array(4 * m * st.n);
    store = c.recip;
    c.recipTable = table;
    c.recipT = t;
  }
  if (stored) WORK.storedPasses += st.n;
  else if (withV || !dfKnown) {
    WORK.sumPasses += st.n;
    WORK.modeTerms += st.n * m;
  }
  for (let j = 0; j < st.n; j++) {
    const kr = st.kr[j];
    const ki = st.ki[j];
    // The Langevin/init terms need df only: skip the V sums there.
    if (stored) vSumsStored(e.sp, kr, ki, c.recip, 4 * m * j, sumBuf);
    else if (dfKnown) {
      if (withV) vSums(e.sp, kr, ki, sumBuf, store, 4 * m * j);
    } else if (withV) allSums(e.sp, kr, ki, sumBuf, store, 4 * m * j);
    else dfSums(e.sp, kr, ki, sumBuf);
    if (!dfKnown) {
      st.dfr[j] = sumBuf[DF];
      st.dfi[j] = sumBuf[DF + 1];
      st.dfdr[j] = sumBuf[DFD];
      st.dfdi[j] = sumBuf[DFD + 1];
    }
    const dfr = st.dfr[j];
    const dfi = st.dfi[j];
    const dfdr = st.dfdr[j];
    const dfdi = st.dfdi[j];
    if (withV) {
      st.vr[j] = sumBuf[V];
      st.vi[j] = sumBuf[V + 1];
      st.vdr[j] = sumBuf[VD];
      st.vdi[j] = sumBuf[VD + 1];
    }
    // a = κ (1 − df iN)
    const mr = 1 - dfr * iN;
    const mi = -dfi * iN;
    st.ar[j] = kr * mr - ki * mi;
    st.ai[j] = kr * mi + ki * mr;
    // da/dκ = 1 − df iN − κ df' iN
    st.apr[j] = mr - (kr * dfdr - ki * dfdi) * iN;
    st.api[j] = mi - (kr * dfdi + ki * dfdr) * iN;
  }
}
