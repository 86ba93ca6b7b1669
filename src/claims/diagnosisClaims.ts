// The bottleneck box as claims (claims/registry.ts): its headline and each counterfactual, with
// checkers that redo the counterfactual on a fresh engine (the changed parameter, E_g at the same
// operating point) and confirm that the named bottleneck is the change that helps most.
import type { Params } from '../model/params.ts';
import type { CurveResult, Effect } from '../model/types.ts';
import { HELPS } from '../model/theory/diagnosis.ts';
import { checkEarlyStop, checkOpenEnd } from './checks.ts';
import { DIAGNOSIS_TITLE, diagnosisHeadline, effectSentence } from './diagnosis.ts';
import type { Oracle } from './oracle.ts';
import { claim, near, problems, type Check, type Claim } from './registry.ts';

/** The parameters of a counterfactual (null: 'longer' and 'earlier' change the time, not them). */
function changed(e: Effect, p: Params): Params | null {
  switch (e.what) {
    case 'data':
      return { ...p, P: e.value };
    case 'model':
    case 'smaller-model':
      return { ...p, N: e.value };
    case 'noise':
      return { ...p, sigma2: 0 };
    case 'temperature':
      return { ...p, T: 0 };
    case 'ridge':
      return { ...p, regime: p.regime === 'gf' ? 'wd' : p.regime, gamma: e.value };
    default:
      return null;
  }
}

/** E_g after the change, recomputed at the operating point (or where 'longer' says). */
function recomputedAfter(o: Oracle, e: Effect, c: CurveResult): number {
  const d = c.diagnosis;
  if (e.what === 'longer')
    return Number.isFinite(e.value) ? o.Eg(c.params, e.value) : o.limit(c.params).Eg;
  if (e.what === 'earlier') return o.Eg(c.params, e.value);
  return o.Eg(changed(e, c.params)!, d.tOp);
}

/** One counterfactual: before and after recomputed, and "helps" exactly when it lowers E_g by 2 %. */
export function effectCheck(e: Effect, c: CurveResult): Check {
  const d = c.diagnosis;
  const p = c.params;
  return (o, self) => {
    const floor = o.resolution(p, Number.isFinite(d.tOp) ? d.tOp : 1e12);
    const before = Number.isFinite(d.tOp) ? o.Eg(p, d.tOp) : o.limit(p).Eg;
    const out = problems(near('E_g before', e.before, before, 3, floor));
    if (e.what === 'longer' && !e.helps) {
      // "Does not lower": no later time (to 10¹²) lowers E_g by more than 3 % and the resolution
      // of both values (a value below its floor never helps: diagnosis.ts effectOf).
      for (let k = 1; k <= 48; k++) {
        const t = d.tOp * 10 ** (k / 4);
        if (t > 1e12) break;
        const E = o.Eg(p, t);
        if (E < d.Eop * (1 - 0.03) - o.resolution(p, t) - floor)
          return [...out, `training longer lowers E_g to ${E} at t = ${t}, said not to`];
      }
      return out;
    }
    const after = recomputedAfter(o, e, c);
    out.push(...problems(near('E_g after', e.after, after, 3, floor)));
    // "By t = 10¹², where the scan ends with E_g still falling" (claims/diagnosis.ts).
    const open = c.earlyStop.open;
    if (e.what === 'longer' && open && e.value >= open.t * (1 - 1e-9))
      out.push(...checkOpenEnd(p, open, c.limit)(o, self));
    const helps = after < before * (1 - HELPS) - floor;
    if (helps !== e.helps && Math.abs(after - before * (1 - HELPS)) > floor + 1e-3 * before)
      out.push(`said to ${e.helps ? 'help' : 'not help'}: ${before} → ${after}`);
    return out;
  };
}

/** The headline's own assertion for its kind, recomputed. */
function headlineCheck(c: CurveResult): Check {
  const d = c.diagnosis;
  return (o, self) => {
    switch (d.kind) {
      case 'time': {
        const l = d.effects.find((e) => e.what === 'longer');
        return l ? effectCheck(l, c)(o, self) : ['time-limited without a "longer" effect'];
      }
      case 'noise':
        return c.earlyStop.case === 'inside' ? checkEarlyStop(c)(o, self) : [];
      case 'data':
      case 'model': {
        // The named resource's change helps, and no other helps more.
        const drop = (e: Effect) => (e.before - recomputedAfter(o, e, c)) / e.before;
        const named = d.effects.find((e) => e.what === d.kind);
        if (!named) return [`${d.kind}-limited without its counterfactual`];
        const mine = drop(named);
        // Against the other resources the diagnosis weighs (docs/theory.md §8): more time, data,
        // features, less noise or temperature; a ridge is a remedy it names, not a resource.
        const RESOURCES: readonly Effect['what'][] = [
          'longer',
          'data',
          'model',
          'noise',
          'temperature',
        ];
        const better = d.effects.filter(
          (e) => e.what !== d.kind && RESOURCES.includes(e.what) && drop(e) > mine + 0.01,
        );
        return problems(
          !(mine > HELPS * 0.5) &&
            `${d.kind} said to bound the error, but its change lowers E_g by ${mine}`,
          better.length > 0 &&
            `${better.map((e) => e.what).join(', ')} lowers E_g more than ${d.kind}`,
        );
      }
      case 'none':
        return d.effects.flatMap((e) => {
          if (e.what === 'longer' && !e.helps) return effectCheck(e, c)(o, self);
          const after = recomputedAfter(o, e, c);
          const floor = o.resolution(c.params, Number.isFinite(d.tOp) ? d.tOp : 1e12);
          return problems(
            after < e.before * (1 - HELPS) - floor - 1e-3 * e.before &&
              `"no single change" but ${e.what} lowers E_g from ${e.before} to ${after}`,
          );
        });
      default:
        return [];
    }
  };
}

/** The box's headline: "Noise-limited. The label noise σ² = 0.05 bounds the error: …". */
export function bottleneckClaim(c: CurveResult): Claim {
  return claim(
    'bottleneck.headline',
    `${DIAGNOSIS_TITLE[c.diagnosis.kind]}. ${diagnosisHeadline(c)}`,
    { params: c.params },
    headlineCheck(c),
  );
}

/** The counterfactuals listed under the headline: those that help first, then the others. */
export function effectClaims(c: CurveResult): Claim[] {
  const skip = c.diagnosis.kind === 'time' ? 'longer' : null;
  const list = c.diagnosis.effects.filter((e) => e.what !== skip);
  return [...list.filter((e) => e.helps), ...list.filter((e) => !e.helps)].map((e) =>
    claim(
      `bottleneck.effect.${e.what}`,
      effectSentence(e, c),
      { params: c.params },
      effectCheck(e, c),
    ),
  );
}
