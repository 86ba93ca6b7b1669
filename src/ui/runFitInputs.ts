// The Fit my runs panel's inputs (docs/theory.md §10) as a pure state: the runs (pasted text or an
// opened file), what x is, the regime, the warm-up cut, an optional fixed floor L₀ or σ², the
// other parameters as given (P, N, γ; SGD's η and B), and the hold-out switch. `fitRequest` turns them into the
// fit's options or names the field that is wrong; `changedSince` says whether the last fit was
// made from other inputs (the panel then says its result is for those).
import type { Params, Regime } from '../model/params.ts';
import {
  FIT_REGIME_KEYS,
  HOLDOUT_FRACTION,
  type FitAxis,
  type RunFitOptions,
} from '../model/runfit/index.ts';
import type { RunFitRun } from '../state/store.ts';

export interface RunFitInputs {
  /** Pasted text (used when no file is open). */
  text: string;
  /** An opened file: read by the worker, never on the page. */
  file: File | null;
  axis: FitAxis;
  regime: Regime;
  /** Number fields as typed ('' = not given). */
  xMin: string;
  floor: string;
  sigma2: string;
  P: string;
  N: string;
  gamma: string;
  eta: string;
  batch: string;
  holdout: boolean;
}

export type FieldKey = 'xMin' | 'floor' | 'sigma2' | 'P' | 'N' | 'gamma' | 'eta' | 'batch';

export const EMPTY_INPUTS: RunFitInputs = {
  text: '',
  file: null,
  axis: 'steps',
  regime: 'gf',
  xMin: '',
  floor: '',
  sigma2: '',
  P: '',
  N: '',
  gamma: '',
  eta: '',
  batch: '',
  holdout: false,
};

export type InputsAction =
  | { type: 'text'; text: string }
  | { type: 'file'; file: File | null }
  | { type: 'set'; patch: Partial<Omit<RunFitInputs, 'text' | 'file'>> };

/** Typing text closes an opened file (the text is then what is fitted); opening a file keeps the text. */
export function inputsReducer(s: RunFitInputs, a: InputsAction): RunFitInputs {
  switch (a.type) {
    case 'text':
      return { ...s, text: a.text, file: null };
    case 'file':
      return { ...s, file: a.file };
    case 'set': {
      const next = { ...s, ...a.patch };
      // The axis's own quantity is x: a value typed for it would contradict every row.
      if (next.axis === 'P') next.P = '';
      if (next.axis === 'N') next.N = '';
      if (!FIT_REGIME_KEYS.includes(next.regime)) next.regime = 'gf';
      return next;
    }
  }
}

/**
 * Which number fields act with these inputs (P is x on the P axis, and one-pass SGD has no dataset
 * size; γ in weight decay only; η and B in SGD only).
 */
export function fieldActs(s: RunFitInputs, k: FieldKey): boolean {
  if (k === 'P') return s.axis !== 'P' && s.regime !== 'sgd';
  if (k === 'N') return s.axis !== k;
  if (k === 'gamma') return s.regime === 'wd';
  if (k === 'eta' || k === 'batch') return s.regime === 'sgd';
  return true;
}

/** What a number field may hold, for its message. */
const FIELD_RULE: Record<FieldKey, { what: string; ok: (v: number) => boolean; inf?: boolean }> = {
  xMin: { what: 'the warm-up cut (leave out x below) must be a number ≥ 0', ok: (v) => v >= 0 },
  floor: { what: 'the floor L₀ must be a number ≥ 0', ok: (v) => v >= 0 },
  sigma2: { what: 'σ² must be a number ≥ 0', ok: (v) => v >= 0 },
  P: { what: 'P must be a number ≥ 1', ok: (v) => v >= 1 },
  N: { what: 'N must be a number ≥ 1, or inf', ok: (v) => v >= 1, inf: true },
  gamma: { what: 'γ must be a number > 0', ok: (v) => v > 0 },
  eta: { what: 'η must be a number > 0', ok: (v) => v > 0 },
  batch: { what: 'the batch size B must be a number ≥ 1, or inf', ok: (v) => v >= 1, inf: true },
};

/** A number field's value: undefined when blank, or the problem. */
export function fieldValue(
  s: RunFitInputs,
  k: FieldKey,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const raw = s[k].trim();
  if (raw === '' || !fieldActs(s, k)) return { ok: true, value: undefined };
  const rule = FIELD_RULE[k];
  const v = rule.inf && /^(inf|infinity|∞)$/i.test(raw) ? Infinity : Number(raw);
  if (Number.isNaN(v) || (v === Infinity && !rule.inf) || !rule.ok(v))
    return { ok: false, message: `${rule.what} (got “${raw.slice(0, 24)}”)` };
  return { ok: true, value: v };
}

export type FitRequest =
  | { ok: true; source: string | File; name: string; options: RunFitOptions }
  | { ok: false; field: FieldKey | 'runs'; message: string };

/** The fit's source and options from the inputs, or the first field that is wrong. */
export function fitRequest(s: RunFitInputs): FitRequest {
  if (!s.file && s.text.trim() === '')
    return { ok: false, field: 'runs', message: 'paste your runs or open a file first' };
  const values: Partial<Record<FieldKey, number>> = {};
  for (const k of Object.keys(FIELD_RULE) as FieldKey[]) {
    const v = fieldValue(s, k);
    if (!v.ok) return { ok: false, field: k, message: v.message };
    if (v.value !== undefined) values[k] = v.value;
  }
  const params: Partial<Params> = {};
  if (values.P !== undefined) params.P = values.P;
  if (values.N !== undefined) params.N = values.N;
  if (values.gamma !== undefined) params.gamma = values.gamma;
  if (values.eta !== undefined) params.eta = values.eta;
  if (values.batch !== undefined) params.batch = values.batch;
  const options: RunFitOptions = {
    axis: s.axis,
    regime: s.regime,
    params,
    xMin: values.xMin ?? 0,
    holdout: s.holdout ? HOLDOUT_FRACTION : null,
    ...(values.floor !== undefined && { floor: values.floor }),
    ...(values.sigma2 !== undefined && { sigma2: values.sigma2 }),
  };
  return s.file
    ? { ok: true, source: s.file, name: s.file.name, options }
    : { ok: true, source: s.text, name: 'pasted text', options };
}

/** The last fit was made from other inputs than these (or there is none to compare). */
export function changedSince(s: RunFitInputs, run: RunFitRun | null, lastSource: unknown): boolean {
  if (!run) return false;
  const req = fitRequest(s);
  if (!req.ok) return true;
  return req.source !== lastSource || JSON.stringify(req.options) !== JSON.stringify(run.options);
}
