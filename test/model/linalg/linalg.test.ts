// Unit tests of the dense linear algebra behind the simulator (src/model/linalg/): the symmetric
// eigensolver (reconstruction, orthogonality, known spectra, implicit application of U), the
// Cholesky factor and triangular helpers, and the Gram kernel against a plain triple loop.
import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/model/simulation/random.ts';
import { gram } from '../../../src/model/linalg/gram.ts';
import {
  choleskyInPlace,
  lowerTimes,
  lowerTransposeTimes,
  solveLower,
} from '../../../src/model/linalg/cholesky.ts';
import { sortedSymmetricEigen, symmetricEigen } from '../../../src/model/linalg/symmetricEigen.ts';

function randomSymmetric(n: number, rng: Rng): Float64Array {
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = rng.normal();
      A[i * n + j] = v;
      A[j * n + i] = v;
    }
  return A;
}

/** Q diag(values) Qᵀ with Q a random orthogonal matrix (QR of a Gaussian matrix by Gram–Schmidt). */
function withSpectrum(values: number[], rng: Rng): Float64Array {
  const n = values.length;
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) Q[i * n + k] = rng.normal();
    for (let pass = 0; pass < 2; pass++)
      for (let j = 0; j < i; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += Q[i * n + k] * Q[j * n + k];
        for (let k = 0; k < n; k++) Q[i * n + k] -= s * Q[j * n + k];
      }
    let nr = 0;
    for (let k = 0; k < n; k++) nr += Q[i * n + k] ** 2;
    nr = Math.sqrt(nr);
    for (let k = 0; k < n; k++) Q[i * n + k] /= nr;
  }
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q[k * n + i] * values[k] * Q[k * n + j];
      A[i * n + j] = s;
    }
  return A;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function checkDecomposition(A: Float64Array, n: number, tol: number): void {
  for (const method of ['inverse-iteration', 'ql'] as const) checkMethod(A, n, tol, method);
}

function checkMethod(
  A: Float64Array,
  n: number,
  tol: number,
  method: 'inverse-iteration' | 'ql',
): void {
  const { values, vectorsT: V } = sortedSymmetricEigen(A, n, method);
  const scale = Math.max(1e-300, maxAbs(A));
  // ‖A − U D Uᵀ‖_max and ‖Uᵀ U − I‖_max.
  let rec = 0;
  let orth = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      let o = 0;
      for (let k = 0; k < n; k++) {
        s += V[k * n + i] * values[k] * V[k * n + j];
        o += V[i * n + k] * V[j * n + k];
      }
      rec = Math.max(rec, Math.abs(A[i * n + j] - s));
      orth = Math.max(orth, Math.abs(o - (i === j ? 1 : 0)));
    }
  expect(rec / scale, `${method} reconstruction`).toBeLessThan(tol);
  expect(orth, `${method} orthogonality`).toBeLessThan(tol);
}

describe('symmetricEigen', () => {
  it('reconstructs random symmetric matrices with orthonormal vectors', () => {
    const rng = new Rng(11);
    for (const n of [1, 2, 3, 5, 17, 64, 130])
      checkDecomposition(randomSymmetric(n, rng), n, 1e-12 * n);
  });

  it('finds known spectra, including degenerate, zero and graded ones', () => {
    const rng = new Rng(12);
    const cases: number[][] = [
      [3, 1, 1, 1, -2, 0, 0, 5],
      Array.from({ length: 40 }, (_, k) => (k + 1) ** -2.5),
      Array.from({ length: 30 }, (_, k) => (k < 10 ? 0 : k)),
      Array.from({ length: 25 }, () => 7),
    ];
    for (const vals of cases) {
      const n = vals.length;
      const A = withSpectrum(vals, rng);
      const got = sortedSymmetricEigen(A, n).values;
      const want = [...vals].sort((a, b) => a - b);
      const scale = maxAbs(want);
      for (let i = 0; i < n; i++)
        expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-13 * n * scale);
      checkDecomposition(A, n, 1e-12 * n);
    }
  });

  it('handles diagonal and already tridiagonal input (zero Householder steps)', () => {
    const n = 12;
    const D = new Float64Array(n * n);
    for (let i = 0; i < n; i++) D[i * n + i] = n - i;
    checkDecomposition(D, n, 1e-14);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      T[i * n + i] = 2;
      if (i > 0) T[i * n + i - 1] = T[(i - 1) * n + i] = -1;
    }
    const vals = sortedSymmetricEigen(T, n).values;
    for (let k = 1; k <= n; k++) {
      const exact = 2 - 2 * Math.cos((k * Math.PI) / (n + 1));
      expect(Math.abs(vals[k - 1] - exact)).toBeLessThan(1e-14);
    }
  });

  it('gives orthonormal vectors for a large graded (power-law) spectrum with tight clusters', () => {
    const rng = new Rng(14);
    const vals = Array.from({ length: 160 }, (_, k) => (k < 40 ? 1e-14 * (k % 3) : (k + 1) ** -3));
    checkDecomposition(withSpectrum(vals, rng), vals.length, 1e-11);
  });

  it('applies U and Uᵀ implicitly exactly as the explicit eigenvectors do', () => {
    const rng = new Rng(13);
    const n = 90;
    const A = randomSymmetric(n, rng);
    const eig = symmetricEigen(A.slice(), n);
    // The same QL run accumulated explicitly: same order and signs as the implicit basis.
    const explicit = symmetricEigen(A.slice(), n, { vectors: true, method: 'ql' });
    expect(Array.from(explicit.values)).toEqual(Array.from(eig.values));
    const V = explicit.vectorsT as Float64Array;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = rng.normal();
    const y = x.slice();
    eig.toEigenbasis(y);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += V[i * n + k] * x[k];
      expect(Math.abs(y[i] - s)).toBeLessThan(1e-12);
    }
    eig.fromEigenbasis(y);
    for (let i = 0; i < n; i++) expect(Math.abs(y[i] - x[i])).toBeLessThan(1e-12);
    // A x = U (D (Uᵀ x)).
    const z = x.slice();
    eig.toEigenbasis(z);
    for (let i = 0; i < n; i++) z[i] *= eig.values[i];
    eig.fromEigenbasis(z);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k] * x[k];
      expect(Math.abs(z[i] - s)).toBeLessThan(1e-11);
    }
  });
});

describe('gram', () => {
  it('matches the triple loop, with and without structured zero ranges', () => {
    const rng = new Rng(21);
    for (const [n, k] of [
      [1, 3],
      [7, 300],
      [10, 513],
    ]) {
      const B = new Float64Array(n * k);
      const start = new Int32Array(n);
      const end = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        start[i] = Math.min(i * 3, k);
        end[i] = Math.max(start[i], k - i);
        for (let q = start[i]; q < end[i]; q++) B[i * k + q] = rng.normal();
      }
      const C1 = new Float64Array(n * n);
      const C2 = new Float64Array(n * n);
      gram(B, n, k, C1, 0.5);
      gram(B, n, k, C2, 0.5, { ranges: { start, end } });
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let q = 0; q < k; q++) s += B[i * k + q] * B[j * k + q];
          expect(Math.abs(C1[i * n + j] - 0.5 * s)).toBeLessThan(1e-12 * k);
          expect(Math.abs(C2[i * n + j] - 0.5 * s)).toBeLessThan(1e-12 * k);
        }
    }
  });
});

describe('cholesky', () => {
  it('factors an SPD matrix, solves and multiplies with the factor', () => {
    const rng = new Rng(31);
    const n = 40;
    const B = new Float64Array(n * 2 * n);
    rng.fillNormal(B, 0, B.length);
    const S = new Float64Array(n * n);
    gram(B, n, 2 * n, S);
    const L = S.slice();
    expect(choleskyInPlace(L, n)).toBe(true);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (j > i) expect(L[i * n + j]).toBe(0);
        let s = 0;
        for (let k = 0; k < n; k++) s += L[i * n + k] * L[j * n + k];
        expect(Math.abs(s - S[i * n + j])).toBeLessThan(1e-12 * n);
      }
    const x = new Float64Array(n);
    rng.fillNormal(x, 0, n);
    const y = new Float64Array(n);
    lowerTimes(L, n, x, y);
    solveLower(L, n, y);
    for (let i = 0; i < n; i++) expect(Math.abs(y[i] - x[i])).toBeLessThan(1e-10);
    lowerTransposeTimes(L, n, x, y);
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += L[j * n + k] * x[j];
      expect(Math.abs(y[k] - s)).toBeLessThan(1e-12 * n);
    }
  });

  it('reports a matrix that is not positive definite', () => {
    const A = Float64Array.from([1, 2, 2, 1]);
    expect(choleskyInPlace(A, 2)).toBe(false);
  });
});
