// The early-stopping point: t* = argmin_t E_g(t) over the time window, refined between grid points
// by successive parabolic interpolation in log t (each step one exact evaluation of E_g).
import type { TimeEvaluator } from './timeEval.ts';
import type { EarlyStop } from '../types.ts';

export function findEarlyStop(
  ev: TimeEvaluator,
  t: Float64Array,
  Eg: Float64Array,
  limitEg: number,
): EarlyStop {
  const n = t.length;
  let i = 0;
  for (let k = 1; k < n; k++) if (Eg[k] < Eg[i]) i = k;
  let ts = t[i];
  let Es = Eg[i];
  if (i > 0 && i < n - 1) {
    // Bracket (u0, u1, u2) in u = ln t around the minimum.
    let u0 = Math.log(t[i - 1]);
    let u1 = Math.log(t[i]);
    let u2 = Math.log(t[i + 1]);
    let e0 = Eg[i - 1];
    let e1 = Eg[i];
    let e2 = Eg[i + 1];
    for (let it = 0; it < 4; it++) {
      const num = (u1 - u0) ** 2 * (e1 - e2) - (u1 - u2) ** 2 * (e1 - e0);
      const den = (u1 - u0) * (e1 - e2) - (u1 - u2) * (e1 - e0);
      if (!(Math.abs(den) > 0)) break;
      let u = u1 - (0.5 * num) / den;
      if (!(u > u0 && u < u2)) break;
      if (Math.abs(u - u1) < 1e-4) u = u1 + (u - u1 >= 0 ? 1e-4 : -1e-4);
      const eu = ev.at(Math.exp(u), { train: false }).Eg;
      if (eu < e1) {
        if (u > u1) {
          u0 = u1;
          e0 = e1;
        } else {
          u2 = u1;
          e2 = e1;
        }
        u1 = u;
        e1 = eu;
      } else if (u > u1) {
        u2 = u;
        e2 = eu;
      } else {
        u0 = u;
        e0 = eu;
      }
      if (u2 - u0 < 2e-3) break;
    }
    ts = Math.exp(u1);
    Es = e1;
  }
  const interior = i > 0 && i < n - 1 && Es < limitEg * (1 - 1e-6);
  return { t: ts, Eg: Es, interior, gain: limitEg / Es };
}
