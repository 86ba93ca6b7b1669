// Seeded randomness for the exact simulator (STYLE.md §3: randomness takes an explicit generator).
//
// Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
// 2018/2021): 128-bit state, period 2^128 − 1, 32-bit outputs, passes BigCrush; it only needs
// 32-bit integer arithmetic, which JavaScript does exactly with Math.imul and `>>> 0`.
// Seeding: the four state words are drawn from splitmix32 (a 32-bit variant of Steele, Lea &
// Flood's SplitMix with the avalanche constants of the "hash prospector" lowbias32 mixer), keyed
// by (baseSeed, seedIndex), so seed i of a run is a fixed function of the two numbers.
// Normals: Marsaglia's polar method (exact, two normals per accepted pair) on 53-bit uniforms.
// Gamma / chi-square: Marsaglia & Tsang (2000), exact rejection sampler.

/** lowbias32 avalanche mixer: a bijection of 32-bit integers with near-ideal bit mixing. */
function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x21f0aaad) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x735a2d97) >>> 0;
  return (x ^ (x >>> 15)) >>> 0;
}

const TWO_POW_M26 = 2 ** -26;
const TWO_POW_M53 = 2 ** -53;

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Second normal of the last polar pair, when not yet used. */
  private spare = 0;
  private hasSpare = false;

  /**
   * Generator for the `seedIndex`-th independent stream of a run with seed `baseSeed`. Both are
   * reduced to 32-bit integers (seeds up to 2^31 − 1 are allowed by the parameter table).
   */
  constructor(baseSeed: number, seedIndex = 0) {
    // splitmix32: a Weyl sequence (golden-ratio increment) through the mixer, keyed by both inputs.
    let state =
      mix32((baseSeed >>> 0) ^ 0x9e3779b9) ^ mix32(((seedIndex >>> 0) + 0x7f4a7c15) >>> 0);
    const next = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      return mix32(state);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is fixed
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const s1 = this.s1;
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 2 ** 26 + b) * TWO_POW_M53;
  }

  /** Standard normal N(0, 1) (Marsaglia polar method). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (;;) {
      // u, v uniform on (−1, 1) with 53-bit resolution.
      const u =
        (this.nextUint32() >>> 5) * TWO_POW_M26 + (this.nextUint32() >>> 6) * TWO_POW_M53 * 2 - 1;
      const v =
        (this.nextUint32() >>> 5) * TWO_POW_M26 + (this.nextUint32() >>> 6) * TWO_POW_M53 * 2 - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      this.spare = v * m;
      this.hasSpare = true;
      return u * m;
    }
  }

  /** Fill out[offset .. offset+count) with scale·N(0, 1). */
  fillNormal(out: Float64Array, offset: number, count: number, scale = 1): void {
    for (let i = 0; i < count; i++) out[offset + i] = scale * this.normal();
  }

  /** Gamma(shape, 1) for shape > 0 (Marsaglia & Tsang 2000; shape < 1 by the U^{1/a} boost). */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new Error(`gamma shape must be positive, got ${shape}`);
    if (shape < 1) {
      const u = this.uniform();
      return this.gamma(shape + 1) * Math.pow(u > 0 ? u : TWO_POW_M53, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (u > 0 && Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Chi-square with k ≥ 0 degrees of freedom (χ²_k = 2·Gamma(k/2); χ²_0 = 0). */
  chiSquare(k: number): number {
    return k > 0 ? 2 * this.gamma(k / 2) : 0;
  }

  /** Chi with k degrees of freedom: the length of a k-dimensional standard normal vector. */
  chi(k: number): number {
    return Math.sqrt(this.chiSquare(k));
  }
}
