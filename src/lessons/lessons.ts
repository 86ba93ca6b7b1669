// The lessons: data (a configuration in the URL shape, sentences with {placeholders}, a next step),
// plus the claim each sentence makes, by name (claims.ts). A sentence is shown only while its claim
// holds in the live state; otherwise its `otherwise` text (true there) or nothing. Numbers are
// {placeholders} filled from the live results of the state on screen (fill.ts). The settings and
// numbers of lessons 1–6 are those of docs/lessons.md (M = 20000 modes).
import type { NumericKey } from '../model/params.ts';
import type { ClaimId } from './claims.ts';

export interface LessonSentence {
  text: string;
  /** The claim this sentence makes; it is shown only while the claim holds. */
  when?: ClaimId;
  /** Shown instead when the claim does not hold (must be true there). */
  otherwise?: string;
}

export interface LessonNext {
  /** What to try, in words (shown with a button). */
  text: string;
  /** The change, as a query fragment applied over the current state (e.g. "N=600"). */
  change: string;
}

export interface Lesson {
  id: string;
  title: string;
  /** Query string of the lesson's state: parameters, panels, sweep mode, pins. */
  config: string;
  text: readonly LessonSentence[];
  next: LessonNext;
  /**
   * The two or three sliders the lesson is about, shown beside the plot in lecture mode. Optional:
   * without it, the parameters its "Try next" change sets (lessons/controls.ts).
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
    next: {
      text: 'Raise β to 3 (a smoother target): the predicted slope −(β−1)/α steepens.',
      change: 'beta=3',
    },
  },
  {
    id: 'data',
    controls: ['P', 'beta', 'alpha'],
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
    next: {
      text: 'Set α = 1.2, β = 4 (β > 2α + 1): the predicted exponent saturates at −2α.',
      change: 'alpha=1.2&beta=4',
    },
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
    next: {
      text: 'Raise the noise to σ² = 0.4: t* moves earlier, as (P/σ²)^{α/β}, and stopping pays more.',
      change: 'sigma2=0.4',
    },
  },
  {
    id: 'double-descent',
    controls: ['N', 'P', 'sigma2'],
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
    next: { text: 'Move N away from P (try N = 600): the peak is left behind.', change: 'N=600' },
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
    next: {
      text: 'Switch the regime to “Bayesian posterior” to see the t → ∞ values directly.',
      change: 'regime=bayes',
    },
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
    next: {
      text: 'Switch the current curve to weight decay γ = 0.03: it coincides with the pin, and no longer has an early-stopping advantage.',
      change: 'regime=wd&gamma=0.03',
    },
  },
  {
    id: 'model',
    controls: ['N', 'beta'],
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
    next: {
      text: 'Lower β to 2 (β < α + 1): the predicted exponent becomes −(β−1) = −1.',
      change: 'beta=2',
    },
  },
  {
    id: 'spectral-bias',
    controls: ['P', 'alpha'],
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
    next: {
      text: 'Lower α to 1.2: the spectrum flattens and many more modes are learned at once.',
      change: 'alpha=1.2',
    },
  },
  {
    id: 'compute',
    controls: ['N', 'P'],
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
        text: 'The N-sweep here is at the fixed time t = {tAt}: past the knee near N ~ t^{1/α} = {kAt}, more features stop helping.',
        when: 'sweepAtFixedTime',
      },
    ],
    next: {
      text: 'Move the fixed time of the sweep to t = 10⁴: the knee moves to N ~ t^{1/α}.',
      change: 'tat=10000',
    },
  },
  {
    id: 'phase',
    controls: ['beta', 'alpha'],
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
    next: {
      text: 'Cross the boundary: β = 4 lies above α + 1 = 3, where the model exponent saturates at −α.',
      change: 'beta=4',
    },
  },
  {
    id: 'real-digits',
    controls: ['P', 'seeds'],
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
    next: {
      text: 'Raise P to 1000 and run again: a third of the pool the error is measured on is then training data.',
      change: 'P=1000',
    },
  },
  {
    id: 'collective',
    controls: ['P', 'N'],
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
    next: {
      text: 'Give the model four times the data (P = 1600): κ(∞) falls, and more modes can be learned.',
      change: 'P=1600',
    },
  },
  {
    id: 'noise-amplification',
    controls: ['N', 'P', 'sigma2'],
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
    next: {
      text: 'Move N to 600: the amplification stays finite and the peak is left behind.',
      change: 'N=600',
    },
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
        text: 'The same theory on {dataPool}: the {kernelLabel} kernel, labels {taskLabel}, fitted by α = {alphaFit}, β = {betaFit}.',
        when: 'measuredClothes',
        otherwise:
          'This lesson sets Fashion-MNIST beside the digits: choose Fashion-MNIST as the data to see it.',
      },
      {
        text: 'Its eigenvalues fall more slowly than on the pinned {pinDataName} (α = {pinAlpha}): its images spread over more directions.',
        when: 'alphaBelowPin',
        otherwise:
          'Its eigenvalues fall faster than on the pinned {pinDataName} (α = {pinAlpha}): its images spread over fewer directions.',
      },
      {
        text: 'Less of the task sits in the leading modes than for {pinTaskLabel} (β = {pinBeta}): more is left to slow modes.',
        when: 'betaBelowPin',
        otherwise:
          'More of the task sits in the leading modes than for {pinTaskLabel} (β = {pinBeta}): less is left to slow modes.',
      },
      {
        text: 'By §6: −(β−1)/α = {expT} against {pinExpT}, −min(β−1, 2α) = {expP} against {pinExpP}; at t = {tEnd}, E_g = {EgNow} against {pinEgNow}: exponents set slopes, not levels.',
        when: 'pinOnPool',
      },
      {
        text: 'Real kernel regression on P = {P} {dataItems} ({realDraws} draws) lies at most {realGap} % ({realZ} s.e.m.) from the theory.',
        when: 'realRunDone',
        otherwise: 'Press “Run on {dataReal}” (r) to set real learning beside the theory.',
      },
      {
        text: 'Within 3 % or 4 s.e.m. at every time: the same theory predicts learning on this dataset too.',
        when: 'realRunClose',
        otherwise:
          'More than 3 % and 4 s.e.m. apart at some time: here the theory does not track real learning that closely.',
      },
    ],
    next: {
      text: 'Switch the task to tops (T-shirt, pullover, coat, shirt) vs the rest: the same images keep their α, the task brings its own β.',
      change: 'task=tops',
    },
  },
];

export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

export function lessonById(id: string | null): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
