// One paragraph per learning regime, shown under the regime buttons, saying what the regime is
// and which controls do not act in it (and why).
import type { Regime } from '../model/params.ts';

export const REGIME_DESCRIPTION: Record<Regime, string> = {
  gf:
    'Gradient flow: the weights follow −∇L from w(0) ~ N(0, σ₀²I) until they interpolate the data. ' +
    'No weight decay and no temperature: γ and T are not used.',
  wd:
    'Gradient flow with weight decay γ: the weights converge to ridge regression with ridge γ, so E_g(∞) is the ridge error. ' +
    'No temperature: T is not used.',
  langevin:
    'Langevin training: gradient flow plus noise √(2T) dB. With γ > 0 it converges to samples of the Bayesian posterior ' +
    '(prior variance T/γ, noise variance P·T), so E_g(∞) is the Gibbs error; with γ = 0 the noise diffuses where the data do not constrain the weights and E_g grows without bound.',
  bayes:
    'The Bayesian posterior of a Gaussian process with prior variance T/γ and noise variance P·T: the t → ∞ law of Langevin training. ' +
    'There is no training time, so t_{min}, t_{max}, the number of time points and σ₀² are not used; the learning-curve panel shows the Langevin training that reaches this posterior, with the posterior-mean and Gibbs errors marked.',
};
