// Gram matrices C = s·B Bᵀ of the rows of a row-major matrix B (the BLAS "syrk" operation) and
// products C = s·A Bᵀ or s·A B of row-major matrices ("gemm").
//
// These are the largest costs of the simulator (the test covariance AΛAᵀ/N, the kernel matrix
// ΨΨᵀ/P, the eigenvector products, docs/theory.md §0). V8 compiles every typed-array load to an index
// computation, an overflow check and a bounds check, and every multiply-add to a separate
// multiplication and addition (no SIMD, no FMA), so the kernel is written to keep many
// independent accumulators in registers per load:
// - a 4×4 register block: sixteen accumulators, eight loads per sixteen multiply-adds;
// - packed panels: a chunk of K_CHUNK columns of four consecutive rows is copied once into an
//   interleaved panel (panel[4q + r] = row r, column q), so the inner loop walks two contiguous
//   arrays with one index and the chunk of the other operand stays in cache while the first is
//   swept. Packing costs one copy of the operands; the products cost K_CHUNK-fold more.
// Measured (steady state, Node 20, one core of the 2-core development machine): ≈ 2.3 G
// multiply-adds/s on the 512×2048 Gram, the same ceiling the earlier 2×2 kernel on unpacked rows
// reached; the 512³ cross product went from ≈ 2.1 to ≈ 2.3. The packing is what makes the
// variants free: a transposed operand (`bTransposed`, the product A·B without forming Bᵀ), a
// column scaling (`colScale`, the Gram of B·D without forming it), row ranges on both operands.
// Results are the same sums, in the same order along k within a chunk (only the grouping of
// chunks and of the final scaling differs from a plain triple loop: round-off level).
//
// Structured zeros: rows may be declared to vanish outside a column range [start[i], end[i])
// (triangular and trapezoidal factors from the Bartlett reductions); the kernel then only runs
// over the columns where both 4-row groups of a block can be non-zero. The entries of the row
// outside its range must be zero (they are read when a neighbouring row of the same 4-row group
// extends further); zeros inside a range are multiplied as ordinary numbers.

/** Column chunk (doubles per row) kept in cache while the blocks of a panel are accumulated. */
const K_CHUNK = 256;

export interface RowRanges {
  /** First column where row i may be non-zero. */
  start: Int32Array;
  /** One past the last column where row i may be non-zero. */
  end: Int32Array;
}

// Scratch panels, reused across calls (the simulator is single-threaded per worker).
let panelA = new Float64Array(0);
let panelB = new Float64Array(0);
function scratch(which: 'A' | 'B', size: number): Float64Array {
  if (which === 'A') {
    if (panelA.length < size) panelA = new Float64Array(size);
    return panelA;
  }
  if (panelB.length < size) panelB = new Float64Array(size);
  return panelB;
}

/** Column range [lo, hi) of each 4-row group (union of its rows' ranges; whole width if none). */
function groupRanges(
  rows: number,
  k: number,
  ranges: RowRanges | undefined,
): { lo: Int32Array; hi: Int32Array } {
  const groups = (rows + 3) >> 2;
  const lo = new Int32Array(groups);
  const hi = new Int32Array(groups).fill(k);
  if (!ranges) return { lo, hi };
  for (let g = 0; g < groups; g++) {
    let a = k;
    let b = 0;
    for (let r = 4 * g; r < Math.min(rows, 4 * g + 4); r++) {
      a = Math.min(a, Math.max(0, ranges.start[r]));
      b = Math.max(b, Math.min(k, ranges.end[r]));
    }
    lo[g] = a;
    hi[g] = b;
  }
  return { lo, hi };
}

/**
 * Pack columns [k0, k0 + w) of the rows of X (row stride ld) into `panel`: group g (rows 4g..4g+3)
 * at offset 4·g·w, element (r, q) at 4q + r, times colScale[k0 + q] if given. Only the columns
 * of the group's range are copied (the kernels never read outside it); rows past the end are 0.
 */
function pack(
  X: Float64Array,
  rows: number,
  ld: number,
  k0: number,
  w: number,
  glo: Int32Array,
  ghi: Int32Array,
  panel: Float64Array,
  colScale?: Float64Array,
): void {
  const groups = (rows + 3) >> 2;
  for (let g = 0; g < groups; g++) {
    const qa = Math.max(0, glo[g] - k0);
    const qb = Math.min(w, ghi[g] - k0);
    if (qb <= qa) continue;
    const o = 4 * g * w;
    for (let r = 0; r < 4; r++) {
      const row = 4 * g + r;
      if (row < rows) {
        const src = row * ld + k0;
        if (colScale)
          for (let q = qa; q < qb; q++) panel[o + 4 * q + r] = X[src + q] * colScale[k0 + q];
        else for (let q = qa; q < qb; q++) panel[o + 4 * q + r] = X[src + q];
      } else {
        for (let q = qa; q < qb; q++) panel[o + 4 * q + r] = 0;
      }
    }
  }
}

/**
 * As `pack`, for an operand stored transposed: its row j is column j of X (k × rows, row stride
 * ld), so element (j, q) is X[(k0 + q)·ld + j]. Four consecutive entries of a row of X fill one
 * step of a group: the transpose costs no more than the copy.
 */
function packTransposed(
  X: Float64Array,
  rows: number,
  ld: number,
  k0: number,
  w: number,
  glo: Int32Array,
  ghi: Int32Array,
  panel: Float64Array,
): void {
  const groups = (rows + 3) >> 2;
  for (let g = 0; g < groups; g++) {
    const qa = Math.max(0, glo[g] - k0);
    const qb = Math.min(w, ghi[g] - k0);
    if (qb <= qa) continue;
    const o = 4 * g * w;
    const j0 = 4 * g;
    const full = j0 + 4 <= rows;
    for (let q = qa; q < qb; q++) {
      const src = (k0 + q) * ld + j0;
      const dst = o + 4 * q;
      if (full) {
        panel[dst] = X[src];
        panel[dst + 1] = X[src + 1];
        panel[dst + 2] = X[src + 2];
        panel[dst + 3] = X[src + 3];
      } else {
        for (let c = 0; c < 4; c++) panel[dst + c] = j0 + c < rows ? X[src + c] : 0;
      }
    }
  }
}

/** The sixteen sums of one 4×4 block, row-major (a-row r, b-row c at 4r + c). */
const acc = new Float64Array(16);

/**
 * acc[4r + c] = Σ_{q ∈ [lo, hi)} PA[oa + 4q + r] · PB[ob + 4q + c]: the 4×4 register block.
 */
function block4x4(
  PA: Float64Array,
  oa: number,
  PB: Float64Array,
  ob: number,
  lo: number,
  hi: number,
): void {
  let s00 = 0;
  let s01 = 0;
  let s02 = 0;
  let s03 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  let s20 = 0;
  let s21 = 0;
  let s22 = 0;
  let s23 = 0;
  let s30 = 0;
  let s31 = 0;
  let s32 = 0;
  let s33 = 0;
  let pa = oa + 4 * lo;
  let pb = ob + 4 * lo;
  const end = ob + 4 * hi;
  for (; pb < end; pa += 4, pb += 4) {
    const b0 = PB[pb];
    const b1 = PB[pb + 1];
    const b2 = PB[pb + 2];
    const b3 = PB[pb + 3];
    let a = PA[pa];
    s00 += a * b0;
    s01 += a * b1;
    s02 += a * b2;
    s03 += a * b3;
    a = PA[pa + 1];
    s10 += a * b0;
    s11 += a * b1;
    s12 += a * b2;
    s13 += a * b3;
    a = PA[pa + 2];
    s20 += a * b0;
    s21 += a * b1;
    s22 += a * b2;
    s23 += a * b3;
    a = PA[pa + 3];
    s30 += a * b0;
    s31 += a * b1;
    s32 += a * b2;
    s33 += a * b3;
  }
  acc[0] = s00;
  acc[1] = s01;
  acc[2] = s02;
  acc[3] = s03;
  acc[4] = s10;
  acc[5] = s11;
  acc[6] = s12;
  acc[7] = s13;
  acc[8] = s20;
  acc[9] = s21;
  acc[10] = s22;
  acc[11] = s23;
  acc[12] = s30;
  acc[13] = s31;
  acc[14] = s32;
  acc[15] = s33;
}

/**
 * C += s · B D Bᵀ (or C = … when `accumulate` is false), C n×n symmetric, both triangles written.
 * B is n×k row-major with row stride `ldb` (≥ k); D = diag(colScale²) if `colScale` is given
 * (each column of B scaled while it is packed, i.e. the Gram of B·diag(colScale)), else I.
 */
export function gram(
  B: Float64Array,
  n: number,
  k: number,
  C: Float64Array,
  s = 1,
  options: { ldb?: number; ranges?: RowRanges; accumulate?: boolean; colScale?: Float64Array } = {},
): void {
  const ldb = options.ldb ?? k;
  if (!options.accumulate) C.fill(0, 0, n * n);
  const groups = (n + 3) >> 2;
  const { lo: glo, hi: ghi } = groupRanges(n, k, options.ranges);
  const kc = Math.min(K_CHUNK, Math.max(1, k));
  const panel = scratch('A', 4 * groups * kc);
  for (let k0 = 0; k0 < k; k0 += kc) {
    const w = Math.min(kc, k - k0);
    pack(B, n, ldb, k0, w, glo, ghi, panel, options.colScale);
    for (let gi = 0; gi < groups; gi++) {
      const ai = Math.max(0, glo[gi] - k0);
      const bi = Math.min(w, ghi[gi] - k0);
      if (bi <= ai) continue;
      const oi = 4 * gi * w;
      const rows = Math.min(4, n - 4 * gi);
      for (let gj = 0; gj <= gi; gj++) {
        const lo = Math.max(ai, glo[gj] - k0);
        const hi = Math.min(bi, ghi[gj] - k0);
        if (hi <= lo) continue;
        block4x4(panel, oi, panel, 4 * gj * w, lo, hi);
        const cols = Math.min(4, n - 4 * gj);
        for (let r = 0; r < rows; r++) {
          const row = 4 * gi + r;
          const oc = row * n + 4 * gj;
          // Lower triangle only (col ≤ row); the diagonal block's upper part is mirrored below.
          const last = gj === gi ? Math.min(cols, r + 1) : cols;
          for (let c = 0; c < last; c++) C[oc + c] += s * acc[4 * r + c];
        }
      }
    }
  }
  mirrorLower(C, n);
}

/** Copy the strict lower triangle of the n×n row-major matrix C onto its upper triangle. */
function mirrorLower(C: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const oi = i * n;
    for (let j = 0; j < i; j++) C[j * n + i] = C[oi + j];
  }
}

/**
 * C = s · A Bᵀ (rowsA × rowsB, row-major; C += … with `accumulate`): C[i][j] = s·(row i of A)·
 * (row j of B) over k columns. `aRanges` / `bRanges`, if given, bound the columns where a row
 * may be non-zero (e.g. a triangular operand). Row strides `lda`, `ldb` default to k, `ldc` to
 * rowsB. With `bTransposed`, B is stored as its transpose (k×rowsB, row stride ldb, default
 * rowsB): then C = s · A B, the product of two row-major matrices, without transposing B first.
 */
export function crossGram(
  A: Float64Array,
  rowsA: number,
  B: Float64Array,
  rowsB: number,
  k: number,
  C: Float64Array,
  bRanges?: RowRanges,
  options: {
    aRanges?: RowRanges;
    lda?: number;
    ldb?: number;
    ldc?: number;
    accumulate?: boolean;
    s?: number;
    bTransposed?: boolean;
  } = {},
): void {
  const lda = options.lda ?? k;
  const ldb = options.ldb ?? (options.bTransposed ? rowsB : k);
  const ldc = options.ldc ?? rowsB;
  const s = options.s ?? 1;
  if (!options.accumulate) for (let i = 0; i < rowsA; i++) C.fill(0, i * ldc, i * ldc + rowsB);
  const ga = (rowsA + 3) >> 2;
  const gb = (rowsB + 3) >> 2;
  const ra = groupRanges(rowsA, k, options.aRanges);
  const rb = groupRanges(rowsB, k, bRanges);
  const kc = Math.min(K_CHUNK, Math.max(1, k));
  const PA = scratch('A', 4 * ga * kc);
  const PB = scratch('B', 4 * gb * kc);
  for (let k0 = 0; k0 < k; k0 += kc) {
    const w = Math.min(kc, k - k0);
    pack(A, rowsA, lda, k0, w, ra.lo, ra.hi, PA);
    if (options.bTransposed) packTransposed(B, rowsB, ldb, k0, w, rb.lo, rb.hi, PB);
    else pack(B, rowsB, ldb, k0, w, rb.lo, rb.hi, PB);
    for (let gi = 0; gi < ga; gi++) {
      const ai = Math.max(0, ra.lo[gi] - k0);
      const bi = Math.min(w, ra.hi[gi] - k0);
      if (bi <= ai) continue;
      const oi = 4 * gi * w;
      const rows = Math.min(4, rowsA - 4 * gi);
      for (let gj = 0; gj < gb; gj++) {
        const lo = Math.max(ai, rb.lo[gj] - k0);
        const hi = Math.min(bi, rb.hi[gj] - k0);
        if (hi <= lo) continue;
        block4x4(PA, oi, PB, 4 * gj * w, lo, hi);
        const cols = Math.min(4, rowsB - 4 * gj);
        for (let r = 0; r < rows; r++) {
          const oc = (4 * gi + r) * ldc + 4 * gj;
          for (let c = 0; c < cols; c++) C[oc + c] += s * acc[4 * r + c];
        }
      }
    }
  }
}
