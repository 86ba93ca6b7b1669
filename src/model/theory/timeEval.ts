// E_g(t) and E_tr(t) at one time, every regime (docs/theory.md §3):
//   mean part (GF / weight decay): double inverse Laplace transform of the two-point kernel, λ = s + γ;
//   Langevin part:  E_g^T = T·L⁻¹{df/(s(1 − df/P))},   E_tr^T = T·L⁻¹{df/s},     at λ₂ = γ + s/2;
//   random init:    E_g^0 = σ0²·L⁻¹{½ df/(1 − df/P)},  E_tr^0 = σ0²·L⁻¹{½ df},   at λ₂ = γ + s/2.
// Cross terms vanish in the mean, so E_g = E_g^mean + E_g^T + E_g^0.
import {
  allocHistory,
  allocState,
  solveNodes,
  type Engine,
  type NodeHistory,
  type NodeState,
} from './engine.ts';
import { allocNodes, talbotNodes, TALBOT_NODES, type TalbotNodes } from './talbot.ts';
import { allocPairWork, meanErrors, type PairWork } from './twoPoint.ts';

export interface TimePoint {
  Eg: number;
  Etr: number;
  EgMean: number;
  EgNoise: number;
}

export class TimeEvaluator {
  readonly e: Engine;
  private readonly nodes: TalbotNodes;
  private readonly st: NodeState;
  private readonly st2: NodeState;
  private readonly work: PairWork;
  private readonly hist: NodeHistory;
  private readonly hist2: NodeHistory;
  /** Node state at λ = s + γ of the last evaluated time (the mode panel reuses it). */
  get state(): NodeState {
    return this.st;
  }
  get talbot(): TalbotNodes {
    return this.nodes;
  }

  constructor(e: Engine, order: number = TALBOT_NODES) {
    this.e = e;
    this.nodes = allocNodes(order);
    const n = this.nodes.n;
    this.st = allocState(n);
    this.st2 = allocState(n);
    this.work = allocPairWork(n);
    this.hist = allocHistory(n);
    this.hist2 = allocHistory(n);
  }

  /** Solve κ at the nodes of time t (λ = s + γ) without the pair sums. */
  prepare(t: number): void {
    talbotNodes(t, this.nodes);
    solveNodes(this.e, this.nodes, this.e.p.gamma, 1, this.st, true, this.hist, t);
  }

  at(t: number, withTrain = true): TimePoint {
    const e = this.e;
    const p = e.p;
    this.prepare(t);
    const mean = meanErrors(e, this.nodes, this.st, this.work, withTrain);
    let egN = 0;
    let etrN = 0;
    if (p.T > 0 || p.sigma02 > 0) {
      const nodes = this.nodes;
      const st2 = this.st2;
      solveNodes(e, nodes, p.gamma, 0.5, st2, false, this.hist2, t);
      const iP = e.iP;
      for (let j = 0; j < nodes.n; j++) {
        const m = j === 0 ? 1 : 2;
        const dr = st2.dfr[j];
        const di = st2.dfi[j];
        // q = df/(1 − df/P)
        const rr = 1 - dr * iP;
        const ri = -di * iP;
        const rm = rr * rr + ri * ri;
        const qr = (dr * rr + di * ri) / rm;
        const qi = (di * rr - dr * ri) / rm;
        const cr = nodes.cr[j];
        const ci = nodes.ci[j];
        // c/s
        const sm = nodes.sr[j] * nodes.sr[j] + nodes.si[j] * nodes.si[j];
        const wr = (cr * nodes.sr[j] + ci * nodes.si[j]) / sm;
        const wi = (ci * nodes.sr[j] - cr * nodes.si[j]) / sm;
        egN += m * (p.T * (wr * qr - wi * qi) + 0.5 * p.sigma02 * (cr * qr - ci * qi));
        if (withTrain)
          etrN += m * (p.T * (wr * dr - wi * di) + 0.5 * p.sigma02 * (cr * dr - ci * di));
      }
    }
    return { Eg: mean.eg + egN, Etr: mean.etr + etrN, EgMean: mean.eg, EgNoise: egN };
  }
}
