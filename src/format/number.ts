// Number formatting shared by the charts, captions, read-outs and formulas, so that a value reads
// the same everywhere: "0.0282", "4.1·10²", "10⁻³", "∞", with a true minus sign (U+2212).
// Never returns "NaN" or "Infinity": a chart must not show them (NaN becomes an em dash).

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '−': '⁻',
  '+': '⁺',
  '.': '·',
};

const MINUS = '\u2212';

/** Unicode superscript of an integer or short numeric string: superscript(-12) = "⁻¹²". */
export function superscript(n: number | string): string {
  return Array.from(String(n))
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
}

/** "10⁻²" for e = −2. */
export function formatDecade(e: number): string {
  return `10${superscript(e)}`;
}

/** Replace ASCII hyphen-minus signs of a number string by the typographic minus. */
function typographic(s: string): string {
  return s.replace(/-/g, MINUS);
}

/** Exact powers of ten (to 1e-12 relative) return their exponent, others null. */
export function powerOfTen(x: number): number | null {
  if (!(x > 0) || !Number.isFinite(x)) return null;
  const e = Math.round(Math.log10(x));
  return Math.abs(x / 10 ** e - 1) < 1e-12 ? e : null;
}

/** Smallest |x| written as a plain decimal; below it, scientific notation. */
const DECIMAL_MIN = 1e-3;
/** Largest |x| (exclusive) written as a plain decimal; from it on, scientific notation. */
const DECIMAL_MAX = 100;

/**
 * x to `digits` significant digits: plain decimals for 10⁻³ ≤ |x| < 100 ("0.0282", "35.8"),
 * m·10ᵉ otherwise ("4.1·10²", "3.00·10⁻⁵"), "10ᵉ" for an exact power of ten, "∞" for Infinity,
 * "—" for NaN. Significant trailing zeros are kept (they state the precision).
 */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0) return '0';
  const d = Math.max(1, Math.min(21, Math.round(digits)));
  const sign = x < 0 ? MINUS : '';
  const a = Math.abs(x);
  const p10 = powerOfTen(a);
  if (p10 !== null && (a < DECIMAL_MIN || a >= DECIMAL_MAX)) return sign + formatDecade(p10);
  // Round first: 99.96 to 3 digits is 100, which belongs to the scientific branch.
  const rounded = Number(a.toPrecision(d));
  if (rounded >= DECIMAL_MIN && rounded < DECIMAL_MAX) {
    // toPrecision switches to exponent notation when digits < integer digits (20 → "2e+1").
    const s = a.toPrecision(d);
    return sign + (s.includes('e') ? String(rounded) : s);
  }
  const [mant, exp] = a.toExponential(d - 1).split('e');
  return `${sign}${mant}·${formatDecade(Number(exp))}`;
}

/**
 * An error (or any value a claim quotes) to 3 significant digits: the words' one number format.
 * As formatNumber: "∞" for a divergent value, "—" for a missing one (never "NaN").
 */
export function e3(x: number): string {
  return formatNumber(x, 3);
}

/** A time to 2 significant digits ("t* ≈ 1.2·10³"); "∞" and "—" as formatNumber. */
export function t2(x: number): string {
  return formatNumber(x, 2);
}

/** A slope or exponent with a fixed number of decimals and a true minus sign: "−1.03". */
export function formatSlope(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  const s = x.toFixed(decimals);
  // "-0.00" reads oddly: drop the sign of a value that rounds to zero.
  if (Number(s) === 0) return (0).toFixed(decimals);
  return typographic(s);
}

/**
 * A parameter value as the user set it: exact and short. Integers print plainly ("400"),
 * powers of ten from 10⁴ (or below 10⁻²) as "10⁶", other values with up to 4 significant digits
 * ("0.05", "1.5", "2.5·10⁻⁴"), Infinity as "∞".
 */
export function formatParam(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : `${MINUS}∞`;
  if (x === 0) return '0';
  const a = Math.abs(x);
  const sign = x < 0 ? MINUS : '';
  const p10 = powerOfTen(a);
  if (p10 !== null && (p10 >= 4 || p10 <= -3)) return sign + formatDecade(p10);
  if (Number.isInteger(a) && a < 1e5) return sign + String(a);
  if (a >= 1e-3 && a < 1e5) return sign + String(Number(a.toPrecision(4)));
  const [mant, exp] = a.toExponential(3).split('e');
  return `${sign}${String(Number(mant))}·${formatDecade(Number(exp))}`;
}

/** TeX source of a number (trusted: built from a finite number in code), e.g. "4.1 \cdot 10^{2}". */
export function texNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '\\text{—}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  return texOf(formatNumber(x, digits));
}

/** TeX source of a parameter value, as formatParam. */
export function texParam(x: number): string {
  return texOf(formatParam(x));
}

/** A formatted number ("4.1·10²", "10⁻³", "−0.5", "∞") rewritten as TeX source. */
function texOf(formatted: string): string {
  return formatted
    .replace(/·10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)/, (_m, e: string) => ` \\cdot 10^{${fromSuperscript(e)}}`)
    .replace(
      /^(−?)10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)$/,
      (_m, s: string, e: string) => `${s}10^{${fromSuperscript(e)}}`,
    )
    .replace(/−/g, '-')
    .replace(/∞/g, '\\infty')
    .replace(/—/g, '\\text{—}');
}

const FROM_SUP: Record<string, string> = Object.fromEntries(
  Object.entries(SUPERSCRIPT)
    .filter(([k]) => k !== '−' && k !== '.')
    .map(([k, v]) => [v, k]),
);

function fromSuperscript(s: string): string {
  return Array.from(s)
    .map((c) => FROM_SUP[c] ?? c)
    .join('');
}

/**
 * x rounded to `digits` significant digits as the shortest plain decimal, trailing zeros dropped:
 * "0.05", "20", "5000", "0.667", "−1.5". Outside 10⁻³ ≤ |x| < 10⁵ (where a plain decimal gets long)
 * it is written as formatNumber writes it.
 */
export function formatRounded(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  const d = Math.max(1, Math.min(21, Math.round(digits)));
  const rounded = Number(Math.abs(x).toPrecision(d));
  if (rounded !== 0 && (rounded < DECIMAL_MIN || rounded >= 1e5)) return formatNumber(x, d);
  return (x < 0 && rounded !== 0 ? MINUS : '') + String(rounded);
}

/** x to at most `decimals` decimals, trailing zeros dropped: "1", "0.667", "2.4", "−0.5". */
export function formatTrimmed(x: number, decimals = 3): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  const rounded = Number(x.toFixed(decimals));
  return rounded === 0 ? '0' : typographic(String(rounded));
}

/** TeX source of an exponent, as formatTrimmed: "1", "0.667", "\infty". */
export function texExponent(x: number, decimals = 3): string {
  return texOf(formatTrimmed(x, decimals));
}

/**
 * Compact ASCII text of a value for assistive technology (aria-valuetext), where superscripts and
 * special signs may not be spoken: 4 significant digits, "2.5e-4" outside 10⁻³ ≤ |x| < 10⁵,
 * "∞" for Infinity.
 */
export function formatAscii(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = x.toExponential(2).split('e');
    return `${Number(m)}e${Number(e)}`;
  }
  return String(Number(x.toPrecision(4)));
}

/** A read-out value: 4 significant digits, as in the crosshair box. */
export function formatReadout(x: number): string {
  return formatNumber(x, 4);
}
