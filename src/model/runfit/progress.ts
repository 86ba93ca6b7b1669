// How a fit reports its progress and stops (docs/theory.md §10): the stages, the caller's hooks
// (a progress callback, a cancellation check made at every evaluation of the theory), and the
// two ways a fit ends early.

/** Thrown between two evaluations when the caller cancels. */
export class FitCancelled extends Error {
  constructor() {
    super('fit cancelled');
    this.name = 'FitCancelled';
  }
}

/** Progress and cancellation, checked at every (α, β) evaluation. */
export interface FitHooks {
  onProgress?: (p: FitProgress) => void;
  shouldCancel?: () => boolean;
}

export type FitStage = 'grid' | 'refine' | 'region' | 'bootstrap' | 'holdout' | 'curves';

export interface FitProgress {
  stage: FitStage;
  /** Steps of this stage done and expected (the refinement's count is an upper bound). */
  done: number;
  total: number;
  /** Overall fraction done, 0…1 (stages weighted by their usual cost). */
  fraction: number;
}

/** A fit that cannot be made, with the reason. */
export class FitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FitError';
  }
}

/** Overall progress weights of the stages (their usual share of the work). */
const STAGE_WEIGHT: Record<FitStage, number> = {
  grid: 0.3,
  refine: 0.3,
  region: 0.2,
  bootstrap: 0.08,
  holdout: 0.1,
  curves: 0.02,
};
/** Where the work goes, for the progress callback. */
export class Progress {
  private readonly weights: Record<FitStage, number>;
  private readonly order: FitStage[];
  constructor(
    private readonly hooks: FitHooks,
    stages: FitStage[],
  ) {
    const total = stages.reduce((s, k) => s + STAGE_WEIGHT[k], 0);
    this.weights = Object.fromEntries(stages.map((k) => [k, STAGE_WEIGHT[k] / total])) as Record<
      FitStage,
      number
    >;
    this.order = stages;
  }
  report(stage: FitStage, done: number, total: number): void {
    if (!this.hooks.onProgress) return;
    let before = 0;
    for (const k of this.order) {
      if (k === stage) break;
      before += this.weights[k];
    }
    const f = before + this.weights[stage] * Math.min(1, total > 0 ? done / total : 1);
    this.hooks.onProgress({ stage, done, total, fraction: Math.min(1, f) });
  }
}
