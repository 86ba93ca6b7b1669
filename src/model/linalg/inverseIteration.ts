// Eigenvectors of a symmetric tridiagonal matrix T for known eigenvalues, by inverse iteration
// (Wilkinson; the scheme of LAPACK's xSTEIN, written here from the mathematics): for each
// eigenvalue λ, a few solves (T − σI) x_{k+1} = x_k with σ ≈ λ amplify the eigenvector by
// 1/|λ − σ| ≈ 1/(ε‖T‖) against the others. Each solve is Gaussian elimination with partial
// pivoting on the tridiagonal (O(n)), so all n vectors cost O(n²) instead of the O(n³) of
// accumulating QL rotations.
//
// Accuracy: with eigenvalues correct to O(ε‖T‖), the computed vector for an eigenvalue at
// distance `gap` from the others is within O(ε‖T‖/gap) of the true one (residual / gap), so two
// computed vectors can overlap by O(ε‖T‖/gap). Each vector is therefore explicitly
// re-orthogonalised (modified Gram–Schmidt) against the earlier vectors whose eigenvalues lie
// within CLUSTER·‖T‖ of its own (a sliding window over the ascending eigenvalues), and equal
// shifts are separated slightly, so near-degenerate eigenvalues always yield an orthonormal basis
// of their invariant subspace; for pairs farther apart the defect is at most ≈ ε/CLUSTER ≈ 2e-8
// (in practice ~1e-12). The window, rather than the whole chain of eigenvalues linked by gaps
// below CLUSTER·‖T‖, keeps the cost O(n²·window): the tail of a steep power-law spectrum is such
// a chain, hundreds of eigenvalues long, and chained Gram–Schmidt over it was O(n³).

const EPS = 2 ** -52;
const CLUSTER = 1e-8;
/**
 * Solves per vector. With σ within O(ε‖T‖) of λ, each solve damps the components along
 * eigenvalues at distance ≥ CLUSTER·‖T‖ by ≤ ε/CLUSTER ≈ 2e-8 relative to the wanted one (closer
 * ones are removed by Gram–Schmidt), so three solves from a random start leave < 1e-22: the
 * count of LAPACK's xSTEIN (one solve to converge plus two extra).
 */
const ITERATIONS = 3;

/**
 * Rows of the returned n×n matrix are the unit eigenvectors of the tridiagonal matrix with
 * diagonal d and sub-diagonal e (e[i] = T[i][i−1]) for the eigenvalues `values` (any order).
 */
export function tridiagonalEigenvectors(
  d: Float64Array,
  e: Float64Array,
  values: Float64Array,
): Float64Array {
  const n = d.length;
  const Z = new Float64Array(n * n);
  if (n === 0) return Z;
  let norm = 0;
  for (let i = 0; i < n; i++)
    norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]) + (i + 1 < n ? Math.abs(e[i + 1]) : 0));
  if (norm === 0) norm = 1;
  const tiny = EPS * norm;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  // Work arrays of the LU factors of T − σI: U has diagonal u0 and two super-diagonals u1, u2;
  // row k was swapped with row k+1 when swap[k], and mult[k] eliminated the sub-diagonal.
  const u0 = new Float64Array(n);
  const u1 = new Float64Array(n);
  const u2 = new Float64Array(n);
  const mult = new Float64Array(n);
  const swap = new Uint8Array(n);
  const x = new Float64Array(n);
  let clusterStart = 0;
  let prevSigma = -Infinity;
  let seed = 0x2545f491;
  for (let r = 0; r < n; r++) {
    const idx = order[r];
    const lambda = values[idx];
    // The earlier vectors within CLUSTER·‖T‖ of λ (a window of the ascending order).
    while (clusterStart < r && lambda - values[order[clusterStart]] > CLUSTER * norm)
      clusterStart++;
    // Separate equal shifts inside a cluster so the solves differ.
    let sigma = lambda;
    if (r > clusterStart && sigma <= prevSigma + 10 * tiny) sigma = prevSigma + 10 * tiny;
    prevSigma = sigma;
    factor(d, e, sigma, tiny, u0, u1, u2, mult, swap);
    // Deterministic pseudo-random start (xorshift32), different for every vector.
    for (let i = 0; i < n; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      x[i] = ((seed >>> 0) / 4294967296 - 0.5) * norm;
    }
    for (let it = 0; it < ITERATIONS; it++) {
      solve(n, u0, u1, u2, mult, swap, x);
      // Re-orthogonalise against the earlier vectors of the cluster (modified Gram–Schmidt).
      for (let s = clusterStart; s < r; s++) {
        const os = order[s] * n;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += Z[os + i] * x[i];
        for (let i = 0; i < n; i++) x[i] -= dot * Z[os + i];
      }
      let nrm = 0;
      for (let i = 0; i < n; i++) nrm = Math.max(nrm, Math.abs(x[i]));
      if (!(nrm > 0) || !Number.isFinite(nrm)) {
        // Degenerate start (or overflow): restart from a unit vector.
        x.fill(0);
        x[r % n] = 1;
        continue;
      }
      for (let i = 0; i < n; i++) x[i] /= nrm;
    }
    let s2 = 0;
    for (let i = 0; i < n; i++) s2 += x[i] * x[i];
    const inv = 1 / Math.sqrt(s2);
    const oz = idx * n;
    for (let i = 0; i < n; i++) Z[oz + i] = x[i] * inv;
  }
  return Z;
}

/** LU factorisation with partial pivoting of the tridiagonal T − σI (zero pivots → tiny). */
function factor(
  d: Float64Array,
  e: Float64Array,
  sigma: number,
  tiny: number,
  u0: Float64Array,
  u1: Float64Array,
  u2: Float64Array,
  mult: Float64Array,
  swap: Uint8Array,
): void {
  const n = d.length;
  // Current row k: diagonal a, first super-diagonal b (its second super-diagonal is 0).
  let a = d[0] - sigma;
  let b = n > 1 ? e[1] : 0;
  for (let k = 0; k + 1 < n; k++) {
    const sub = e[k + 1]; // T[k+1][k]
    const diagNext = d[k + 1] - sigma;
    const superNext = k + 2 < n ? e[k + 2] : 0;
    if (Math.abs(a) >= Math.abs(sub)) {
      if (a === 0) a = tiny;
      const m = sub / a;
      u0[k] = a;
      u1[k] = b;
      u2[k] = 0;
      mult[k] = m;
      swap[k] = 0;
      a = diagNext - m * b;
      b = superNext;
    } else {
      const m = a / sub;
      u0[k] = sub;
      u1[k] = diagNext;
      u2[k] = superNext;
      mult[k] = m;
      swap[k] = 1;
      a = b - m * diagNext;
      b = -m * superNext;
    }
  }
  u0[n - 1] = a === 0 ? tiny : a;
  u1[n - 1] = 0;
  u2[n - 1] = 0;
}

/** x ← (T − σI)⁻¹ x with the factors from `factor`. */
function solve(
  n: number,
  u0: Float64Array,
  u1: Float64Array,
  u2: Float64Array,
  mult: Float64Array,
  swap: Uint8Array,
  x: Float64Array,
): void {
  for (let k = 0; k + 1 < n; k++) {
    if (swap[k]) {
      const t = x[k];
      x[k] = x[k + 1];
      x[k + 1] = t;
    }
    x[k + 1] -= mult[k] * x[k];
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = x[k];
    if (k + 1 < n) s -= u1[k] * x[k + 1];
    if (k + 2 < n) s -= u2[k] * x[k + 2];
    x[k] = s / u0[k];
  }
}
