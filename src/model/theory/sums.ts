// The single-point spectral sums of docs/theory.md §1 at a complex ridge κ = kr + i·ki:
//   df(κ)  =  Σ λ/(λ+κ),          df'(κ) = −Σ λ/(λ+κ)²,
//   V(κ)   =  Σ k^{-β}/(λ+κ),     V'(κ)  = −Σ k^{-β}/(λ+κ)²,
// over the compressed node set of spectrum.ts (plus its analytic tail for M = ∞). The target sum
// of §1 is U = S_w − κV; the engine works with V because the bias of §2 written with V has no
// S_w to cancel (docs/theory.md §5.4), so it stays accurate when it is many decades below S_w.
// Complex arithmetic is written out by hand: these loops are the engine's hot path.
import type { Spectrum } from './spectrum.ts';

/**
 * Layout of the `out` buffer of dfSums and allSums: each sum is a complex (re, im) pair at
 * [offset, offset + 1]. dfSums writes df and df' (DF_SUMS values), allSums all four (ALL_SUMS).
 */
export const DF = 0;
export const DFD = 2;
export const V = 4;
export const VD = 6;
export const DF_SUMS = 4;
export const ALL_SUMS = 8;

/** df and df' only (the Newton iteration needs nothing else), at DF and DFD. */
export function dfSums(sp: Spectrum, kr: number, ki: number, out: Float64Array): void {
  const lam = sp.lam;
  const wl = sp.wl;
  const n = lam.length;
  let fr = 0;
  let fi = 0;
  let gr = 0;
  let gi = 0;
  for (let i = 0; i < n; i++) {
    const dr = lam[i] + kr;
    const q = 1 / (dr * dr + ki * ki);
    const ir = dr * q; // 1/(λ+κ) = (dr − i ki)/|d|²
    const ii = -ki * q;
    const w = wl[i];
    fr += w * ir;
    fi += w * ii;
    gr -= w * (ir * ir - ii * ii);
    gi -= w * 2 * ir * ii;
  }
  out[DF] = fr;
  out[DF + 1] = fi;
  out[DFD] = gr;
  out[DFD + 1] = gi;
  if (sp.tail) addTail(sp.tail.Ia, sp.tail.lamX, kr, ki, out, DF);
}

/**
 * All four sums, at DF, DFD, V and VD. With `store`, also the reciprocals 1/(λ_i + κ) and their
 * squares, (re, im, re², im²-part) per mode from `at` on, for vSumsStored.
 */
export function allSums(
  sp: Spectrum,
  kr: number,
  ki: number,
  out: Float64Array,
  store: Float64Array | null = null,
  at = 0,
): void {
  const lam = sp.lam;
  const wl = sp.wl;
  const wc = sp.wc;
  const n = lam.length;
  let fr = 0;
  let fi = 0;
  let gr = 0;
  let gi = 0;
  let ur = 0;
  let ui = 0;
  let vr = 0;
  let vi = 0;
  for (let i = 0; i < n; i++) {
    const dr = lam[i] + kr;
    const q = 1 / (dr * dr + ki * ki);
    const ir = dr * q;
    const ii = -ki * q;
    const sr = ir * ir - ii * ii;
    const si = 2 * ir * ii;
    if (store !== null) {
      const o = at + 4 * i;
      store[o] = ir;
      store[o + 1] = ii;
      store[o + 2] = sr;
      store[o + 3] = si;
    }
    const w = wl[i];
    const c = wc[i];
    fr += w * ir;
    fi += w * ii;
    gr -= w * sr;
    gi -= w * si;
    ur += c * ir;
    ui += c * ii;
    vr -= c * sr;
    vi -= c * si;
  }
  out[DF] = fr;
  out[DF + 1] = fi;
  out[DFD] = gr;
  out[DFD + 1] = gi;
  out[V] = ur;
  out[V + 1] = ui;
  out[VD] = vr;
  out[VD + 1] = vi;
  if (sp.tail) {
    // A tail writes a sum and its κ-derivative: df with df', V with V'.
    addTail(sp.tail.Ia, sp.tail.lamX, kr, ki, out, DF);
    addTail(sp.tail.Ic, sp.tail.lamX, kr, ki, out, V);
  }
}

/**
 * V and V' only (out[V..VD+1]): where df and df' at this κ are known already (engine.ts
 * KappaCache: they do not depend on the target). The same arithmetic as allSums; `store` as there.
 */
export function vSums(
  sp: Spectrum,
  kr: number,
  ki: number,
  out: Float64Array,
  store: Float64Array | null = null,
  at = 0,
): void {
  const lam = sp.lam;
  const wc = sp.wc;
  const n = lam.length;
  let ur = 0;
  let ui = 0;
  let vr = 0;
  let vi = 0;
  for (let i = 0; i < n; i++) {
    const dr = lam[i] + kr;
    const q = 1 / (dr * dr + ki * ki);
    const ir = dr * q;
    const ii = -ki * q;
    const sr = ir * ir - ii * ii;
    const si = 2 * ir * ii;
    if (store !== null) {
      const o = at + 4 * i;
      store[o] = ir;
      store[o + 1] = ii;
      store[o + 2] = sr;
      store[o + 3] = si;
    }
    const c = wc[i];
    ur += c * ir;
    ui += c * ii;
    vr -= c * sr;
    vi -= c * si;
  }
  out[V] = ur;
  out[V + 1] = ui;
  out[VD] = vr;
  out[VD + 1] = vi;
  if (sp.tail) addTail(sp.tail.Ic, sp.tail.lamX, kr, ki, out, V);
}

/**
 * V and V' from reciprocals stored by allSums or vSums at the same κ (another target on the same
 * eigenvalues: engine.ts KappaCache): multiply-adds only, and the same values as vSums.
 */
export function vSumsStored(
  sp: Spectrum,
  kr: number,
  ki: number,
  stored: Float64Array,
  at: number,
  out: Float64Array,
): void {
  const wc = sp.wc;
  const n = wc.length;
  let ur = 0;
  let ui = 0;
  let vr = 0;
  let vi = 0;
  for (let i = 0; i < n; i++) {
    const o = at + 4 * i;
    const c = wc[i];
    ur += c * stored[o];
    ui += c * stored[o + 1];
    vr -= c * stored[o + 2];
    vi -= c * stored[o + 3];
  }
  out[V] = ur;
  out[V + 1] = ui;
  out[VD] = vr;
  out[VD + 1] = vi;
  if (sp.tail) addTail(sp.tail.Ic, sp.tail.lamX, kr, ki, out, V);
}

/**
 * The second derivatives df'' = 2 Σ λ/(λ+κ)³ and V'' = 2 Σ k^{-β}/(λ+κ)³ into out[0..1] and
 * out[2..3]: needed only where two Talbot nodes are so close that a difference quotient of §2
 * would cancel (docs/theory.md §5.6).
 */
export function secondSums(sp: Spectrum, kr: number, ki: number, out: Float64Array): void {
  const lam = sp.lam;
  const wl = sp.wl;
  const wc = sp.wc;
  let fr = 0;
  let fi = 0;
  let vr = 0;
  let vi = 0;
  for (let i = 0; i < lam.length; i++) {
    const dr = lam[i] + kr;
    const q = 1 / (dr * dr + ki * ki);
    const ir = dr * q;
    const ii = -ki * q;
    const sr = ir * ir - ii * ii;
    const si = 2 * ir * ii;
    const cr = sr * ir - si * ii;
    const ci = sr * ii + si * ir;
    fr += 2 * wl[i] * cr;
    fi += 2 * wl[i] * ci;
    vr += 2 * wc[i] * cr;
    vi += 2 * wc[i] * ci;
  }
  out[0] = fr;
  out[1] = fi;
  out[2] = vr;
  out[3] = vi;
  if (sp.tail) {
    addTailSecond(sp.tail.Ia, kr, ki, out, 0);
    addTailSecond(sp.tail.Ic, kr, ki, out, 2);
  }
}

/** Σ_n (−1)^{n+1} n(n+1) I_n κ^{-n-2}, the second κ-derivative of the tail series, into out[o]. */
function addTailSecond(I: Float64Array, kr: number, ki: number, out: Float64Array, o: number) {
  const m2 = kr * kr + ki * ki;
  const zr = kr / m2;
  const zi = -ki / m2;
  // z^{n+2}, starting at n = 1
  let pr = zr * zr - zi * zi;
  let pi = 2 * zr * zi;
  {
    const r = pr * zr - pi * zi;
    pi = pr * zi + pi * zr;
    pr = r;
  }
  let sr = 0;
  let si = 0;
  for (let n = 1; n <= I.length; n++) {
    const a = (n % 2 === 1 ? 1 : -1) * n * (n + 1) * I[n - 1];
    const tr = a * pr;
    const ti = a * pi;
    sr += tr;
    si += ti;
    if (tr * tr + ti * ti < 1e-34 * (sr * sr + si * si)) break;
    const r = pr * zr - pi * zi;
    pi = pr * zi + pi * zr;
    pr = r;
  }
  out[o] += sr;
  out[o + 1] += si;
}

/**
 * Tail beyond X: Σ_n (−1)^{n+1} κ^{-n} I_n into out[o], o+1 and its κ-derivative
 * Σ_n (−1)^n n κ^{-n-1} I_n into out[o+2], o+3. Converges when λ_X < |κ|.
 */
function addTail(
  I: Float64Array,
  lamX: number,
  kr: number,
  ki: number,
  out: Float64Array,
  o: number,
): void {
  const m2 = kr * kr + ki * ki;
  if (!(m2 > lamX * lamX)) {
    // The node set was built for larger |κ|; callers choose the floor so this cannot happen.
    throw new RangeError(
      `spectral tail: |κ| = ${Math.sqrt(m2)} below the quadrature floor ${lamX}`,
    );
  }
  const zr = kr / m2; // z = 1/κ
  const zi = -ki / m2;
  let pr = zr; // z^n
  let pi = zi;
  let sr = 0;
  let si = 0;
  let dr = 0;
  let di = 0;
  for (let n = 1; n <= I.length; n++) {
    const sign = n % 2 === 1 ? 1 : -1;
    const a = sign * I[n - 1];
    const tr = a * pr;
    const ti = a * pi;
    sr += tr;
    si += ti;
    // derivative term: −n z^{n+1} · (−1)^{n+1} I_n = −n·z·term
    const ur = tr * zr - ti * zi;
    const ui = tr * zi + ti * zr;
    dr -= n * ur;
    di -= n * ui;
    if (tr * tr + ti * ti < 1e-34 * (sr * sr + si * si)) break;
    const nr = pr * zr - pi * zi;
    pi = pr * zi + pi * zr;
    pr = nr;
  }
  out[o] += sr;
  out[o + 1] += si;
  out[o + 2] += dr;
  out[o + 3] += di;
}

/** Real-κ df (κ > 0) — used by the real solvers. */
export function dfReal(sp: Spectrum, k: number): number {
  const lam = sp.lam;
  const wl = sp.wl;
  let s = 0;
  for (let i = 0; i < lam.length; i++) s += wl[i] / (lam[i] + k);
  if (sp.tail) {
    tailReal(sp.tail.Ia, k, realBuf, 0);
    s += realBuf[0];
  }
  return s;
}

const realBuf = new Float64Array(2);

/** All four sums at real κ > 0: out[0..3] = df, df', V, V'. */
export function allSumsReal(sp: Spectrum, k: number, out: Float64Array): void {
  let df = 0;
  let dfd = 0;
  let V = 0;
  let Vd = 0;
  for (let i = 0; i < sp.lam.length; i++) {
    const inv = 1 / (sp.lam[i] + k);
    df += sp.wl[i] * inv;
    dfd -= sp.wl[i] * inv * inv;
    V += sp.wc[i] * inv;
    Vd -= sp.wc[i] * inv * inv;
  }
  if (sp.tail) {
    tailReal(sp.tail.Ia, k, realBuf, 0);
    df += realBuf[0];
    dfd += realBuf[1];
    tailReal(sp.tail.Ic, k, realBuf, 0);
    V += realBuf[0];
    Vd += realBuf[1];
  }
  out[0] = df;
  out[1] = dfd;
  out[2] = V;
  out[3] = Vd;
}

/** Real tail series Σ (−1)^{n+1} I_n k^{-n} into out[o] and its derivative into out[o+1]. */
function tailReal(I: Float64Array, k: number, out: Float64Array, o: number): void {
  const z = 1 / k;
  let p = z;
  let s = 0;
  let d = 0;
  for (let n = 1; n <= I.length; n++) {
    const t = (n % 2 === 1 ? 1 : -1) * I[n - 1] * p;
    s += t;
    d -= n * z * t;
    if (Math.abs(t) < 1e-17 * Math.abs(s)) break;
    p *= z;
  }
  out[o] = s;
  out[o + 1] = d;
}
