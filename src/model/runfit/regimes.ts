// The training regimes a user's runs can be fitted in (docs/theory.md §10): one record each. The
// fit reads from the record which run columns act, which parameters the regime needs, which axes
// it is fitted on, and (when the regime has its own dynamics) how a learning curve is tabulated.
import { SgdParamError, checkSgdParams } from '../sgd/system.ts';
import { sgdParamsOf } from '../sgd/theory.ts';
import type { Params, Regime } from '../params.ts';
import type { SamplerFactory } from './sampler.ts';
import type { FitAxis, RunColumn } from './runs.ts';
import { sgdSampler } from './sgdSampler.ts';

/** A parameter the regime cannot use, and why. */
export interface RegimeProblem {
  param: keyof Params;
  message: string;
}

export interface FitRegimeSpec {
  regime: Regime;
  /** The run columns that act in this regime (beside P and N). */
  columns: readonly RunColumn[];
  /** The axes its runs can be fitted on (default: every axis). */
  axes?: readonly FitAxis[];
  /** Whether P acts (one-pass SGD sees fresh samples: it has no dataset size). */
  usesP: boolean;
  /** What is wrong with the other parameters for this regime, or null. */
  check(p: Params): RegimeProblem | null;
  /** Its own tabulation of the steps axis, when the engine's TimeEvaluator is not it. */
  sampler?: SamplerFactory;
  /** The range of theory steps its tables may cover, when not the time axis's. */
  domain?: readonly [number, number];
}

/** SGD's theory steps: from the first step to 10⁸ (docs/theory.md §9.3: blocks make long runs cheap). */
export const SGD_FIT_DOMAIN: readonly [number, number] = [1, 1e8];

function sgdCheck(p: Params): RegimeProblem | null {
  if (p.schedule !== 'constant')
    return {
      param: 'schedule',
      message:
        'SGD runs are fitted with a constant learning rate only (a schedule’s horizon in theory steps would move with the fitted step scale s)',
    };
  try {
    checkSgdParams(sgdParamsOf({ ...p, alpha: 1.5, beta: 2 }));
    return null;
  } catch (e) {
    if (e instanceof SgdParamError) return { param: e.param as keyof Params, message: e.message };
    throw e;
  }
}

export const FIT_REGIMES: Partial<Record<Regime, FitRegimeSpec>> = {
  gf: { regime: 'gf', columns: [], usesP: true, check: () => null },
  wd: {
    regime: 'wd',
    columns: [],
    usesP: true,
    check: (p) =>
      p.gamma > 0
        ? null
        : {
            param: 'gamma',
            message: 'weight decay needs gamma > 0 (in the theory’s units, 1/time)',
          },
  },
  sgd: {
    regime: 'sgd',
    columns: ['batch', 'eta'],
    axes: ['steps'],
    usesP: false,
    check: sgdCheck,
    sampler: sgdSampler,
    domain: SGD_FIT_DOMAIN,
  },
};

/** The regimes a fit can use, in the table's order. */
export const FIT_REGIME_KEYS = Object.keys(FIT_REGIMES) as Regime[];
