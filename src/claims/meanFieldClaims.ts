// The mean-field panels' sentences and formulas as claims (registry.ts): the error decomposed,
// the order parameters and the mode inspector (docs/theory.md §1–§4). The words come from
// decomposition.ts, orderParams.ts and modeDetail.ts; each claim's checker recomputes the numbers
// it quotes at t → ∞ from the engine by its own path (the oracle's limit, order parameters at
// λ = γ and one mode's fixed point). Sentences about the parts along the curve quote the state's
// parameters and the grid's own values (checked by test/claims/meanField*.test.ts).
import type { Params } from '../model/params.ts';
import type { CurveResult, ModeDetail, OrderResult } from '../model/types.ts';
import { all, checkEarlyStop, quotesParams } from './checks.ts';
import type { OrderAtInfinity, OrderSeries } from './orderParams.ts';
import { claim, DEFINITION, near, problems, texClaim, type Check, type Claim } from './registry.ts';

/** E_g(∞) quoted by the limit split, against the engine's limit. */
function checksLimit(p: Params, Einf: number): Check {
  return (o) => problems(near('E_g(∞)', Einf, o.limit(p).Eg, 3));
}

/** A sentence of the decomposition panel (what the parts do, or why they are not shown yet). */
export function decompositionClaim(
  key: 'crossing' | 'limit' | 'pending',
  text: string,
  p: Params,
  Einf = NaN,
): Claim {
  const check: Check =
    key === 'limit' ? checksLimit(p, Einf) : key === 'pending' ? DEFINITION : quotesParams(p);
  return claim(`decomposition.${key}`, text, { params: p }, check);
}

/**
 * The decomposition's sentence on early stopping: the parameters it quotes, and what it says of
 * t* (where it lies, that there is none, or that the scan ended before E_g settled) against the
 * brute-force minimum, as the caption's outcome (checks.ts checkEarlyStop).
 */
export function stopClaim(curve: CurveResult, text: string): Claim {
  const p = curve.params;
  return claim(
    'decomposition.stop',
    text,
    { params: p },
    all(quotesParams(p), checkEarlyStop(curve)),
  );
}

/** The order parameters at τ → ∞ as shown, against the engine's at λ = γ. */
function checksOrderAtInfinity(p: Params, inf: OrderAtInfinity, keys: OrderSeries[]): Check {
  return (o) => {
    const r = o.order(p, Infinity);
    return problems(
      ...keys.map((k) => {
        const want = k === 'kappa' ? r.kappa : k === 'R' ? r.R : r.amplification;
        // R = 0 exactly without weight decay (the engine's product leaves round-off there).
        if (k === 'R' && inf.R === 0)
          return Math.abs(want) < 1e-9 ? null : `R(∞): shown 0, recomputed ${want}`;
        return near(`${k}(∞)`, inf[k], want, 3);
      }),
    );
  };
}

/** A sentence of the order-parameter panel. */
export function orderClaim(
  key: 'response' | 'amplification',
  text: string,
  p: Params,
  inf: OrderAtInfinity,
): Claim {
  return claim(
    `order.${key}`,
    text,
    { params: p },
    checksOrderAtInfinity(p, inf, [key === 'response' ? 'R' : 'amplification']),
  );
}

/** A series' name in the formulas list (a definition). */
export function orderLabelClaim(k: OrderSeries, text: string): Claim {
  return claim(`order.label.${k}`, text, { params: {} }, DEFINITION);
}

/** A series' formula (its definition) and its numbers at the window's end and at τ → ∞. */
export function orderTexClaims(
  k: OrderSeries,
  tex: { definition: string; values: string },
  p: Params,
  o: OrderResult,
  inf: OrderAtInfinity,
): { definition: Claim; values: Claim } {
  void o;
  return {
    definition: texClaim(`order.formula.${k}`, tex.definition, { params: p }, DEFINITION),
    values: texClaim(
      `order.values.${k}`,
      tex.values,
      { params: p },
      checksOrderAtInfinity(p, inf, [k]),
    ),
  };
}

/** The mode's eigenvalue (and target power) and its fixed point, against the engine's. */
function checksMode(p: Params, d: ModeDetail): Check {
  return (o) => {
    const m = o.mode(p, d.k, Infinity);
    return problems(near('λ_k', d.lambda, m.lambda, 3), near('ℓ_k(∞)', d.ellInf, m.ell, 3));
  };
}

/** A sentence of the mode inspector. */
export function modeClaim(
  key: 'clamped' | 'spectrum' | 'learned' | 'sim' | 'equation-note',
  text: string,
  p: Params,
  d: ModeDetail,
): Claim {
  const check: Check =
    key === 'spectrum' || key === 'learned'
      ? checksMode(p, d)
      : key === 'clamped'
        ? quotesParams(p)
        : DEFINITION;
  return claim(`mode.${key}`, text, { params: p }, check);
}

/** A line of the mode's effective equation, with its numbers. */
export function modeTexClaim(i: number, tex: string, p: Params, d: ModeDetail): Claim {
  return texClaim(`mode.equation.${i}`, tex, { params: p }, checksMode(p, d));
}
