// The self-consistency of docs/theory.md §1: κ (the renormalised ridge) at ridge-like variable λ,
//     λ = κ (1 − df(κ)/N) (1 − df(κ)/P)        (N = ∞: drop the first bracket),
// on the physical branch: the continuation of κ ≈ λ from λ → +∞. For real λ > 0 it is the unique
// root with κ > κ_*, where df(κ_*) = min(N, P) if min(N, P) < M, else κ_* = 0. For complex λ the
// root is followed by damped Newton along a path from the real axis (the Talbot nodes, §3).
import { DF, DF_SUMS, DFD, dfReal, dfSums } from './sums.ts';
import type { Spectrum } from './spectrum.ts';
import { WORK } from './work.ts';

/** Newton's buffer: df and df' as dfSums writes them, then f and f' (complex pairs) after them. */
const F = DF_SUMS;
const FD = F + 2;
const NEWTON_BUFFER = FD + 2;

export class KappaSolver {
  readonly sp: Spectrum;
  readonly iN: number;
  readonly iP: number;
  private kstar: number | undefined;
  private readonly buf = new Float64Array(NEWTON_BUFFER);
  /** Newton iterations spent (for benchmarks and tests). */
  iterations = 0;
  /** Evaluations of df, df' at a complex κ (each one pass over the compressed modes). */
  evaluations = 0;

  constructor(sp: Spectrum, N: number, P: number) {
    this.sp = sp;
    this.iN = Number.isFinite(N) ? 1 / N : 0;
    this.iP = Number.isFinite(P) ? 1 / P : 0;
  }

  /** κ_*: df(κ_*) = min(N, P) when min(N, P) < M, else 0 (λ → 0 limit of the physical branch). */
  kappaStar(): number {
    if (this.kstar !== undefined) return this.kstar;
    const n = 1 / Math.max(this.iN, this.iP);
    let ks = 0;
    if (Number.isFinite(n) && n < this.sp.M) {
      // df is decreasing; df(S_λ/n) ≤ n, and df((2n)^{-α}) ≥ n (half of each mode with λ_k ≥ κ).
      const hi = this.sp.Slam / n;
      let lo = Math.min(hi, Math.pow(2 * n, -this.sp.alpha));
      while (dfReal(this.sp, lo) < n && lo > 1e-300) lo /= 4;
      const u = solveMonotone(
        (x) => dfReal(this.sp, Math.exp(x)) - n,
        Math.log(lo),
        Math.log(hi),
        -1,
      );
      ks = Math.exp(u);
    }
    this.kstar = ks;
    return ks;
  }

  /** Residual κ R(κ) − λ for real κ. */
  private residualReal(k: number, lam: number): number {
    WORK.realPasses++;
    WORK.modeTerms += this.sp.lam.length;
    const df = dfReal(this.sp, k);
    return k * (1 - df * this.iN) * (1 - df * this.iP) - lam;
  }

  /** κ(λ) for real λ ≥ 0 (λ = 0 gives κ_*). */
  solveReal(lam: number): number {
    const ks = this.kappaStar();
    if (lam <= 0) return ks;
    const hi = lam + this.sp.Slam * (this.iN + this.iP);
    if (this.iN === 0 && this.iP === 0) return lam;
    let lo = Math.max(ks, lam * 1e-300);
    // On (κ_*, hi] the residual increases from −λ to ≥ 0.
    if (ks > 0) lo = ks * (1 + 1e-15);
    else lo = lam * 1e-3;
    // Step towards κ_* until the residual is ≤ 0; stop when the step no longer moves lo (on a
    // huge spectrum lo reaches κ_* in floating point with the residual still rounded above 0).
    while (this.residualReal(lo, lam) > 0 && lo > 1e-300) {
      const next = ks > 0 ? ks + (lo - ks) / 16 : lo / 16;
      if (next === lo) break;
      lo = next;
    }
    const u = solveMonotone(
      (x) => this.residualReal(Math.exp(x), lam),
      Math.log(lo),
      Math.log(hi),
      +1,
    );
    return Math.exp(u);
  }

  /**
   * Complex root near the guess (gr, gi). Writes κ into out[0], out[1]. Returns false when damped
   * Newton does not converge (the caller then subdivides the continuation path).
   */
  solveComplex(lr: number, li: number, gr: number, gi: number, out: Float64Array): boolean {
    const b = this.buf;
    let kr = gr;
    let ki = gi;
    this.evalF(kr, ki, lr, li);
    // Squared magnitudes throughout (no Math.hypot in the hot path: κ and λ stay far from the
    // range where squaring under- or overflows, |κ| ≥ 10⁻⁴⁰ by the floors of engine.ts).
    let fn2 = b[F] * b[F] + b[F + 1] * b[F + 1];
    const scale2 = lr * lr + li * li;
    const tailFloor2 = this.sp.tail ? 4 * this.sp.tail.lamX * this.sp.tail.lamX : -1;
    for (let it = 0; it < 60; it++) {
      this.iterations++;
      const dm = b[FD] * b[FD] + b[FD + 1] * b[FD + 1];
      if (!(dm > 0)) return false;
      // δ = f/f'
      const dr = (b[F] * b[FD] + b[F + 1] * b[FD + 1]) / dm;
      const di = (b[F + 1] * b[FD] - b[F] * b[FD + 1]) / dm;
      const kmag2 = kr * kr + ki * ki;
      // Quadratic convergence: after a step of relative size ≤ 1e-8 the error is ≤ ~1e-16.
      if (dr * dr + di * di <= 1e-16 * kmag2 || fn2 <= 1e-30 * scale2) {
        out[0] = kr - dr;
        out[1] = ki - di;
        return true;
      }
      let step = 1;
      let accepted = false;
      for (let h = 0; h < 30; h++) {
        const nr = kr - step * dr;
        const ni = ki - step * di;
        if (nr * nr + ni * ni <= tailFloor2) {
          step /= 2;
          continue;
        }
        this.evalF(nr, ni, lr, li);
        const fnew2 = b[F] * b[F] + b[F + 1] * b[F + 1];
        if (fnew2 < fn2 || fnew2 <= 1e-30 * scale2) {
          kr = nr;
          ki = ni;
          fn2 = fnew2;
          accepted = true;
          break;
        }
        step /= 2;
      }
      if (!accepted) {
        // No decrease: either converged to rounding or lost. Accept if the residual is tiny.
        if (fn2 <= 1e-22 * scale2) {
          out[0] = kr;
          out[1] = ki;
          return true;
        }
        return false;
      }
    }
    return false;
  }

  /** f(κ) = κ R − λ and f'(κ) = R + κ R' into the buffer, R = (1 − df iN)(1 − df iP). */
  private evalF(r: number, i: number, lr: number, li: number): void {
    const b = this.buf;
    const iN = this.iN;
    const iP = this.iP;
    this.evaluations++;
    WORK.newtonPasses++;
    WORK.modeTerms += this.sp.lam.length;
    dfSums(this.sp, r, i, b);
    const fr0 = b[DF];
    const fi0 = b[DF + 1];
    const nr = 1 - fr0 * iN;
    const ni = -fi0 * iN;
    const pr = 1 - fr0 * iP;
    const pi = -fi0 * iP;
    const Rr = nr * pr - ni * pi;
    const Ri = nr * pi + ni * pr;
    b[F] = r * Rr - i * Ri - lr;
    b[F + 1] = r * Ri + i * Rr - li;
    // R' = −df' (iN (1 − df iP) + iP (1 − df iN))
    const sr = iN * pr + iP * nr;
    const si = iN * pi + iP * ni;
    const dRr = -(b[DFD] * sr - b[DFD + 1] * si);
    const dRi = -(b[DFD] * si + b[DFD + 1] * sr);
    b[FD] = Rr + (r * dRr - i * dRi);
    b[FD + 1] = Ri + (r * dRi + i * dRr);
  }

  /**
   * Follow the root from (λ0, κ0) to λ1 = (lr, li): Newton from κ0, bisecting the path when it
   * fails. Writes κ(λ1) into out.
   */
  continueTo(
    l0r: number,
    l0i: number,
    k0r: number,
    k0i: number,
    lr: number,
    li: number,
    out: Float64Array,
    depth = 0,
  ): void {
    if (this.solveComplex(lr, li, k0r, k0i, out)) return;
    if (depth > 12) throw new Error(`κ solver did not converge at λ = ${lr} + ${li}i`);
    const mr = 0.5 * (l0r + lr);
    const mi = 0.5 * (l0i + li);
    this.continueTo(l0r, l0i, k0r, k0i, mr, mi, out, depth + 1);
    const kr = out[0];
    const ki = out[1];
    this.continueTo(mr, mi, kr, ki, lr, li, out, depth + 1);
  }
}

/**
 * Root of a monotone function g on [a, b] (sign = +1 increasing, −1 decreasing) by the Illinois
 * variant of regula falsi with bisection fallback. Returns a point with |g| ≈ 0 to ~1e-15.
 */
function solveMonotone(g: (u: number) => number, a: number, b: number, sign: 1 | -1): number {
  let ga = g(a) * sign;
  let gb = g(b) * sign;
  if (ga >= 0) return a;
  if (gb <= 0) return b;
  let side = 0;
  for (let it = 0; it < 200; it++) {
    let c = (a * gb - b * ga) / (gb - ga);
    if (!(c > a && c < b)) c = 0.5 * (a + b);
    const gc = g(c) * sign;
    if (gc === 0 || Math.abs(b - a) < 1e-15 * Math.max(1, Math.abs(c))) return c;
    if (gc < 0) {
      a = c;
      ga = gc;
      if (side === -1) gb /= 2;
      side = -1;
    } else {
      b = c;
      gb = gc;
      if (side === 1) ga /= 2;
      side = 1;
    }
  }
  return 0.5 * (a + b);
}
