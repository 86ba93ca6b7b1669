// Gram matrices C = s·B Bᵀ of the rows of a row-major matrix B (the BLAS "syrk" operation).
//
// This is the largest single cost of the simulator (the test covariance AΛAᵀ/N and the kernel
// matrix ΨΨᵀ/P, THEORY.md §0), so the loop is written for V8: a 2×2 register block (four
// accumulators, four loads per four multiply-adds instead of two loads per one) over k-chunks
// that keep the four rows in L1 cache. Measured ≈ 2 G multiply-adds/s on one core, about twice
// the plain dot-product loop.
//
// Structured zeros: rows may be declared to vanish outside a column range [start[i], end[i])
// (triangular and trapezoidal factors from the Bartlett reductions); the kernel then only runs
// over the columns where both rows of a block can be non-zero. Zeros inside the range are
// multiplied as ordinary numbers, so any range that contains the non-zeros is correct.

/** Column chunk (doubles per row) kept in L1 while a 2×2 block is accumulated. */
const K_CHUNK = 256;

export interface RowRanges {
  /** First column where row i may be non-zero. */
  start: Int32Array;
  /** One past the last column where row i may be non-zero. */
  end: Int32Array;
}

/**
 * C += s · B Bᵀ (or C = … when `accumulate` is false), C n×n symmetric, both triangles written.
 * B is n×k row-major with row stride `ldb` (≥ k).
 */
export function gram(
  B: Float64Array,
  n: number,
  k: number,
  C: Float64Array,
  s = 1,
  options: { ldb?: number; ranges?: RowRanges; accumulate?: boolean } = {},
): void {
  const ldb = options.ldb ?? k;
  const ranges = options.ranges;
  if (!options.accumulate) C.fill(0, 0, n * n);
  // Lower triangle, 2×2 blocks (i, i+1) × (j, j+1), j ≤ i. Row n (when n is odd) is padded by
  // reading row i itself and discarding its results.
  for (let k0 = 0; k0 < k; k0 += K_CHUNK) {
    const k1 = Math.min(k, k0 + K_CHUNK);
    for (let i = 0; i < n; i += 2) {
      const i1 = i + 1 < n ? i + 1 : i;
      const oi = i * ldb;
      const oi1 = i1 * ldb;
      let si = k0;
      let ei = k1;
      if (ranges) {
        si = Math.max(si, Math.min(ranges.start[i], ranges.start[i1]));
        ei = Math.min(ei, Math.max(ranges.end[i], ranges.end[i1]));
      }
      for (let j = 0; j <= i; j += 2) {
        const j1 = j + 1 < n ? j + 1 : j;
        const oj = j * ldb;
        const oj1 = j1 * ldb;
        let lo = si;
        let hi = ei;
        if (ranges) {
          lo = Math.max(lo, Math.min(ranges.start[j], ranges.start[j1]));
          hi = Math.min(hi, Math.max(ranges.end[j], ranges.end[j1]));
        }
        if (hi <= lo) continue;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let q = lo; q < hi; q++) {
          const a0 = B[oi + q];
          const a1 = B[oi1 + q];
          const b0 = B[oj + q];
          const b1 = B[oj1 + q];
          s00 += a0 * b0;
          s01 += a0 * b1;
          s10 += a1 * b0;
          s11 += a1 * b1;
        }
        C[i * n + j] += s * s00;
        if (j1 !== j && j1 <= i) C[i * n + j1] += s * s01;
        if (i1 !== i) {
          C[i1 * n + j] += s * s10;
          if (j1 !== j) C[i1 * n + j1] += s * s11;
        }
      }
    }
  }
  mirrorLower(C, n);
}

/** Copy the strict lower triangle of the n×n row-major matrix C onto its upper triangle. */
export function mirrorLower(C: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    for (let j = 0; j < i; j++) C[j * n + i] = C[oi + j];
  }
}

/**
 * C = A Bᵀ (rowsA × rowsB, row-major): C[i][j] = dot(row i of A, row j of B) over k columns, with
 * the same 2×2 register blocking as `gram`. `bStart[j]`/`bEnd[j]`, if given, bound the columns
 * where row j of B may be non-zero (e.g. a triangular B).
 */
export function crossGram(
  A: Float64Array,
  rowsA: number,
  B: Float64Array,
  rowsB: number,
  k: number,
  C: Float64Array,
  bRanges?: RowRanges,
): void {
  C.fill(0, 0, rowsA * rowsB);
  for (let k0 = 0; k0 < k; k0 += K_CHUNK) {
    const k1 = Math.min(k, k0 + K_CHUNK);
    for (let i = 0; i < rowsA; i += 2) {
      const i1 = i + 1 < rowsA ? i + 1 : i;
      const oi = i * k;
      const oi1 = i1 * k;
      for (let j = 0; j < rowsB; j += 2) {
        const j1 = j + 1 < rowsB ? j + 1 : j;
        const oj = j * k;
        const oj1 = j1 * k;
        let lo = k0;
        let hi = k1;
        if (bRanges) {
          lo = Math.max(lo, Math.min(bRanges.start[j], bRanges.start[j1]));
          hi = Math.min(hi, Math.max(bRanges.end[j], bRanges.end[j1]));
        }
        if (hi <= lo) continue;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let q = lo; q < hi; q++) {
          const a0 = A[oi + q];
          const a1 = A[oi1 + q];
          const b0 = B[oj + q];
          const b1 = B[oj1 + q];
          s00 += a0 * b0;
          s01 += a0 * b1;
          s10 += a1 * b0;
          s11 += a1 * b1;
        }
        C[i * rowsB + j] += s00;
        if (j1 !== j) C[i * rowsB + j1] += s01;
        if (i1 !== i) {
          C[i1 * rowsB + j] += s10;
          if (j1 !== j) C[i1 * rowsB + j1] += s11;
        }
      }
    }
  }
}
