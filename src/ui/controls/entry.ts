// Typed numeric entry: accepts what the URL accepts ("0.5", "1e-3", "inf"/"∞" where allowed),
// clamps into range with a note, and rejects anything else with a message (the control then
// keeps its last good value).
import { coerceValue, type NumericSpec } from '../../model/params.ts';

export type EntryResult =
  { ok: true; value: number; note: string | null } | { ok: false; message: string };

export function parseEntry(spec: NumericSpec, text: string): EntryResult {
  if (text.trim() === '') return { ok: false, message: 'Enter a number.' };
  // The spec without a default: unreadable text comes back as NaN instead of the default.
  const { value, reason } = coerceValue({ ...spec, default: NaN }, text);
  if (Number.isNaN(value)) {
    const examples = spec.allowInf ? '0.5, 1e-3 or inf' : '0.5 or 1e-3';
    return { ok: false, message: `Not a number (try ${examples}).` };
  }
  return { ok: true, value, note: reason ? `${capitalise(reason)}.` : null };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
