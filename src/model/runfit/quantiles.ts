// Quantiles of the F distribution, for the levels of the profile-likelihood regions
// (docs/theory.md §10): with the criterion's scale ξ estimated from n − 6 residual degrees of
// freedom, the deviance of k parameters is k·F(k, n − 6), not χ²_k (the F-test of nonlinear
// least squares; χ²_k is its limit for many points).
//
// F(k, ν) has CDF I_{kx/(kx+ν)}(k/2, ν/2), the regularised incomplete beta function, evaluated by
// its continued fraction (modified Lentz), with ln Γ by Lanczos' approximation (g = 7, 9 terms);
// the quantile by bisection in x/(1 + x).

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (Numerical Recipes' betacf, Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const bt = Math.exp(lbt);
  return x < (a + 1) / (a + b + 2)
    ? (bt * betaFraction(a, b, x)) / a
    : 1 - (bt * betaFraction(b, a, 1 - x)) / b;
}

/** P(F ≤ x) for F ~ F(k, ν). */
export function fCdf(x: number, k: number, nu: number): number {
  return x <= 0 ? 0 : incompleteBeta((k * x) / (k * x + nu), k / 2, nu / 2);
}

/** The p-quantile of F(k, ν) (ν = ∞: of χ²_k / k). */
export function fQuantile(p: number, k: number, nu: number): number {
  if (!Number.isFinite(nu)) return chiSquareQuantile(p, k) / k;
  // Bisection on y = x/(1 + x) ∈ (0, 1): monotone, bounded.
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 80; it++) {
    const y = 0.5 * (lo + hi);
    if (fCdf(y / (1 - y), k, nu) < p) lo = y;
    else hi = y;
  }
  const y = 0.5 * (lo + hi);
  return y / (1 - y);
}

/** Degrees of freedom at which F(k, ν)·k is χ²_k to ~1e-7 (and ln Γ stays exact enough). */
const CHI2_NU = 1e7;

/** The p-quantile of χ²_k, as the limit of k·F(k, ν) for large ν. */
export function chiSquareQuantile(p: number, k: number): number {
  return k * fQuantile(p, k, CHI2_NU);
}
