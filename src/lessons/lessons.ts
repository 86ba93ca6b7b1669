// The lessons: data, not code. Each is a configuration in the URL shape (the same
// query string a shared link carries; parameters not named take their defaults), a few sentences
// whose numbers are {placeholders} filled from the results computed at that moment (fill.ts),
// and a suggested next move. Material: docs/lessons.md. Lessons 1–7 use M = 20000 modes,
// the truncation at which that table's numbers were computed, so the text and that table agree.

export interface Lesson {
  id: string;
  title: string;
  /** Query string of the lesson's state: parameters, panels, sweep mode, pins. */
  config: string;
  /** Paragraphs; {name} placeholders are listed in fill.ts. */
  text: readonly string[];
  /** What to try next. */
  next: string;
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'time',
    title: 'Time-limited scaling',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=1000000&N=inf&sigma2=0&tmin=0.01&tmax=100000&panels=formulas,exponents,modes',
    text: [
      'With a million examples and infinitely many features, only training time limits learning. The test error falls as a power law in t.',
      'Fitted over the clean window the slope is {fitT}; the theory predicts −(β−1)/α = {predT}.',
    ],
    next: 'Raise β (a smoother target): the slope steepens. Raise α: it flattens.',
  },
  {
    id: 'data',
    title: 'Data-limited scaling',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=400&N=inf&sigma2=0&panels=formulas,scalingP,exponents&at=inf',
    text: [
      'Train to convergence (t → ∞) without noise and with infinitely many features: now the data set is the bottleneck.',
      'Across P the converged error falls with slope {fitP}; the theory predicts −min(β−1, 2α) = {predP}.',
    ],
    next: 'Set β above 2α + 1 (try α = 1.2, β = 4): the exponent saturates at 2α.',
  },
  {
    id: 'noise',
    title: 'Noise makes early stopping pay',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=400&N=inf&sigma2=0.1&panels=formulas,exponents,modes',
    text: [
      'With label noise σ² = {sigma2} the test error has a minimum: {Estar} at t* ≈ {tstar}.',
      'Trained to convergence the model interpolates the noise and ends at {Einf}, {gain}× worse than stopping early.',
    ],
    next: 'Drag σ² up and down: t* moves as (P/σ²)^{α/β}. Pin this curve (k) before you do.',
  },
  {
    id: 'double-descent',
    title: 'Double descent at N = P',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=2&P=300&N=300&sigma2=0.05&panels=formulas,scalingN,exponents&at=inf',
    text: [
      'With as many features as examples (N = P = {P}) the trained model must fit the noise exactly and its error at convergence explodes: E(∞) = {Einf}.',
      'The N-sweep panel shows the peak: more parameters first hurt, then help again.',
    ],
    next: 'Move N away from P in either direction, or add a little weight decay (regime: weight decay): the peak disappears.',
  },
  {
    id: 'langevin',
    title: 'Langevin reaches the Bayesian posterior',
    config:
      'v=1&M=20000&regime=langevin&alpha=1.5&beta=2&P=400&N=inf&sigma2=0.05&gamma=0.001&T=0.0001&tmax=10000000&panels=formulas,exponents',
    text: [
      'Langevin training adds noise of temperature T = {T}. Run long enough, it samples the Bayesian posterior, and the test error settles at the Gibbs error {Einf}.',
      'The posterior mean alone would reach {Epm}; the gap is the posterior variance T·df/(1 − df/P) = {postVar}.',
    ],
    next: 'Switch the regime to “Bayesian posterior” to see the t → ∞ values directly, or lower T.',
  },
  {
    id: 'stop-vs-decay',
    title: 'Early stopping beats weight decay',
    config:
      'v=1&M=20000&regime=gf&alpha=1.2&beta=4&P=400&N=inf&sigma2=0.1&panels=formulas,exponents&pins=regime:wd,gamma:0.03',
    text: [
      'A smooth target (β = {beta} > 2α + 1): early-stopped gradient flow reaches {Estar} at t* ≈ {tstar}.',
      'The pinned curve is ridge regression with the best weight decay γ = {pinGamma}: it ends at {pinEinf}. Ridge saturates, its rate in P is capped, while early stopping keeps the full (σ²/P)^{(β−1)/β}.',
    ],
    next: 'Switch the current regime to weight decay and move γ: no value beats the early-stopping minimum.',
  },
  {
    id: 'model',
    title: 'Model-limited scaling',
    config:
      'v=1&M=20000&regime=gf&alpha=1.5&beta=3&P=1000000&N=100&sigma2=0&panels=formulas,scalingN,exponents&at=inf',
    text: [
      'Plenty of data and time: the number of features N is the bottleneck.',
      'Across N the converged error falls with slope {fitN}; the theory predicts −min(β−1, α) = {predN} — not 2α as for data.',
    ],
    next: 'Lower β below α + 1: the exponent follows β − 1 instead.',
  },
  {
    id: 'spectral-bias',
    title: 'Spectral bias',
    config: 'v=1&regime=gf&alpha=1.5&beta=2&P=10000&N=inf&sigma2=0&panels=formulas,modes,exponents',
    text: [
      'The mode panel shows which eigenmodes have been learned at each time. Large-eigenvalue modes are learned first; a mode is learned once λ_k exceeds κ(1/t).',
      'The boundary k*(t) moves as a power of t, and that moving boundary is what makes the error a power law in time (now {EgNow} at the end of the window).',
    ],
    next: 'Lower α: the spectrum flattens and many more modes are learned at once.',
  },
  {
    id: 'compute',
    title: 'Compute-optimal allocation',
    config:
      'v=1&regime=gf&alpha=1.5&beta=2&P=10000000&N=200&sigma2=0&panels=formulas,scalingN,exponents,frontier&at=t&tat=1000',
    text: [
      'With unlimited data, a budget C = N·t can buy features or training time. The error is roughly t^{−(β−1)/α} + N^{−min(β−1, α)}: spend until the two terms balance.',
      'The compute-optimal frontier panel takes the best N at each budget: the best loss L* falls with slope {fitC} in C; the theory gives L* ~ C^{{predC}} with N* ~ C^{{predCN}}.',
      'The N-sweep here is at the fixed time t = {tAt}: past the knee, more features stop helping.',
    ],
    next: 'Change the fixed time of the sweep: the knee moves to N ~ t^{1/α}.',
  },
];

export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

export function lessonById(id: string | null): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
