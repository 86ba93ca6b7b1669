// Mode compression (docs/theory.md §5.1): every spectral sum Σ_k φ(λ_k, k^{-β}) is replaced by a
// weighted sum over a few nodes:
//   k = 1..K0 exactly; the tail k ∈ (K0, M] by the midpoint Euler–Maclaurin rule
//   Σ_{k=K0+1}^{M} φ(k) ≈ ∫_{K0+½}^{M+½} φ(x) dx − (1/24)[φ'(M+½) − φ'(K0+½)],
// the integral by composite Gauss–Legendre in v = log λ (one panel per decade of λ: the only
// feature of the integrands, the pole at λ = −κ, has a fixed width in v), the end derivatives by
// central differences (two pseudo-nodes each). For M = ∞ the quadrature stops at x = X, where
// λ_X is far below every |κ| the caller will meet, and the rest is an analytic series in λ/κ:
//   ∫_X^∞ x^{-p} dx = X^{1−p}/(p − 1),  λ/(λ+κ) = Σ_{n≥1} (−1)^{n+1} (λ/κ)^n.

export interface Spectrum {
  alpha: number;
  beta: number;
  /** Number of modes (Infinity allowed). */
  M: number;
  /** Node eigenvalues λ_i. */
  lam: Float64Array;
  /** Node weight × λ_i (for df-type sums). */
  wl: Float64Array;
  /** Node weight × λ_i × k_i^{-β} (for U-type sums). */
  wlc: Float64Array;
  /** Node weight × k_i^{-β}. */
  wc: Float64Array;
  /** Node positions (mode index, possibly fractional). */
  x: Float64Array;
  /** S_w = Σ k^{-β}, S_λ = Σ λ_k (including the tail). */
  Sw: number;
  Slam: number;
  /** Analytic tail beyond X (M = ∞ only), or the never-learned zero modes of a measured one. */
  tail: SpectrumTail | null;
  /** Measured spectra: the eigenvalue of each mode k = 1..M (the mode panel's λ_k). */
  modeLam?: Float64Array;
  /**
   * Identifies the eigenvalue nodes (λ_i, weights of df and the tail of df) independently of the
   * target: spectra with the same key have the same κ(λ) (κ does not depend on β), so a batch
   * over β can share its κ solves (engine.ts KappaCache). Absent: no sharing.
   */
  lamKey?: string;
}

export interface SpectrumTail {
  X: number;
  /** λ_X = X^{-α}: the series converges for |κ| > λ_X (fast for |κ| ≫ λ_X). */
  lamX: number;
  /** I_{nα} = ∫_X^∞ x^{-nα} dx, n = 1..len. */
  Ia: Float64Array;
  /** J_n = Σ_{k>X} k^{-β} λ_k^{n−1} ≈ I_{(n−1)α+β}, n = 1..len: the series of
   *  Σ_{k>X} k^{-β}/(λ_k + κ) = Σ_n (−1)^{n+1} J_n κ^{-n} (J_1 is the target power beyond X). */
  Ic: Float64Array;
  /** Σ_{k>X} k^{-β} ≈ X^{1−β}/(β − 1): the target power beyond the last node. */
  Sw: number;
}

/** Modes summed exactly before the quadrature starts. */
const K_EXACT = 24;
/** Below this many modes every sum is exact. */
export const M_EXACT_MAX = 600;
/** Gauss–Legendre nodes per decade of λ. */
const GL_ORDER = 8;
const TAIL_TERMS = 40;

// Gauss–Legendre nodes/weights on [−1, 1] by Newton on the Legendre recurrence.
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = 0;
      for (let j = 1; j <= n; j++) {
        const p2 = p1;
        p1 = p0;
        p0 = ((2 * j - 1) * z * p1 - (j - 1) * p2) / j;
      }
      dp = (n * (z * p0 - p1)) / (z * z - 1);
      const dz = p0 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = -z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const GL = gaussLegendre(GL_ORDER);

class NodeList {
  x: number[] = [];
  w: number[] = [];
  push(x: number, w: number): void {
    this.x.push(x);
    this.w.push(w);
  }
}

/**
 * Build the node set for λ_k = k^{-α}, target power k^{-β}, k = 1..M.
 * `lamFloor`: the smallest |κ| (ridge scale) the caller will evaluate; for M = ∞ the quadrature
 * runs down to λ_X = lamFloor/20 so the analytic tail converges geometrically (ratio ≤ 1/20).
 */
export function buildSpectrum(alpha: number, beta: number, M: number, lamFloor: number): Spectrum {
  const nodes = new NodeList();
  const exactAll = Number.isFinite(M) && M <= M_EXACT_MAX;
  const K0 = exactAll ? M : Math.min(K_EXACT, M);
  for (let k = 1; k <= K0; k++) nodes.push(k, 1);

  let tail: SpectrumTail | null = null;
  if (!exactAll) {
    const a = K0 + 0.5;
    let b: number;
    if (Number.isFinite(M)) b = M + 0.5;
    else {
      const lamX = Math.max(lamFloor, 1e-300) / 20;
      b = Math.max(Math.pow(lamX, -1 / alpha), 4 * a);
    }
    // Panels in v = −α log x, one decade of λ each (the last one shorter).
    const va = -alpha * Math.log(a);
    const vb = -alpha * Math.log(b);
    const panels = Math.max(1, Math.ceil((va - vb) / Math.LN10 - 1e-9));
    const dv = (va - vb) / panels;
    for (let p = 0; p < panels; p++) {
      const v0 = va - p * dv;
      for (let g = 0; g < GL_ORDER; g++) {
        const v = v0 - 0.5 * dv * (1 + GL.x[g]);
        const x = Math.exp(-v / alpha);
        // dx = (x/α) dv
        nodes.push(x, (GL.w[g] * 0.5 * dv * x) / alpha);
      }
    }
    // Euler–Maclaurin end corrections: +φ'(a)/24 and −φ'(b)/24 (finite M), central differences.
    const h = 0.5;
    nodes.push(a + h, 1 / (48 * h));
    nodes.push(a - h, -1 / (48 * h));
    if (Number.isFinite(M)) {
      nodes.push(b + h, -1 / (48 * h));
      nodes.push(b - h, 1 / (48 * h));
    } else {
      const Ia = new Float64Array(TAIL_TERMS);
      const Ic = new Float64Array(TAIL_TERMS + 1);
      for (let n = 1; n <= TAIL_TERMS; n++)
        Ia[n - 1] = Math.pow(b, 1 - n * alpha) / (n * alpha - 1);
      for (let n = 0; n <= TAIL_TERMS; n++)
        Ic[n] = Math.pow(b, 1 - n * alpha - beta) / (n * alpha + beta - 1);
      tail = { X: b, lamX: Math.pow(b, -alpha), Ia, Ic, Sw: Ic[0] };
    }
  }

  const n = nodes.x.length;
  const lam = new Float64Array(n);
  const wl = new Float64Array(n);
  const wlc = new Float64Array(n);
  const wc = new Float64Array(n);
  const xs = new Float64Array(n);
  let Sw = 0;
  let Slam = 0;
  for (let i = 0; i < n; i++) {
    const x = nodes.x[i];
    const w = nodes.w[i];
    const l = Math.pow(x, -alpha);
    const c = Math.pow(x, -beta);
    xs[i] = x;
    lam[i] = l;
    wl[i] = w * l;
    wlc[i] = w * l * c;
    wc[i] = w * c;
    Sw += w * c;
    Slam += w * l;
  }
  if (tail) {
    Sw += tail.Sw;
    Slam += tail.Ia[0];
  }
  return { alpha, beta, M, lam, wl, wlc, wc, x: xs, Sw, Slam, tail };
}

const cache = new Map<string, Spectrum>();

/**
 * Cached spectrum; the floor is rounded down to a power of ten so that slider moves reuse nodes.
 */
export function getSpectrum(alpha: number, beta: number, M: number, lamFloor: number): Spectrum {
  const floor = Math.pow(10, Math.floor(Math.log10(Math.max(lamFloor, 1e-300))));
  const key = `${alpha}|${beta}|${M}|${Number.isFinite(M) ? 0 : floor}`;
  let s = cache.get(key);
  if (!s) {
    s = buildSpectrum(alpha, beta, M, floor);
    s.lamKey = `${alpha}|${M}|${Number.isFinite(M) ? 0 : floor}`;
    if (cache.size > 64) cache.clear();
    cache.set(key, s);
  }
  return s;
}
