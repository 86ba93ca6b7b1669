// Numbers in data files (CSV and JSON, from the app's exports and the CLI) are written at full
// precision (the shortest text that reads back to the same double), infinities as "inf"/"-inf"
// and NaN as an empty CSV field or JSON null: JSON has neither Infinity nor NaN.

/** A number in CSV text: full precision, "inf"/"-inf" for infinities, empty for NaN. */
export function csvNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return String(x);
}

/** RFC 4180 quoting of one field. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** JSON-safe copy: typed arrays become arrays, ±Infinity "inf"/"-inf", NaN null. */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (value === Infinity) return 'inf';
    if (value === -Infinity) return '-inf';
    return value;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>, (v) => toPlain(v));
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
