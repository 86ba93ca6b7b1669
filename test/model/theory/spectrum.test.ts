// Mode compression (docs/theory.md §5.1) against exact sums over k = 1..M: ~1e-5 relative.
// The sums are df, df' and V = Σ k^{-β}/(λ_k + κ), V' (the target sum U = S_w − κV of §1).
import { describe, expect, it } from 'vitest';
import { buildSpectrum, M_EXACT_MAX } from '../../../src/model/theory/spectrum.ts';
import { allSums } from '../../../src/model/theory/sums.ts';

function exact(alpha: number, beta: number, M: number, kr: number, ki: number) {
  let fr = 0,
    fi = 0,
    vr = 0,
    vi = 0,
    dr2 = 0,
    di2 = 0,
    gr = 0,
    gi = 0;
  for (let k = 1; k <= M; k++) {
    const l = k ** -alpha;
    const c = k ** -beta;
    const dr = l + kr;
    const q = 1 / (dr * dr + ki * ki);
    const ir = dr * q;
    const ii = -ki * q;
    fr += l * ir;
    fi += l * ii;
    vr += c * ir;
    vi += c * ii;
    dr2 -= c * (ir * ir - ii * ii);
    di2 -= c * 2 * ir * ii;
    gr -= l * (ir * ir - ii * ii);
    gi -= l * 2 * ir * ii;
  }
  return { fr, fi, vr, vi, dr2, di2, gr, gi };
}

describe('compressed spectral sums', () => {
  const out = new Float64Array(8);
  for (const [alpha, beta] of [
    [1.05, 1.05],
    [1.2, 1.5],
    [1.5, 2],
    [2.5, 3],
    [4, 6],
  ]) {
    for (const M of [5000, 200000]) {
      it(`α = ${alpha}, β = ${beta}, M = ${M}: df, df', V, V' within 1e-5 (1e-4 at arg κ = 2)`, () => {
        const sp = buildSpectrum(alpha, beta, M, 1e-12);
        expect(sp.lam.length).toBeLessThan(200);
        for (const mag of [1e-8, 1e-5, 1e-3, 0.1, 3]) {
          for (const ang of [0, 0.7, 1.4, 2.0]) {
            const kr = mag * Math.cos(ang);
            const ki = mag * Math.sin(ang);
            allSums(sp, kr, ki, out);
            const e = exact(alpha, beta, M, kr, ki);
            const tag = `|κ| = ${mag}, arg = ${ang}`;
            // Near the negative axis the Talbot weights are ≤ e^{-10} of the largest: 1e-4 suffices.
            const tol = ang < 1.9 ? 1e-5 : 1e-4;
            expect(
              Math.hypot(out[0] - e.fr, out[1] - e.fi) / Math.hypot(e.fr, e.fi),
              tag,
            ).toBeLessThan(tol);
            expect(
              Math.hypot(out[2] - e.gr, out[3] - e.gi) / Math.hypot(e.gr, e.gi),
              tag,
            ).toBeLessThan(tol);
            expect(
              Math.hypot(out[4] - e.vr, out[5] - e.vi) / Math.hypot(e.vr, e.vi),
              tag,
            ).toBeLessThan(tol);
            expect(
              Math.hypot(out[6] - e.dr2, out[7] - e.di2) / Math.hypot(e.dr2, e.di2),
              tag,
            ).toBeLessThan(tol);
          }
        }
      });
    }
  }
  it('sums exactly below M_EXACT_MAX modes', () => {
    const sp = buildSpectrum(1.5, 2, M_EXACT_MAX, 1e-9);
    expect(sp.lam.length).toBe(M_EXACT_MAX);
  });
  it('M = ∞: the analytic tail makes S_w = ζ(β) (Euler–Maclaurin error ~1e-8)', () => {
    const sp = buildSpectrum(1.5, 2, Infinity, 1e-10);
    expect(Math.abs(sp.Sw - Math.PI ** 2 / 6)).toBeLessThan(2e-8);
    const sp4 = buildSpectrum(2, 4, Infinity, 1e-10);
    expect(Math.abs(sp4.Sw - Math.PI ** 4 / 90)).toBeLessThan(2e-8);
    expect(Math.abs(sp4.Slam - Math.PI ** 2 / 6)).toBeLessThan(2e-8);
  });
});
