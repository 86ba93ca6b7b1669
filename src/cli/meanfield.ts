// The mean-field internals in the CLI's JSON record: the parts of E_g over t, the order parameters
// on τ = t, and with --mode K one mode in detail (docs/theory.md §1–§3).
import { computeOrder } from '../model/theory/order.ts';
import { computeModeDetail } from '../model/theory/modes.ts';
import type { Params } from '../model/params.ts';
import type { CurveResult } from '../model/types.ts';
import { CliError } from './resolve.ts';

/** The --mode flag: a mode index k ≥ 1 (checked against M when the parameters are known). */
export function parseModeFlag(value: string): number {
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1)
    throw new CliError('mode', `--mode: “${value}” is not allowed (integer k ≥ 1, a mode index)`);
  return k;
}

/** { parts, order, mode? } for a curve computed with its parts. */
export function meanfieldRecord(
  p: Params,
  c: CurveResult,
  modeK: number | null,
): Record<string, unknown> {
  const o = computeOrder(p, c.t);
  const out: Record<string, unknown> = {
    parts: c.parts,
    order: { tau: o.tau, kappa: o.kappa, R: o.R, amplification: o.amplification },
  };
  if (modeK !== null) {
    let d;
    try {
      d = computeModeDetail(p, modeK);
    } catch (err) {
      if (err instanceof RangeError) throw new CliError('mode', `--mode: ${err.message}`);
      throw err;
    }
    out.mode = {
      k: d.k,
      lambda: d.lambda,
      target: d.target,
      ell: d.ell,
      free: d.free,
      ellInf: d.ellInf,
      everLearned: d.everLearned,
      learnedTime: d.learnedTime,
      freeLearnedTime: d.freeLearnedTime,
    };
  }
  return out;
}
