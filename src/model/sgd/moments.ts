// Geometric moment sums for the block propagation (docs/theory.md §9.3):
//   S_k(ℓ, L) = Σ_{m=0}^{L−1} e^{−ℓm} (m/(L−1))^k,   k = 0..3,
// for any real ℓ (ℓ > 0: a decaying mode, ℓ = 0: a frozen one, ℓ < 0: an unstable one) and
// L ≥ 2, without cancellation:
// - |ℓL| ≤ SERIES_X: the power series e^{−ℓm} = Σ_n (−ℓm)^n/n!, with the power sums
//   F_p(L) = Σ_{m<L} m^p = L^{p+1} f_p(L) by Faulhaber's formula (f_p computed once per L);
// - otherwise the closed form S_k = T_k − ā^L Σ_j C(k,j) L^{k−j} T_j, ā = e^{−ℓ}, with
//   T_k = Σ_{m≥0} m^k ā^m = Li_{−k}(ā) (an identity of rational functions, valid for any ā ≠ 1).
//   The subtraction loses a factor ~(k + 1)!/|ℓL|^{k+1}: at |ℓL| = SERIES_X = 0.05 and k = 3,
//   4·10⁶, leaving 1e-9 relative on S_3 (and far better on S_0..S_2, which carry most weight).

/** Bernoulli numbers B_0..B_24 (B_1 = −1/2: the convention of Σ_{m=0}^{L−1}). */
const BERNOULLI = [
  1,
  -0.5,
  1 / 6,
  0,
  -1 / 30,
  0,
  1 / 42,
  0,
  -1 / 30,
  0,
  5 / 66,
  0,
  -691 / 2730,
  0,
  7 / 6,
  0,
  -3617 / 510,
  0,
  43867 / 798,
  0,
  -174611 / 330,
  0,
  854513 / 138,
  0,
  -236364091 / 2730,
];

/** The series is used for |ℓL| ≤ SERIES_X; its terms fall as SERIES_X^n/n!. */
const SERIES_X = 0.05;
/** Highest power sum used by the series (k ≤ 3 plus up to SERIES_TERMS terms). */
const SERIES_TERMS = 12;
export const MAX_POWER = 3 + SERIES_TERMS;

/** f_p(L) = F_p(L)/L^{p+1} for p = 0..MAX_POWER (Faulhaber), into out. */
export function powerSums(L: number, out: Float64Array): void {
  for (let p = 0; p <= MAX_POWER; p++) {
    // (1/(p+1)) Σ_{j=0}^{p} C(p+1, j) B_j L^{−j}
    let s = 0;
    let binom = 1; // C(p+1, j)
    let Lj = 1;
    for (let j = 0; j <= p && j < BERNOULLI.length; j++) {
      s += binom * BERNOULLI[j] * Lj;
      binom = (binom * (p + 1 - j)) / (j + 1);
      Lj /= L;
    }
    out[p] = s / (p + 1);
  }
}

const INV_FACT = Float64Array.from({ length: SERIES_TERMS + 1 }, (_, n) => {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return 1 / f;
});

/** The series' coefficients (−x)^n/n! of the current call (scratch). */
const SERIES_COEF = new Float64Array(SERIES_TERMS + 1);

/**
 * S_0..S_3 into out[0..3]. The caller passes ā = e^{−ℓ}, 1 − ā and ā^L = e^{−ℓL}, which it has
 * computed without cancellation; `fp` must hold powerSums(L). Direct summation for small L (the
 * caller's blocks are long; this keeps the function total).
 */
export function geometricMoments(
  ell: number,
  a: number,
  oma: number,
  aL: number,
  L: number,
  fp: Float64Array,
  out: Float64Array,
): void {
  const n1 = L - 1;
  if (L <= 16) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    // e^{−ℓm} = ā^m by products (m ≤ 15 roundings: round-off).
    let w = 1;
    for (let m = 0; m < L; m++, w *= a) {
      const x = n1 > 0 ? m / n1 : 0;
      s0 += w;
      s1 += w * x;
      s2 += w * x * x;
      s3 += w * x * x * x;
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
    return;
  }
  const x = ell * L;
  const r = L / n1;
  if (Math.abs(x) <= SERIES_X) {
    // S_k = L^{k+1}/(L−1)^k Σ_n (−x)^n/n! f_{k+n}. The coefficients (−x)^n/n! are shared by the
    // four sums; 0 < f_p < 1 and f_k > 1/8 for L > 16, so terms past the first coefficient below
    // 1e-18 are below 1e-17 of every sum (round-off).
    const co = SERIES_COEF;
    let terms = 1;
    let pw = 1;
    co[0] = 1;
    while (terms <= SERIES_TERMS) {
      pw *= -x;
      const cn = pw * INV_FACT[terms];
      co[terms++] = cn;
      if (Math.abs(cn) < 1e-18) break;
    }
    let rk = L;
    for (let k = 0; k < 4; k++) {
      let s = 0;
      for (let n = 0; n < terms; n++) s += co[n] * fp[k + n];
      out[k] = rk * s;
      rk *= r;
    }
    return;
  }
  const i1 = 1 / oma;
  const T0 = i1;
  const T1 = a * i1 * i1;
  const T2 = a * (1 + a) * i1 * i1 * i1;
  const T3 = a * (1 + 4 * a + a * a) * i1 * i1 * i1 * i1;
  const L2 = L * L;
  const S0 = T0 - aL * T0;
  const S1 = T1 - aL * (L * T0 + T1);
  const S2 = T2 - aL * (L2 * T0 + 2 * L * T1 + T2);
  const S3 = T3 - aL * (L2 * L * T0 + 3 * L2 * T1 + 3 * L * T2 + T3);
  const in1 = 1 / n1;
  out[0] = S0;
  out[1] = S1 * in1;
  out[2] = S2 * in1 * in1;
  out[3] = S3 * in1 * in1 * in1;
}
