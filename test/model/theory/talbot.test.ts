// The fixed-Talbot rule on transforms with known inverses (docs/theory.md §3: ~1e-7 at M_t = 12).
import { describe, expect, it } from 'vitest';
import { allocNodes, invert, keptNodes, talbotNodes } from '../../../src/model/theory/talbot.ts';

function inverse(F: (sr: number, si: number) => [number, number], t: number): number {
  const nodes = talbotNodes(t, allocNodes());
  const Fr = new Float64Array(nodes.n);
  const Fi = new Float64Array(nodes.n);
  for (let j = 0; j < nodes.n; j++) [Fr[j], Fi[j]] = F(nodes.sr[j], nodes.si[j]);
  return invert(nodes, Fr, Fi);
}

// 1/(s + a) → e^{-at};  1/s² → t;  1/(s(s + a)) → (1 − e^{-at})/a
const recip = (r: number, i: number): [number, number] => [
  r / (r * r + i * i),
  -i / (r * r + i * i),
];
const mul = (a: [number, number], b: [number, number]): [number, number] => [
  a[0] * b[0] - a[1] * b[1],
  a[0] * b[1] + a[1] * b[0],
];

describe('fixed Talbot', () => {
  it('drops exactly the far node j = 11 of the order-12 rule', () => {
    expect(keptNodes(12)).toBe(11);
  });
  for (const t of [1e-2, 1, 37, 1e4, 1e7]) {
    it(`inverts known transforms at t = ${t} to 1e-6`, () => {
      const a = 0.3;
      expect(Math.abs(inverse((r, i) => recip(r + a, i), t) - Math.exp(-a * t))).toBeLessThan(1e-7);
      expect(Math.abs(inverse((r, i) => mul(recip(r, i), recip(r, i)), t) / t - 1)).toBeLessThan(
        1e-6,
      );
      const want = (1 - Math.exp(-a * t)) / a;
      expect(
        Math.abs(inverse((r, i) => mul(recip(r, i), recip(r + a, i)), t) / want - 1),
      ).toBeLessThan(1e-6);
    });
  }
});
