// Short regime names for compact places (segmented control, disabled-control notes).
import type { Regime } from '../../model/params.ts';

export const REGIME_SHORT: Record<Regime, string> = {
  gf: 'GF',
  wd: 'GF + decay',
  langevin: 'Langevin',
  bayes: 'Bayes',
};
