// The lessons: data. A lesson is a sequence of steps, each a state and its sentences: step 0 is its
// configuration (in the URL shape) with `text`, step k the state after its first k "Try it" changes
// with `steps[k − 1].then` (apply.ts computes the states). Each sentence names the claim it makes
// (claims.ts) and is shown only while that claim holds in the live state; otherwise its
// `otherwise` text (true there) or nothing. A step's "Try it" text is a promise about the state it
// leads to, and its `then` sentences are that promise as claims: the truth suite checks them in
// that state with the engine. Numbers are {placeholders} filled from the live results of the state
// on screen (fill.ts). The settings and numbers of lessons 1–6 are those of docs/lessons.md
// (M = 20000 modes).
import type { NumericKey } from '../model/params.ts';
import type { PanelId } from '../state/view.ts';
import type { ClaimId } from './claims.ts';

export interface LessonSentence {
  text: string;
  /** The claim this sentence makes (all of them, when several); shown only while it holds. */
  when?: ClaimId | readonly ClaimId[];
  /** Shown instead when the claim does not hold (must be true there). */
  otherwise?: string;
}

export interface LessonStep {
  /** What to try, in words, shown with the "Try it" button: a promise about the next state. */
  text: string;
  /**
   * The change, as a query fragment read over the previous step's state ("N=600"; pins are
   * written as in a link, relative to the new configuration: "pins=beta:2" pins the old β).
   */
  change: string;
  /** The sentences of the state the step leads to: its promise, each part a claim that holds there. */
  then: readonly LessonSentence[];
  /** The panels these sentences are about, when not the lesson's (`Lesson.stage`). */
  stage?: readonly StageId[];
}

/**
 * What a lesson's text is about, besides the learning curve: a panel of the view, or the measured
 * spectrum (shown whenever the data are measured). Lecture mode puts it on the first screen.
 */
export type StageId = 'curve' | 'spectrum' | PanelId;

export interface Lesson {
  id: string;
  title: string;
  /** Query string of the lesson's state: parameters, panels, sweep mode, pins. */
  config: string;
  /** The sentences of the lesson's own state (step 0). */
  text: readonly LessonSentence[];
  /** The "Try it" steps, in order. */
  steps: readonly LessonStep[];
  /**
   * The panels the text is about, first the one to show first (lessons/stage.ts); without it,
   * the learning curve.
   */
  stage?: readonly StageId[];
  /**
   * The two or three sliders the lesson is about, shown beside the plot in lecture mode. Optional:
   * without it, the parameters its first "Try it" change sets (lessons/controls.ts).
   */
  controls?: readonly NumericKey[];
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'time',
    controls: ['beta', 'alpha'],
    title: 'Time-limited scaling',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=1000000&N=inf&sigma2=0&panels=formulas,exponents,modes',
    text: [
      {
        text: 'With P = {P} examples and N = {N} features only training time limits learning over this window: E_g falls as a power law in t.',
        when: 'timeLawVisible',
        otherwise: 'In this state E_g shows no clean power law in t: {fitTwhy}.',
      },
      {
        text: 'Where the local slope is stable ({fitTwin}) it is {fitT}; the theory predicts −(β−1)/α = {predT}.',
        when: 'timeLawVisible',
        otherwise: 'The time law −(β−1)/α does not apply here: {lawTwhy}.',
      },
    ],
    steps: [
      {
        text: 'Raise β to 3 (a smoother target), with β = 2 pinned: the predicted slope −(β−1)/α steepens, and the curve follows it.',
        change: 'beta=3&pins=beta:2',
        then: [
          {
            text: 'With β = {beta} the theory predicts −(β−1)/α = {predT}; where the local slope is stable ({fitTwin}) E_g falls as {fitT}.',
            when: 'timeLawFollowed',
          },
          {
            text: 'That is steeper than the pinned curve with β = {pinBeta}, whose slope is {pinFitT}: a smoother target is learned faster in time.',
            when: 'steeperThanPin',
          },
        ],
      },
    ],
  },
  {
    id: 'data',
    controls: ['P', 'beta', 'alpha'],
    stage: ['scalingP'],
    title: 'Data-limited scaling',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=400&N=inf&sigma2=0&panels=formulas,scalingP,exponents&at=inf',
    text: [
      {
        text: 'Trained to convergence (t → ∞), without label noise and with N = {N} features, the data set is the bottleneck.',
        when: 'dataLaw',
        otherwise: 'The data law does not apply in this state: {lawPwhy}.',
      },
      {
        text: 'Across P the converged error falls with slope {fitP} ({fitPwin}); the theory predicts −min(β−1, 2α) = {predP}.',
        when: 'dataLawVisible',
        otherwise: 'No stable slope across P to compare with: {fitPwhy}.',
      },
    ],
    steps: [
      {
        text: 'Set α = 1.2, β = 4 (β > 2α + 1) and keep every mode (M = ∞): the predicted exponent saturates at −2α, and the sweep follows it.',
        change: 'alpha=1.2&beta=4&M=inf',
        then: [
          {
            text: 'Now β − 1 = {betaMinus1} exceeds 2α = {twoAlpha}: the data law saturates at −2α = {predP}, set by the spectrum, not by the target.',
            when: 'dataLawSaturated',
          },
          {
            text: 'Across P the converged error falls with slope {fitP} ({fitPwin}).',
            when: 'dataLawSaturated',
          },
        ],
      },
    ],
  },
  {
    id: 'noise',
    controls: ['sigma2', 'P'],
    title: 'Noise makes early stopping pay',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=400&N=inf&sigma2=0.1&panels=formulas,exponents,modes',
    text: [
      {
        text: 'With label noise σ² = {sigma2} the test error has a minimum: E* = {Estar} at t* ≈ {tstar}.',
        when: 'stoppingPays',
        otherwise:
          'With σ² = {sigma2}, E_g has no minimum below E_g(∞) = {Einf}: early stopping does not pay here.',
      },
      {
        text: 'Trained to convergence the model fits the noise and ends at E_g(∞) = {Einf}, {gain}× worse than stopping early.',
        when: 'stoppingPaysFinite',
      },
    ],
    steps: [
      {
        text: 'Raise the noise to σ² = 0.4, with σ² = 0.1 pinned: t* moves earlier, as (P/σ²)^{α/β}, and stopping pays more.',
        change: 'sigma2=0.4&pins=sigma2:0.1',
        then: [
          {
            text: 'With σ² = {sigma2} the minimum comes earlier: E* = {Estar} at t* ≈ {tstar}, against t* ≈ {pinTstar} for the pinned σ² = {pinSigma2}. The law t* ~ (P/σ²)^{α/β} predicts {tstarRatioLaw}× earlier; it is {tstarRatio}×.',
            when: 'stopsEarlierThanPin',
          },
          {
            text: 'Training on to t → ∞ now ends {gain}× above the minimum (E_g(∞) = {Einf}), against {pinGain}× with σ² = {pinSigma2}: stopping pays more.',
            when: 'paysMoreThanPin',
          },
        ],
      },
    ],
  },
  {
    id: 'double-descent',
    controls: ['N', 'P', 'sigma2'],
    stage: ['scalingN'],
    title: 'Double descent at N = P',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=300&N=300&sigma2=0.05&panels=formulas,scalingN,exponents&at=inf',
    text: [
      {
        text: 'With as many features as examples (N = P = {P}) the trained model must fit the noise exactly, and its error at convergence diverges: E_g(∞) = {Einf}.',
        when: 'interpolationDiverges',
        otherwise:
          'Here N = {N} and P = {P}: E_g(∞) = {Einf} is finite. The divergence sits at N = P.',
      },
      {
        text: 'The N-sweep panel shows the peak at N = P = {P}: more features first hurt, then help again.',
        when: 'sweepShowsPeak',
      },
      {
        text: 'Stopping early avoids it: E* = {Estar} at t* ≈ {tstar}.',
        when: 'stoppingPays',
      },
    ],
    steps: [
      {
        text: 'Move N away from P (try N = 600): the peak is left behind.',
        change: 'N=600',
        then: [
          {
            text: 'At N = {N}, well above P = {P}, the model no longer has to fit the noise exactly: E_g(∞) = {Einf} is finite.',
            when: 'pastPeak',
          },
          {
            text: 'The N-sweep still shows the peak, at N = P = {P}, now behind the current model size: past it, more features help again.',
            when: 'pastPeak',
          },
        ],
      },
    ],
  },
  {
    id: 'langevin',
    controls: ['T', 'gamma'],
    title: 'Langevin reaches the Bayesian posterior',
    config:
      'v=1&M=20000&regime=langevin&alpha=1.5&beta=2&P=400&N=inf&sigma2=0.05&gamma=0.001&T=0.0001&panels=formulas,exponents',
    text: [
      {
        text: 'Langevin training adds noise of temperature T = {T}. With weight decay γ = {gamma} it samples the Bayesian posterior at t → ∞, where the test error is the Gibbs error {Egibbs}.',
        when: 'reachesPosterior',
        otherwise:
          'Without weight decay and temperature both positive there is no posterior to reach: {limitWords}.',
      },
      {
        text: 'The posterior mean alone would reach {Epm}; the gap is the posterior variance T·df/(1 − df/P) = {postVar}.',
        when: 'reachesPosterior',
      },
      {
        text: 'Stopping before the noise has spread still pays: E* = {Estar} at t* ≈ {tstar}.',
        when: 'stoppingPays',
      },
    ],
    steps: [
      {
        text: 'Switch the regime to “Bayesian posterior”: the t → ∞ values directly.',
        change: 'regime=bayes',
        then: [
          {
            text: 'Langevin training samples this posterior at t → ∞: its test error is the Gibbs error {Egibbs}.',
            when: 'reachesPosterior',
          },
          {
            text: 'The posterior mean alone reaches {Epm}; the gap is the posterior variance T·df/(1 − df/P) = {postVar}.',
            when: 'reachesPosterior',
          },
        ],
      },
    ],
  },
  {
    id: 'stop-vs-decay',
    controls: ['gamma', 'sigma2'],
    title: 'Early stopping beats weight decay',
    config:
      'v=1&M=20000&regime=gf&alpha=1.2&beta=4&P=400&N=inf&sigma2=0.1&panels=formulas,exponents&pins=regime:wd,gamma:0.03',
    text: [
      {
        text: 'A smooth target (β = {beta} > 2α + 1 = {twoAlphaPlus1}): early-stopped gradient flow reaches E* = {Estar} at t* ≈ {tstar}.',
        when: 'smoothStopping',
        otherwise: 'The current curve reaches {bestE} at best ({bestWhere}).',
      },
      {
        text: 'The pinned curve is ridge regression with weight decay γ = {pinGamma}: it ends at E_g(∞) = {pinEinf}, above the early-stopping minimum. Ridge saturates (its rate in P is capped by m = min(β−1, 2α)), while early stopping keeps the full (σ²/P)^{(β−1)/β}.',
        when: 'pinAboveStopping',
      },
    ],
    steps: [
      {
        text: 'Swap the two: make the current curve weight decay γ = 0.03 and pin gradient flow. Even stopped at its best time, weight decay stays above early-stopped gradient flow.',
        change: 'regime=wd&gamma=0.03&pins=regime:gf',
        then: [
          {
            text: 'Weight decay γ = {gamma} is lowest at {bestWhere}, E_g = {bestE}; the pinned gradient flow, stopped early, reaches {pinEstar} at t* ≈ {pinTstar}.',
            when: 'decayAboveStopping',
          },
          {
            text: 'With a smooth target (β = {beta} > 2α + 1 = {twoAlphaPlus1}) early stopping alone beats weight decay, even weight decay stopped early.',
            when: 'decayAboveStopping',
          },
        ],
      },
    ],
  },
  {
    id: 'model',
    controls: ['N', 'beta'],
    stage: ['scalingN'],
    title: 'Model-limited scaling',
    config:
      'v=1&regime=gf&alpha=1.5&beta=3&P=1000000&N=100&sigma2=0&panels=formulas,scalingN,exponents&at=inf',
    text: [
      {
        text: 'Plenty of data (P = {P}) and time: the number of features N = {N} is the bottleneck.',
        when: 'modelLaw',
        otherwise: 'The model law does not apply in this state: {lawNwhy}.',
      },
      {
        text: 'Across N the converged error falls with slope {fitN} ({fitNwin}); the theory predicts −min(β−1, α) = {predN}, not −min(β−1, 2α) as for data.',
        when: 'modelLawVisible',
        otherwise: 'No stable slope across N to compare with: {fitNwhy}.',
      },
    ],
    steps: [
      {
        text: 'Lower β to 2 (β < α + 1): the predicted exponent becomes −(β−1) = −1.',
        change: 'beta=2',
        then: [
          {
            text: 'With β = {beta} below α + 1 = {alphaPlus1} the target’s smoothness sets the model law: −(β−1) = {predN}.',
            when: 'modelLawTarget',
          },
          {
            text: 'Across N the converged error falls with slope {fitN} ({fitNwin}).',
            when: 'modelLawTarget',
          },
        ],
      },
    ],
  },
  {
    id: 'spectral-bias',
    controls: ['P', 'alpha'],
    stage: ['modes'],
    title: 'Spectral bias',
    config: 'v=1&regime=gf&alpha=1.5&beta=2&P=10000&N=inf&sigma2=0&panels=formulas,modes,exponents',
    text: [
      {
        text: 'The mode panel shows which eigenmodes have been learned at each time. Large-eigenvalue modes are learned first; a mode is learned once λ_k exceeds κ(1/t).',
      },
      {
        text: 'The boundary k*(t) moves as a power of t, and that moving boundary makes the error a power law in time: slope {fitT} ({fitTwin}).',
        when: 'timeFitVisible',
        otherwise:
          'The boundary k*(t) moves as a power of t; E_g is {EgNow} at the end of the window.',
      },
    ],
    steps: [
      {
        text: 'Lower α to 1.2, with α = 1.5 pinned: the spectrum flattens, the boundary k*(t) moves faster, and the error falls faster in time.',
        change: 'alpha=1.2&pins=alpha:1.5',
        then: [
          {
            text: 'With α = {alpha} the eigenvalues fall more slowly: by any time more modes are learned, the boundary k*(t) ≈ t^{1/α} on the mode panel moving faster.',
            when: 'timeLawFollowed',
          },
          {
            text: 'E_g falls with slope {fitT} ({fitTwin}), as −(β−1)/α = {predT} predicts: steeper than the pinned α = {pinAlpha} curve’s {pinFitT}.',
            when: ['timeLawFollowed', 'steeperThanPin'],
          },
        ],
      },
    ],
  },
  {
    id: 'compute',
    controls: ['N', 'P'],
    stage: ['frontier', 'scalingN'],
    title: 'Compute-optimal allocation',
    config:
      'v=1&regime=gf&alpha=1.5&beta=2&P=10000000&N=200&sigma2=0&panels=formulas,scalingN,exponents,frontier&at=t&tat=1000',
    text: [
      {
        text: 'With unlimited data, a budget C = N·t can buy features or training time. The error is roughly t^{−(β−1)/α} + N^{−min(β−1, α)}: spend until the two terms balance.',
      },
      {
        text: 'The compute-optimal frontier panel takes the best N at each budget: the best loss L* falls with slope {fitC} in C; the theory gives L* ~ C^{{predC}}{predCnote} with N* ~ C^{{predCN}}.',
        when: 'frontierFit',
      },
      {
        text: 'The N-sweep here is at the fixed time t = {tAt}: it falls as a power law up to its knee ({fitNwin}), near N ~ t^{1/α} = {kAt}; past it, more features stop helping.',
        when: 'kneeNearKAt',
      },
    ],
    steps: [
      {
        text: 'Move the fixed time of the sweep to t = 10⁴: the knee moves to larger N, near N ~ t^{1/α}.',
        change: 'tat=10000',
        stage: ['scalingN', 'frontier'],
        then: [
          {
            text: 'At t = {tAt} the N-sweep falls as a power law up to its knee ({fitNwin}), near t^{1/α} = {kAt}; beyond it more features stop helping: the training time limits the error.',
            when: 'kneeNearKAt',
          },
          {
            text: 'The frontier does not depend on that time: it takes the best N at each budget C = N·t, and L* falls with slope {fitC} in C.',
            when: 'frontierFit',
          },
        ],
      },
    ],
  },
  {
    id: 'phase',
    controls: ['beta', 'alpha'],
    stage: ['phase', 'scalingN'],
    title: 'Which law am I in?',
    config:
      'v=1&regime=gf&alpha=2&beta=2.5&P=10000000&N=1000&sigma2=0&panels=scalingN,exponents,phase&at=inf&phase=model-inf',
    text: [
      {
        text: 'The phase diagram maps the model exponent (E_g(∞) against N) over (α, β): −(β−1) below the dashed line β = α + 1, set by the target’s smoothness; −α above it, where the spectrum caps it.',
        when: 'phaseShowsModel',
        otherwise:
          'Choose “model N, t → ∞” in the phase diagram’s Exponent menu to follow this lesson.',
      },
      {
        text: 'You are at α = {alpha}, β = {beta}, {sideOfLine} the line (α + 1 = {alphaPlus1}): the law there is {phaseTerm} = {predN}.',
        when: 'modelLaw',
        otherwise: 'The model law does not apply in this state: {lawNwhy}.',
      },
      {
        text: 'The N-sweep at P = {P} falls with slope {fitN} ({fitNwin}).',
        when: 'modelLawVisible',
        otherwise: 'No stable slope across N to compare with: {fitNwhy}.',
      },
      {
        text: 'The dots repeat that fit across the grid: {phaseDeepOk} of {phaseDeepN} fitted points farther than 0.5 from the line agree with the law within 0.05; {phaseNearOk} of {phaseNearN} nearer to it, where the two terms are close and the slope bends.',
        when: 'phaseModelGridDone',
      },
      {
        text: 'Drag the marker across the line (or focus it and press ↑): the hue changes where the law changes term.',
      },
    ],
    steps: [
      {
        text: 'Cross the boundary: β = 4 lies above α + 1 = 3, where the model exponent saturates at −α.',
        change: 'beta=4',
        then: [
          {
            text: 'At β = {beta}, {sideOfLine} the line α + 1 = {alphaPlus1}, the spectrum caps the model law: −α = {predN}. The N-sweep at P = {P} falls with slope {fitN} ({fitNwin}).',
            when: 'modelLawSaturated',
          },
          {
            text: 'On the diagram the marker has crossed the dashed line into the region of −α; {phaseDeepOk} of {phaseDeepN} fitted points farther than 0.5 from the line agree with their law within 0.05.',
            when: ['phaseModelGridDone', 'modelLawSaturated'],
          },
        ],
      },
    ],
  },
  {
    id: 'real-digits',
    controls: ['P', 'seeds'],
    stage: ['spectrum', 'simulation'],
    title: 'Does the theory predict real learning?',
    config:
      'v=1&data=mnist&kernel=relu&task=parity&regime=gf&P=400&N=inf&sigma2=0&seeds=6&tmin=1&tmax=100000&panels=scalingP,simulation',
    text: [
      {
        text: 'The theory now runs on a measured spectrum: the eigenvalues λ_k of the ReLU NNGP kernel on 3000 MNIST digits and the power c_k of the even-vs-odd labels in each mode (the spectrum panel). Fitted to it: α = {alphaFit}, β = {betaFit}, with the fit ranges marked.',
        when: 'measuredDigits',
        otherwise: 'This lesson is about MNIST digits: choose MNIST as the data to see it.',
      },
      {
        text: 'The dashed curve is the idealised model with those fitted exponents: at t = {tEnd} it gives E_g = {fittedEnd}, the measured spectrum {EgNow} ({fittedGap} % apart).',
        when: 'fittedShown',
      },
      {
        text: 'Real kernel regression on P = {P} training digits ({realDraws} draws, gradient flow, tested on the whole pool) lies at most {realGap} % from the theory on the measured spectrum over this window ({realZ} s.e.m.).',
        when: 'realRunDone',
        otherwise:
          'Press “Run on real digits” (r): kernel regression on P = {P} real digits, {seeds} draws, compared with the theory at each time.',
      },
      {
        text: 'That is within 3 % or 4 s.e.m. at every time: fed the measured spectrum, the mean-field theory predicts real learning here.',
        when: 'realRunClose',
        otherwise:
          'That is more than 3 % and more than 4 s.e.m. at some time: here the theory on the measured spectrum does not track the real runs that closely.',
      },
    ],
    steps: [
      {
        text: 'Raise P to 1000 and run again: the training digits are then a large share of the pool the error is measured on.',
        change: 'P=1000',
        then: [
          {
            text: 'P = {P} training digits are {poolShare} % of the {poolDigits}-digit pool on which the error is measured, theory and real runs alike.',
            when: 'trainsOnPool',
          },
          {
            text: 'Real kernel regression ({realDraws} draws) lies at most {realGap} % from the theory on the measured spectrum over this window ({realZ} s.e.m.).',
            when: 'realRunDone',
            otherwise:
              'Press “Run on real digits” (r): kernel regression on P = {P} real digits, {seeds} draws, compared with the theory at each time.',
          },
          {
            text: 'That is within 3 % or 4 s.e.m. at every time: the theory on the measured spectrum still tracks real learning.',
            when: 'realRunClose',
            otherwise:
              'That is more than 3 % and more than 4 s.e.m. at some time: here the theory on the measured spectrum does not track the real runs that closely.',
          },
        ],
      },
    ],
  },
  {
    id: 'collective',
    controls: ['P', 'N'],
    stage: ['inspector'],
    title: 'Why modes stop learning: the collective response',
    config:
      'v=1&regime=gf&alpha=1.5&beta=2&P=400&N=1000&sigma2=0&panels=modes,order,inspector&mode=300',
    text: [
      {
        text: 'The modes do not learn alone: each one sees the gradient signal scaled by the collective response R(τ) = (1 − df/N)(1 − df/P), the fraction of it that still reaches the modes on the timescale τ.',
      },
      {
        text: 'Here R falls from {Rfirst} at τ = {tauFirst} to {Rlast} at τ = {tauLast}: the longer the timescale, the more modes are fitted (df grows) and the less signal is left for the rest.',
        when: 'responseFalls',
        otherwise:
          'Over this window R does not fall: {Rfirst} at τ = {tauFirst}, {Rlast} at τ = {tauLast}.',
      },
      {
        text: 'Mode k = {modeK} has λ_k = {modeLambda}, below κ(∞) = {kappaInf}: however long training runs, it stops at ℓ_k(∞) = {ellInf}, while {modeFree}.',
        when: 'modeNeverLearned',
        otherwise: '{modeLearned}',
      },
    ],
    steps: [
      {
        text: 'Give the model four times the data (P = 1600): κ(∞) falls below this mode’s eigenvalue, and the mode is learned.',
        change: 'P=1600',
        then: [
          {
            text: 'With P = {P}, κ(∞) = {kappaInf} is below λ_k = {modeLambda} of mode k = {modeK}: the mode is learned (ℓ_k = ½) at t ≈ {modeLearnedAt} and ends at ℓ_k(∞) = {ellInf}.',
            when: 'modeLearned',
          },
          {
            text: 'More data leave more signal for the modes: R falls from {Rfirst} at τ = {tauFirst} to {Rlast} at τ = {tauLast}.',
            when: 'responseFalls',
          },
        ],
      },
    ],
  },
  {
    id: 'noise-amplification',
    controls: ['N', 'P', 'sigma2'],
    stage: ['decomposition'],
    title: 'Where the double-descent peak comes from: the shared noise amplification',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=300&N=300&sigma2=0.05&panels=scalingN,decomposition,order&at=inf',
    text: [
      {
        text: 'With as many features as examples (N = P = {P}) the effective noise that all modes share is amplified by 1/(1 − Γ(τ)): {ampLast} at τ = {tauLast}, and without bound as τ → ∞.',
        when: 'amplificationDiverges',
        otherwise:
          'Here N = {N} and P = {P}: the shared-noise amplification 1/(1 − Γ) stays finite, tending to {ampInf} as τ → ∞.',
      },
      {
        text: 'Both the signal part BR/(1 − Γ) and the label-noise part σ²Γ/(1 − Γ) of E_g carry that factor: at t = {tLast} they are {signalLast} and {noiseLast}, and both grow without bound as t → ∞.',
        when: 'partsDiverge',
        otherwise:
          'Both the signal part BR/(1 − Γ) and the label-noise part σ²Γ/(1 − Γ) of E_g carry that factor; as t → ∞ they tend to {signalInf} and {noiseInf}.',
      },
      {
        text: 'The N-sweep shows the resulting peak at N = P = {P}.',
        when: 'sweepShowsPeak',
      },
    ],
    steps: [
      {
        text: 'Move N to 600: the amplification stays finite and the peak is left behind.',
        change: 'N=600',
        then: [
          {
            text: 'At N = {N} the shared-noise amplification 1/(1 − Γ) stays finite: {ampLast} at τ = {tauLast}, tending to {ampInf} as τ → ∞.',
            when: 'amplificationFinite',
          },
          {
            text: 'So both parts of E_g stay finite: as t → ∞ the signal part tends to {signalInf} and the label-noise part to {noiseInf}.',
            when: 'partsFinite',
          },
          {
            text: 'The N-sweep’s peak at N = P = {P} is behind the current model size.',
            when: 'pastPeak',
          },
        ],
      },
    ],
  },
  {
    // Fashion-MNIST beside the digits (pinned): the same theory on another dataset's measured
    // spectrum, its fitted α and β read against the digits', and a real run to check it
    // (docs/theory.md §0 "Measured spectra", §7).
    id: 'other-data',
    controls: ['P', 'seeds'],
    title: 'Same theory, other data: what α and β say about a dataset',
    config:
      'v=1&data=fashion&kernel=relu&task=footwear&regime=gf&P=400&N=inf&sigma2=0&seeds=6&tmin=1&tmax=100000&panels=scalingP,simulation&pins=data:mnist,task:parity',
    text: [
      {
        text: 'The same theory on {dataPool}: {kernelLabel} kernel, labels {taskLabel}, α = {alphaFit}, β = {betaFit}.',
        when: 'measuredClothes',
        otherwise:
          'This lesson sets Fashion-MNIST beside the digits: choose Fashion-MNIST as the data to see it.',
      },
      {
        text: 'Eigenvalues fall more slowly than on the pinned {pinDataName} (α = {pinAlpha}): the images spread over more directions.',
        when: 'alphaBelowPin',
        otherwise:
          'Eigenvalues fall faster than on the pinned {pinDataName} (α = {pinAlpha}): the images spread over fewer directions.',
      },
      {
        text: 'Less of the task sits in the leading modes than for {pinTaskLabel} (β = {pinBeta}).',
        when: 'betaBelowPin',
        otherwise:
          'More of the task sits in the leading modes than for {pinTaskLabel} (β = {pinBeta}).',
      },
      {
        text: 'Slopes −(β−1)/α = {expT} against {pinExpT}, −min(β−1, 2α) = {expP} against {pinExpP}; at t = {tEnd}, E_g = {EgNow} against {pinEgNow}: exponents set slopes, not levels.',
        when: 'pinOnPool',
      },
      {
        text: 'Real kernel regression on P = {P} {dataItems} ({realDraws} draws) lies at most {realGap} % ({realZ} s.e.m.) from the theory.',
        when: 'realRunDone',
        otherwise: 'Press “Run on {dataReal}” (r) to set real learning beside the theory.',
      },
      {
        text: 'Within 3 % or 4 s.e.m. at every time: the theory predicts learning on this dataset too.',
        when: 'realRunClose',
        otherwise:
          'More than 3 % and 4 s.e.m. apart at some time: here the theory does not track real learning that closely.',
      },
    ],
    steps: [
      {
        text: 'Switch the task to tops (T-shirt, pullover, coat, shirt) vs the rest, with footwear pinned: the same images keep their α, the task brings its own β.',
        change: 'task=tops&pins=task:footwear',
        then: [
          {
            text: 'The same {dataItems} with labels {taskLabel}: α = {alphaFit}, as for the pinned {pinTaskLabel} (α = {pinAlpha}): the eigenvalues are the images’ and the kernel’s.',
            when: 'sameAlphaAsPin',
          },
          {
            text: 'The task brings its own β = {betaFit}, against {pinBeta} for {pinTaskLabel}: how its labels spread over the modes.',
            when: 'betaDiffersFromPin',
          },
          {
            text: 'Real kernel regression on P = {P} {dataItems} ({realDraws} draws) lies at most {realGap} % ({realZ} s.e.m.) from the theory.',
            when: 'realRunDone',
            otherwise: 'Press “Run on {dataReal}” (r) to set real learning beside the theory.',
          },
        ],
      },
    ],
  },
  // One-pass SGD (docs/theory.md §9): the learning rate's edge, the batch size, the schedules, and
  // the exponent the gradient noise sets.
  {
    id: 'sgd-edge',
    controls: ['eta', 'batch'],
    // The learning-rate sweep with its edge first; the diverging curve after "Try it".
    stage: ['sgd'],
    title: 'Too large a learning rate diverges (SGD)',
    config:
      'v=1&regime=sgd&alpha=1.5&beta=2&N=1000&sigma2=0.05&eta=0.3&batch=1&schedule=constant&horizon=10000&panels=sgd',
    text: [
      {
        text: 'One-pass SGD with a fresh minibatch of B = {batch} at every step and a constant rate η = {eta}: that is {etaRatio} of the stability edge {etaMaxSym} = {etaMax}, and E_g falls to its noise floor {sgdFloor}.',
        when: 'sgdStable',
        otherwise: 'At η = {eta} this run is not below the stability edge {etaMaxSym} = {etaMax}.',
      },
    ],
    steps: [
      {
        text: 'Raise η to 0.6, above the edge, with η = 0.3 pinned: the gradient noise the steps inject now comes back faster than they remove it, and E_g grows without bound.',
        change: 'eta=0.6&pins=eta:0.3',
        stage: ['curve'],
        then: [{ text: '{divergeSentence}', when: 'sgdDiverges' }],
      },
    ],
  },
  {
    id: 'sgd-batch',
    controls: ['batch', 'eta'],
    stage: ['sgd'],
    title: 'The critical batch size (SGD)',
    config:
      'v=1&regime=sgd&alpha=1.5&beta=2&N=1000&sigma2=0.05&eta=0.3&batch=1&schedule=constant&horizon=10000&panels=sgd,exponents',
    text: [
      {
        text: 'At fixed samples n = {nSamples} a larger batch averages away noise but leaves fewer steps: up to {BcritSym} ≈ {Bcrit} (batch panel) doubling B costs less than 10 %, beyond it more.',
        when: 'sgdCriticalInRange',
        otherwise:
          'In this state doubling B costs more than 10 % already at the smallest batch, or never within B ≤ 1024: there is no critical batch to mark.',
      },
      {
        text: 'On both sides of it, with the same n: doubling B = {sideLoB} ({BcritSym}/4) changes E_g by {sideLoCost} % ({sideLoE} → {sideLoE2}), doubling B = {sideHiB} (4 {BcritSym}) by {sideHiCost} % ({sideHiE} → {sideHiE2}).',
        when: 'sgdCriticalSides',
      },
    ],
    steps: [
      {
        text: 'Spend the same 10⁴ samples as B = 250 for S = 40 steps, with B = 1 pinned: far above the critical batch the steps lost cost more than the noise saved, and it ends higher than the pinned run.',
        change: 'batch=250&horizon=40&pins=batch:1,horizon:10000',
        then: [
          {
            text: 'With the same n = {nSamples} samples, B = {batch} (above {BcritSym} ≈ {Bcrit}) ends at E_g = {sgdEnd}, above the pinned B = 1 run at {pinSgdEnd}.',
            when: 'sgdPastCritical',
          },
        ],
      },
    ],
  },
  {
    id: 'sgd-schedules',
    controls: ['eta', 'horizon'],
    // Its text is about the curve: the noise floor marked on it, then WSD against the pinned
    // constant rate (the panel's figures are over B and η, not over the schedules).
    stage: ['curve'],
    title: 'Why decaying the rate at the end pays (WSD vs cosine vs constant)',
    config:
      'v=1&regime=sgd&alpha=1.5&beta=2&N=1000&sigma2=0.05&eta=0.3&batch=1&schedule=constant&horizon=10000&panels=exponents',
    text: [
      {
        text: 'At a constant rate η = {eta} the gradient noise keeps E_g at the noise floor {sgdFloor} (marked): at S = {horizon} it is at {sgdEnd}.',
        when: 'sgdAtFloor',
        otherwise: 'At this rate E_g has not reached its noise floor by S = {horizon}.',
      },
    ],
    steps: [
      {
        text: 'Switch to WSD (the same rate, then a linear decay over the last 20 % of the steps), with the constant rate pinned: decaying the rate removes the noise it was holding, and E_g ends far below the floor.',
        change: 'schedule=wsd&pins=schedule:constant',
        then: [
          {
            text: 'WSD ends at E_g = {sgdEnd}, {belowPinFloor} % below the constant rate’s noise floor {pinSgdFloor}.',
            when: 'sgdBelowPinFloor',
          },
          { text: '{schedulesSentence}', when: 'sgdSchedulesShown' },
        ],
      },
    ],
  },
  {
    id: 'sgd-noise-exponent',
    controls: ['beta', 'batch'],
    stage: ['curve'],
    title: 'SGD noise changes the exponent when β > 2α',
    config:
      'v=1&regime=sgd&alpha=1.5&beta=4&N=inf&M=inf&sigma2=0&eta=0.5&batch=1&schedule=constant&horizon=10000000&panels=sgd,exponents',
    text: [
      {
        text: 'A smooth target (β = {beta} > 2α) and B = {batch}: where the slope is stable ({fitSwin}) E_g falls as {fitSpow}, not as the target’s −(β−1)/α: the gradient noise sets it, {lawSformula} = {predS} ({lawSwhy}).',
        when: 'sgdNoiseLaw',
        otherwise: 'In this state the noise law does not show: {lawSwhy}.',
      },
    ],
    steps: [
      {
        text: 'Take the full batch (B = ∞: descent on the population loss, no gradient noise), with B = 1 pinned: the exponent returns to the target’s −(β−1)/α.',
        change: 'batch=inf&pins=batch:1',
        then: [
          {
            text: 'Without gradient noise E_g falls as {fitSpow} ({fitSwin}), the target’s law {lawSformula} = {predS}.',
            when: 'sgdTargetLaw',
          },
          {
            text: 'That is steeper than the pinned B = 1 run, whose slope is {pinFitS}: at B = 1 the noise of the steps outlasts the target.',
            when: 'sgdSteeperThanPin',
          },
        ],
      },
    ],
  },
];

export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

export function lessonById(id: string | null): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
