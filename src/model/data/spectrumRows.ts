// The rows of a user's spectrum file (docs/theory.md §0), read as they stream in: text arrives in
// chunks (a file is read piece by piece in a worker, never whole on the page), is cut into lines,
// and each line is checked as it comes, so a bad file stops at its first bad line and a file too
// long stops at the row past the limit. What the second column means (powers or coefficients) is
// decided once every row is in (customSpectrum.ts), because one negative value anywhere decides it.
//
// Every problem names its line and what is wrong; values outside the range the engine can square
// and multiply in double precision are refused here, with the reason, not turned into 0 or ∞ later.

export type SecondColumn = 'power' | 'coefficient';

/** Most modes a file may hold (the engine compresses them: theory/measuredSpectrum.ts). */
export const MAX_CUSTOM_MODES = 1_000_000;
/** Largest file read, stated before reading (a million rows of CSV take 20–40 MB). */
export const MAX_SPECTRUM_BYTES = 64 * 1024 * 1024;

/** "23.4 MB" (binary megabytes, as file managers mostly show them). */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The stated limit, for the dialog: said before any file is chosen. */
export const SIZE_LIMIT_TEXT = `files up to ${megabytes(MAX_SPECTRUM_BYTES)} and ${MAX_CUSTOM_MODES.toLocaleString('en-US')} modes`;

/** Why a file is not read at all (checked before reading a byte); null: it may be read. */
export function fileSizeProblem(bytes: number): SpectrumProblem | null {
  if (bytes === 0) return problem('the file is empty');
  if (bytes > MAX_SPECTRUM_BYTES)
    return problem(
      `the file is ${megabytes(bytes)}; this page reads ${SIZE_LIMIT_TEXT} (not read: ` +
        `keep every mode down to the smallest eigenvalue you need, or thin the tail evenly in log λ)`,
    );
  return null;
}
/** Longest line: a text file of spectrum rows has short lines; a binary file does not. */
export const MAX_LINE_CHARS = 10_000;
/**
 * Smallest and largest nonzero value. The engine squares eigenvalues, multiplies them by target
 * powers and by times up to 1e8 and divides by them: a spectrum scaled to 1e-300 (or 1e200) gives
 * a wrong E_g(∞) (or a wrong E_g(0)), one at 1e-320 none at all (subnormal: κ rounds to 0), while
 * 1e-150 … 1e150 reproduce the scale-free limit to 1e-9 (test/model/data/customSpectrum.test.ts).
 */
export const VALUE_MIN = 1e-150;
export const VALUE_MAX = 1e150;

export interface SpectrumProblem {
  ok: false;
  /** 1-based line of the text (CSV), when the problem is on one line. */
  line?: number;
  message: string;
}

export function problem(message: string, line?: number): SpectrumProblem {
  return line === undefined
    ? { ok: false, message }
    : { ok: false, line, message: `line ${line}: ${message}` };
}

/** Why a nonzero value is refused (null: it is in range). */
export function outOfRange(what: string, v: number, text = String(v)): string | null {
  const a = Math.abs(v);
  if (a === 0 || (a >= VALUE_MIN && a <= VALUE_MAX)) return null;
  const side = a < VALUE_MIN ? 'too small' : 'too large';
  const fix =
    a < VALUE_MIN
      ? ' Write 0 for a mode the kernel never learns, or rescale the column.'
      : ' Rescale the column.';
  return (
    `${what} ${text} is ${side}: nonzero values must lie between ${VALUE_MIN} and ${VALUE_MAX}, ` +
    `beyond which the theory's products and squares ${a < VALUE_MIN ? 'underflow to 0' : 'overflow to ∞'} in double precision.${fix}`
  );
}

/** Every row read, in file order, before the second column is interpreted. */
export interface SpectrumRows {
  lam: Float64Array;
  second: Float64Array;
  /** The line of each row (for messages). */
  lineOf: Float64Array;
  /** What a header's second name says the column holds, if anything. */
  header: SecondColumn | null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Words that are numbers to JavaScript but not values of a spectrum: a row, not a header. */
const SPECIAL = /^[+-]?(nan|inf|infinity)$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+([eE][+-]?\d+)?$/;

function fields(line: string): string[] {
  return (/[,;\t]/.test(line) ? line.split(/\s*[,;\t]\s*/) : line.split(/\s+/)).map((f) =>
    f.trim(),
  );
}

/** A header row: the first row, every field a word (not a number, not NaN or Infinity). */
function isHeader(f: string[]): boolean {
  return f.every((x) => !NUMBER.test(x) && !SPECIAL.test(x) && /[a-z_]/i.test(x));
}

/** Which reading a header's second name suggests, if any. */
function headerColumn(name: string): SecondColumn | null {
  if (/coef|a_?k|amplitude|weight/i.test(name)) return 'coefficient';
  if (/pow|c_?k|energy|var/i.test(name)) return 'power';
  return null;
}

/** "1,5;0,3" or "1,5 0,3": numbers written with decimal commas, said so after the problem. */
function decimalCommaHint(line: string): string {
  const f = line.split(/\s*[;\t]\s*|\s+/).filter((x) => x !== '');
  if (!f.some((x) => DECIMAL_COMMA.test(x))) return '';
  if (!f.every((x) => DECIMAL_COMMA.test(x) || NUMBER.test(x))) return '';
  const ex = f.find((x) => DECIMAL_COMMA.test(x))!;
  return `. “${ex}” looks like a decimal comma: write decimals with a point (${ex.replace(',', '.')})`;
}

/** A Float64Array that grows by doubling. */
class Column {
  a = new Float64Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Float64Array {
    return this.a.slice(0, this.n);
  }
}

/**
 * Reads CSV text given in chunks: `push` each chunk (false once a problem stops the reading),
 * then `end`. Blank lines and lines starting with # are skipped; a first row of words is a header.
 */
export class SpectrumCsvReader {
  private carry = '';
  private ln = 0;
  private sawRow = false;
  private header: SecondColumn | null = null;
  private readonly lam = new Column();
  private readonly second = new Column();
  private readonly lineOf = new Column();
  private failed: SpectrumProblem | null = null;

  /** Rows read so far. */
  get rows(): number {
    return this.lam.n;
  }

  push(chunk: string): boolean {
    if (this.failed) return false;
    const buf = this.carry + chunk;
    let start = 0;
    for (let i = 0; i < buf.length && !this.failed; i++) {
      const ch = buf.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      // A \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
      if (ch === 13 && i + 1 === buf.length) break;
      this.line(buf.slice(start, i));
      if (ch === 13 && buf.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    this.carry = buf.slice(start);
    if (!this.failed && this.carry.length > MAX_LINE_CHARS)
      this.failed = problem(
        `longer than ${MAX_LINE_CHARS} characters without a line break: not a text file of rows “eigenvalue, target”`,
        this.ln + 1,
      );
    return !this.failed;
  }

  end(): SpectrumRows | SpectrumProblem {
    if (!this.failed && this.carry !== '') this.line(this.carry.replace(/\r$/, ''));
    this.carry = '';
    if (this.failed) return this.failed;
    if (this.lam.n === 0)
      return problem('no data rows: expected one mode per row, “eigenvalue, target”');
    return {
      lam: this.lam.done(),
      second: this.second.done(),
      lineOf: this.lineOf.done(),
      header: this.header,
    };
  }

  private line(text: string): void {
    const ln = ++this.ln;
    const raw = text.trim();
    if (raw === '' || raw.startsWith('#')) return;
    if (raw.includes('\0')) {
      this.failed = problem('holds a NUL character: not a text file', ln);
      return;
    }
    const f = fields(raw);
    if (!this.sawRow && isHeader(f)) {
      this.sawRow = true;
      if (f.length !== 2)
        this.failed = problem(
          `the header has ${f.length} columns, expected 2 (eigenvalue, target)`,
          ln,
        );
      else this.header = headerColumn(f[1]);
      return;
    }
    this.sawRow = true;
    this.failed = this.row(f, raw, ln);
  }

  private row(f: string[], raw: string, ln: number): SpectrumProblem | null {
    if (f.length !== 2)
      return problem(
        `${f.length} column${f.length === 1 ? '' : 's'}, expected 2 (eigenvalue, then target power or coefficient)${decimalCommaHint(raw)}`,
        ln,
      );
    for (let j = 0; j < 2; j++)
      if (!NUMBER.test(f[j]))
        return problem(
          `${j === 0 ? 'eigenvalue' : 'target'} “${f[j].slice(0, 24)}” is not a number${decimalCommaHint(raw)}`,
          ln,
        );
    const l = Number(f[0]);
    const s = Number(f[1]);
    if (l < 0) return problem(`eigenvalue ${f[0]} is negative (eigenvalues must be ≥ 0)`, ln);
    const range = outOfRange('eigenvalue', l, f[0]) ?? outOfRange('target', s, f[1]);
    if (range) return problem(range, ln);
    if (this.lam.n >= MAX_CUSTOM_MODES)
      return problem(
        `more than ${MAX_CUSTOM_MODES.toLocaleString('en-US')} rows: too many modes (the most a file may hold)`,
        ln,
      );
    this.lam.push(l);
    this.second.push(s);
    this.lineOf.push(ln);
    return null;
  }
}

/** Read a whole text at once (pasted text, the tests). */
export function readSpectrumRows(text: string): SpectrumRows | SpectrumProblem {
  const r = new SpectrumCsvReader();
  r.push(text);
  return r.end();
}
