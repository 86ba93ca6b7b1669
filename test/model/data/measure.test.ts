import { describe, expect, it } from 'vitest';
import { measurePool } from '../../../src/model/data/build.ts';
import { reluKernel } from '../../../src/model/data/kernels.ts';
import { normalisedInputs, type ImagePool } from '../../../src/model/data/pool.ts';
import { taskLabels } from '../../../src/model/data/tasks.ts';
import { jacobiEigen } from '../../helpers/jacobiEigen.ts';
import { committedPool, poolSource } from '../../helpers/digitAssets.ts';

const MNIST = poolSource('mnist');
const TASKS = MNIST.tasks;
const DIM = 784;

/** The first `per` images of each digit of the committed pool. */
function smallPool(per: number): ImagePool {
  const pool = committedPool();
  const rows: number[] = [];
  for (let d = 0; d < 10; d++) {
    const first = pool.labels.indexOf(d);
    for (let i = 0; i < per; i++) rows.push(first + i);
  }
  const pixels = new Uint8Array(rows.length * DIM);
  rows.forEach((r, i) => pixels.set(pool.pixels.subarray(r * DIM, (r + 1) * DIM), i * DIM));
  return {
    n: rows.length,
    dim: DIM,
    pixels,
    labels: Uint8Array.from(rows, (r) => pool.labels[r]),
  };
}

/** Direct computation: the kernel entry by entry, Jacobi eigenvectors, powers (u·y)²/n. */
function direct(pool: ImagePool, kernel: 'linear' | 'relu') {
  const n = pool.n;
  const X = normalisedInputs(pool);
  const dot = (i: number, j: number) => {
    let s = 0;
    for (let q = 0; q < DIM; q++) s += X[i * DIM + q] * X[j * DIM + q];
    return s;
  };
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const g = dot(i, j);
      K[i * n + j] =
        (kernel === 'linear' ? g : reluKernel(g, Math.sqrt(dot(i, i)), Math.sqrt(dot(j, j)))) / n;
    }
  const { values, V } = jacobiEigen(K, n);
  const order = Array.from(values.keys()).sort((a, b) => values[b] - values[a]);
  const powers = TASKS.map((t) => {
    const y = taskLabels(t, pool.labels);
    return order.map((k) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += V[i * n + k] * y[i];
      return (s * s) / n;
    });
  });
  return { values: order.map((k) => values[k]), powers };
}

describe('measured spectrum on a small pool against a direct computation', () => {
  const pool = smallPool(6);
  for (const kernel of ['linear', 'relu'] as const) {
    it(`${kernel}: eigenvalues and target powers to 1e-9 relative`, () => {
      const built = measurePool(pool, [kernel], TASKS)[kernel];
      const ref = direct(pool, kernel);
      const top = ref.values[0];
      let checked = 0;
      for (let k = 0; k < pool.n; k++) {
        if (ref.values[k] < 1e-8 * top) continue; // numerically zero (the builder writes 0)
        expect(Math.abs(built.eigenvalues[k] - ref.values[k]) / ref.values[k]).toBeLessThan(1e-9);
        TASKS.forEach((t, i) => {
          const want = ref.powers[i][k];
          // Relative to the power itself, floored at 1e-12 of the total (Σ_k power = 1).
          expect(Math.abs(built.powers[t.key][k] - want) / Math.max(want, 1e-12)).toBeLessThan(
            1e-9,
          );
        });
        checked++;
      }
      expect(checked).toBeGreaterThan(50);
    });
  }

  it('powers sum to (1/n)|y|² = 1 and eigenvalues to Tr K/n', () => {
    const t = measurePool(pool, MNIST.kernels, TASKS);
    expect(t.linear.eigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(t.relu.eigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(0.5, 9);
    for (const task of TASKS)
      expect(t.relu.powers[task.key].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('ReLU NNGP kernel', () => {
  it('matches its closed form at θ = 0, π/2, π and scales with the norms', () => {
    expect(reluKernel(6, 2, 3)).toBeCloseTo(3, 12); // |x||x'|/2
    expect(reluKernel(0, 2, 3)).toBeCloseTo(6 / (2 * Math.PI), 12);
    expect(reluKernel(-6, 2, 3)).toBe(0);
    expect(reluKernel(6.000000001, 2, 3)).toBeCloseTo(3, 8); // |cos θ| > 1 by rounding
  });
  it('is E[ReLU(w·x) ReLU(w·x′)] (Monte Carlo, 2·10⁵ draws)', () => {
    const x = [1, 0.5];
    const xp = [-0.3, 1.2];
    let s = 0;
    let u = 12345;
    const normal = () => {
      // Box–Muller on a small LCG: independent of the project's generator.
      u = (Math.imul(u, 1103515245) + 12345) >>> 0;
      const a = (u + 1) / 4294967297;
      u = (Math.imul(u, 1103515245) + 12345) >>> 0;
      const b = u / 4294967296;
      return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
    };
    const draws = 200000;
    for (let i = 0; i < draws; i++) {
      const w0 = normal();
      const w1 = normal();
      s += Math.max(0, w0 * x[0] + w1 * x[1]) * Math.max(0, w0 * xp[0] + w1 * xp[1]);
    }
    const g = x[0] * xp[0] + x[1] * xp[1];
    const k = reluKernel(g, Math.hypot(x[0], x[1]), Math.hypot(xp[0], xp[1]));
    expect(Math.abs(s / draws - k)).toBeLessThan(0.01 * Math.hypot(...x) * Math.hypot(...xp));
  });
});
