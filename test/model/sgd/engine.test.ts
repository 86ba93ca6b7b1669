// The SGD theory engine (docs/theory.md §9): limits with independent closed forms, the block
// propagation against the step-by-step recursion, the compression against exact mode sums, the
// stability edge and the noise floor against their definitions, the late-time slope against its
// law.
import { describe, expect, it } from 'vitest';
import { computeCurve, DEFAULT_PARAMS, type Params } from '../../../src/model/index.ts';
import { flowLimit, logSteps, sgdCurve } from '../../../src/model/sgd/curve.ts';
import { fitSgdSlope, sgdLaws } from '../../../src/model/sgd/exponents.ts';
import { nodesFromModes, powerLawNodes } from '../../../src/model/sgd/nodes.ts';
import { propagate, Propagator } from '../../../src/model/sgd/propagate.ts';
import { recursionCurve, type SgdSystem } from '../../../src/model/sgd/recursion.ts';
import { schedulePieces, type Schedule } from '../../../src/model/sgd/schedule.ts';
import {
  kernelNorm,
  maxEigenvalue,
  noiseFloor,
  stabilityEdge,
} from '../../../src/model/sgd/stability.ts';
import { DEFAULT_SGD, sgdSystem, type SgdParams } from '../../../src/model/sgd/system.ts';

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return m;
}

const powerModes = (alpha: number, beta: number, M: number) => ({
  lam: Float64Array.from({ length: M }, (_, k) => (k + 1) ** -alpha),
  power: Float64Array.from({ length: M }, (_, k) => (k + 1) ** -beta),
});

const schedule = (kind: Schedule['kind'], S: number, extra: Partial<Schedule> = {}): Schedule => ({
  kind,
  eta: 0.5,
  horizon: S,
  decay: 0.2,
  final: 0,
  warmup: 0,
  ...extra,
});

describe('B → ∞: full-batch descent on the population loss', () => {
  it('E_g = Σ_k (c_k + σ₀²λ_k)(1 − ηλ_k)^{2s} with M = 500 exact modes, to 1e-9', () => {
    const M = 500;
    const p: SgdParams = { ...DEFAULT_SGD, M, batch: Infinity, eta: 0.7, sigma02: 0.1 };
    const steps = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
    const c = sgdCurve(p, steps);
    const exact = steps.map((s) => {
      let e = 0;
      for (let k = 1; k <= M; k++) {
        const l = k ** -1.5;
        e += (k ** -2 + 0.1 * l) * (1 - 0.7 * l) ** (2 * s);
      }
      return e;
    });
    expect(maxRel(c.Eg, exact)).toBeLessThan(1e-9);
  });

  it('every node of the M = ∞ spectrum decays as (1 − ηλ_i)^{2s}, to 1e-9', () => {
    const sys: SgdSystem = {
      nodes: powerLawNodes(1.5, 2, Infinity, 1e6),
      sigma2: 0.05,
      sigma02: 0,
      batch: Infinity,
    };
    const pr = new Propagator(sys, schedulePieces(schedule('constant', 1, { eta: 0.9 })));
    let checked = 0;
    for (const s of [7, 300, 1e4, 1e6]) {
      pr.advanceTo(s);
      for (let i = 0; i < sys.nodes.lam.length; i++) {
        const exact = (1 - 0.9 * sys.nodes.lam[i]) ** (2 * s);
        if (exact < 1e-280) continue;
        expect(Math.abs(pr.st.phi[i] - exact) / exact).toBeLessThan(1e-9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(pr.blocks).toBeGreaterThan(0);
  });
});

describe('η → 0 at fixed t = ηs: gradient flow at P → ∞', () => {
  for (const N of [Infinity, 200]) {
    it(`N = ${N}: SGD at η = 1e-4 against the gradient-flow engine at P = 1e7, to 1e-3`, () => {
      const eta = 1e-4;
      const base = { sigma2: 0.05, sigma02: 0.1, N, M: Infinity };
      const gp: Params = {
        ...DEFAULT_PARAMS,
        ...base,
        P: 1e7,
        regime: 'gf',
        tmin: 0.1,
        tmax: 1e3,
        nt: 9,
      };
      const g = computeCurve(gp);
      const steps = Array.from(g.t, (t) => Math.round(t / eta));
      const c = sgdCurve({ ...DEFAULT_SGD, ...base, eta, batch: 1 }, steps);
      expect(maxRel(c.Eg, g.Eg)).toBeLessThan(1e-3);
      // The engine's own limit, E_g(0)·e^{−2λt} on the same nodes, agrees with the Laplace engine.
      const sys = sgdSystem({ ...DEFAULT_SGD, ...base }, 1e3);
      expect(maxRel(flowLimit(sys, g.t), g.Eg)).toBeLessThan(1e-4);
    });
  }
});

describe('the compression of docs/theory.md §5.1 against exact sums over k = 1..M', () => {
  it('M = 1500, constant and cosine, B = 1 and 8: 1e-6', () => {
    const M = 1500;
    const exact = powerModes(1.5, 2, M);
    const steps = logSteps(1, 5e3, 25);
    let runs = 0;
    for (const kind of ['constant', 'cosine'] as const) {
      const pieces = schedulePieces(schedule(kind, 5e3, { eta: 0.4 }));
      for (const batch of [1, 8]) {
        const common = { sigma2: 0.02, sigma02: 0.1, batch };
        const a = propagate({ ...common, nodes: powerLawNodes(1.5, 2, M, 1e4) }, pieces, steps);
        const b = propagate(
          { ...common, nodes: nodesFromModes(exact.lam, exact.power) },
          pieces,
          steps,
        );
        expect(maxRel(a.Eg, b.Eg)).toBeLessThan(1e-6);
        runs++;
      }
    }
    expect(runs).toBe(4);
  });
});

describe('block propagation against the step-by-step recursion', () => {
  const S = 1e5;
  const cases: [string, Schedule][] = [
    ['constant', schedule('constant', S)],
    ['cosine with warm-up', schedule('cosine', S, { warmup: 200 })],
    ['wsd to a tenth', schedule('wsd', S, { final: 0.1 })],
    ['wsd to 0', schedule('wsd', S, { decay: 0.3 })],
    ['cosine to 0', schedule('cosine', S)],
  ];
  for (const N of [Infinity, 200]) {
    for (const [name, sch] of cases) {
      it(`${name}, N = ${N}, B = 1 and 8: 1e-4 at every step, with far fewer iterations`, () => {
        const steps = logSteps(1, S, 40);
        for (const batch of [1, 8]) {
          const p: SgdParams = { ...DEFAULT_SGD, N, batch, eta: batch === 1 ? 0.3 : 0.8 };
          const sys = sgdSystem(p, S);
          const pieces = schedulePieces({ ...sch, eta: p.eta });
          const ref = recursionCurve(sys, pieces, steps);
          const r = propagate(sys, pieces, steps);
          expect(maxRel(r.Eg, ref)).toBeLessThan(1e-4);
          expect(r.blocks + r.rejected + r.exactSteps).toBeLessThan(S / 20);
        }
      });
    }
  }
});

describe('stability edge and noise floor (docs/theory.md §9.4)', () => {
  it('‖K‖ = Σ_r K(r) summed term by term (M = 300 exact modes)', () => {
    const m = powerModes(1.5, 2, 300);
    const nodes = nodesFromModes(m.lam, m.power);
    for (const [eta, B] of [
      [0.2, 1],
      [0.5, 4],
      [1.2, 64],
    ]) {
      const c = 1 + 1 / B;
      let direct = 0;
      for (let k = 0; k < 300; k++) {
        const l = m.lam[k];
        const a = 1 - 2 * eta * l + eta * eta * c * l * l;
        let ar = 1;
        for (let r = 0; r < 2e6 && ar > 1e-18; r++) {
          direct += ((eta * eta) / B) * l * l * ar;
          ar *= a;
        }
      }
      expect(Math.abs(kernelNorm(nodes, eta, B) - direct) / direct).toBeLessThan(1e-9);
    }
  });

  it('η_max: ‖K‖ = 1 on the noise edge, 2B/((B + 1)λ_max) on the mode edge', () => {
    const nodes = powerLawNodes(1.5, 2, Infinity, 1e6);
    const noise = stabilityEdge(nodes, 1);
    expect(noise.kind).toBe('noise');
    expect(Math.abs(kernelNorm(nodes, noise.etaMax, 1) - 1)).toBeLessThan(1e-6);
    const mode = stabilityEdge(nodes, 1e4);
    expect(mode.kind).toBe('mode');
    // ‖K‖ → ∞ as a₁ → 1, so the edge sits just below the top mode's: within 1/B relative.
    const etaMode = (2 * 1e4) / (1e4 + 1) / maxEigenvalue(nodes);
    expect(mode.etaMax).toBeLessThan(etaMode);
    expect(mode.etaMax).toBeGreaterThan(etaMode * (1 - 1e-3));
    expect(stabilityEdge(nodes, Infinity).etaMax).toBe(2 / maxEigenvalue(nodes));
  });

  for (const [name, extra] of [
    ['N = ∞, M = 100', { N: Infinity, M: 100 }],
    ['N = 50 (with E_approx)', { N: 50, M: Infinity }],
  ] as const) {
    it(`${name}: E_g(s → ∞) = (r + σ²‖K‖)/(1 − ‖K‖) to 1e-6`, () => {
      const p: SgdParams = { ...DEFAULT_SGD, ...extra, sigma2: 0.1, eta: 0.4, batch: 2 };
      const c = sgdCurve(p, [1e7]);
      const sys = sgdSystem(p, 1e7 * p.eta);
      const K = kernelNorm(sys.nodes, p.eta, p.batch);
      expect(K).toBeGreaterThan(0.05);
      const floor = (sys.nodes.residual + 0.1 * K) / (1 - K);
      expect(Math.abs(c.Eg[0] - floor) / floor).toBeLessThan(1e-6);
      expect(c.floor).toBeCloseTo(noiseFloor(sys.nodes, 0.1, 0.4, 2), 12);
    });
  }

  for (const B of [1, 1e4]) {
    it(`B = ${B}: the run diverges just above η_max and stays bounded just below`, () => {
      const p: SgdParams = { ...DEFAULT_SGD, batch: B, sigma2: 0.05 };
      const edge = sgdCurve({ ...p, eta: 0.1 }, [1]).edge;
      const below = sgdCurve({ ...p, eta: 0.98 * edge.etaMax }, [1e6]);
      const above = sgdCurve({ ...p, eta: 1.02 * edge.etaMax }, [1e6]);
      expect(below.divergedAt).toBe(Infinity);
      expect(below.Eg[0]).toBeLessThan(1e3);
      expect(above.divergedAt).toBeLessThan(1e6);
      expect(above.Eg[0]).toBe(Infinity);
      expect(above.unstable).toBe(true);
    });
  }
});

describe('the late-time slope at σ² = 0: −min((β − 1)/α, 2 − 1/α)', () => {
  const slopeCase = (alpha: number, beta: number, eta: number, batch: number, lo: number) => {
    const p: SgdParams = { ...DEFAULT_SGD, alpha, beta, eta, batch, sigma2: 0 };
    const c = sgdCurve(p, logSteps(lo, 1e7, 31));
    const laws = sgdLaws(p, { alpha, beta }, c.edge);
    const fit = fitSgdSlope(c, laws.s.facts);
    return { law: laws.s, fit: fit.fit };
  };

  it('target phase (β < 2α): α = 1.5, β = 2, slope −2/3 within 0.05', () => {
    const { law, fit } = slopeCase(1.5, 2, 0.3, 8, 1e4);
    expect(law.branch).toBe('target');
    expect(law.value).toBeCloseTo(-2 / 3, 12);
    expect(fit).not.toBeNull();
    expect(Math.abs(fit!.slope - law.value)).toBeLessThan(0.05);
  });

  it('noise phase (β > 2α): α = 1.5, β = 6, slope −4/3 within 0.05 (not −10/3)', () => {
    const { law, fit } = slopeCase(1.5, 6, 0.3, 8, 1e4);
    expect(law.branch).toBe('noise');
    expect(law.value).toBeCloseTo(-4 / 3, 12);
    expect(Math.abs(fit!.slope - law.value)).toBeLessThan(0.05);
  });

  it('α = 1.5, β = 4, B = 1: about −1.2 at s = 2·10⁴, against −2 for full-batch descent', () => {
    const local = (batch: number) => {
      const c = sgdCurve({ ...DEFAULT_SGD, beta: 4, eta: 0.5, batch, sigma2: 0 }, [1.5e4, 2.7e4]);
      return Math.log(c.Eg[1] / c.Eg[0]) / Math.log(2.7e4 / 1.5e4);
    };
    expect(Math.abs(local(1) + 1.2)).toBeLessThan(0.05);
    expect(Math.abs(local(Infinity) + 2)).toBeLessThan(0.05);
  });
});
