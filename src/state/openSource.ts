// Choosing a measured data source in the app (the chooser, or a spectrum file loaded) while the
// dataset size would interpolate most of its modes: P moves to the source's opening size
// (openingSize in src/model/data/sources.ts) and the move is announced like every other
// cross-parameter adjustment. A link is read as written: its P stays, and the panels say that P
// exceeds M.
import { openingSize, poolPhrase, poolSize, poolSourceOf } from '../model/data/sources.ts';
import { isActive, type Adjustment, type Params } from '../model/params.ts';
import { formatParam } from '../format/number.ts';

/** What the source holds, for the sentence: "the pool of 3000 MNIST digits". */
interface Held {
  modes: number;
  what: string;
  past: string;
}

function held(p: Params, custom: { name: string; modes: number } | null): Held | null {
  const pool = poolSourceOf(p);
  if (pool)
    return {
      modes: poolSize(pool.pool),
      what: `the pool of ${poolPhrase(pool)}`,
      past: `${pool.words.name} at large`,
    };
  if (p.data === 'custom' && custom)
    return {
      modes: custom.modes,
      what: `your spectrum file “${custom.name}” (${custom.modes} modes)`,
      past: 'anything past the file',
    };
  return null;
}

/** The parameters a source opens at, with the adjustment to announce; null when P stays. */
export function openSource(
  p: Params,
  custom: { name: string; modes: number } | null,
): { params: Params; note: Adjustment } | null {
  // A regime without a dataset (one-pass SGD draws fresh samples) keeps its P: it does not act.
  const h = isActive('P', p.regime) ? held(p, custom) : null;
  const P = h && openingSize(p.P, h.modes);
  if (!h || P === null) return null;
  return {
    params: { ...p, P },
    note: {
      key: 'P',
      from: String(p.P),
      to: String(P),
      reason:
        `at P = ${formatParam(p.P)} ${h.what} would be interpolated, mode by mode, ` +
        `and the curve would say nothing about ${h.past}`,
    },
  };
}
