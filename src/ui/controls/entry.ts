// Typed numeric entry: accepts what the URL accepts ("0.5", "1e-3", "inf"/"∞" where allowed) and a
// decimal comma ("2,5"), clamps into range with a note, and rejects anything else with a message
// whose example lies in the parameter's range (the control then keeps its last good value).
import { coerceValue, formatValue, type NumericSpec } from '../../model/params.ts';

export type EntryResult =
  { ok: true; value: number; note: string | null } | { ok: false; message: string };

/**
 * The text with a comma read as people write it: "1,000,000" in an integer box groups
 * thousands; otherwise one comma is a decimal comma ("2,5" = 2.5). Null: no comma to read.
 */
function readComma(spec: NumericSpec, text: string): { text: string; note: string } | null {
  const s = text.trim();
  if (spec.integer && /^[+-]?\d{1,3}(,\d{3})+$/.test(s))
    return { text: s.replace(/,/g, ''), note: 'commas read as thousands separators' };
  if (/^[+-]?\d*,\d+(e[+-]?\d+)?$/i.test(s))
    return { text: s.replace(',', '.'), note: 'decimal comma read as a point' };
  return null;
}

/** An example of a valid entry, inside the range: the default, else the range's lower end. */
function example(spec: NumericSpec): string {
  const v = Number.isFinite(spec.default) ? spec.default : spec.min;
  return formatValue(Math.min(spec.max, Math.max(spec.min, v)));
}

export function parseEntry(spec: NumericSpec, text: string): EntryResult {
  if (text.trim() === '') return { ok: false, message: 'Enter a number.' };
  const comma = readComma(spec, text);
  // The spec without a default: unreadable text comes back as NaN instead of the default.
  const { value, reason } = coerceValue({ ...spec, default: NaN }, comma?.text ?? text);
  if (Number.isNaN(value)) {
    const range = `${formatValue(spec.min)} to ${formatValue(spec.max)}${spec.allowInf ? ', or inf' : ''}`;
    return {
      ok: false,
      message: `Not a number (try ${example(spec)}; allowed: ${range}).`,
    };
  }
  const notes = [comma?.note, reason].filter((n): n is string => !!n);
  return { ok: true, value, note: notes.length ? `${capitalise(notes.join('; '))}.` : null };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
