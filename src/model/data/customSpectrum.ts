// A user's own spectrum (data = custom, docs/theory.md §0): read from CSV text (pasted or a file)
// or from the JSON this app exports. Every problem is a message naming the line (CSV) or the
// field (JSON) and what is wrong; nothing reaches the engine that it would turn into NaN.
//
// CSV: one mode per row, two columns — the eigenvalue λ_k and either the target power
// c_k = λ_k w̄_k² (≥ 0) or the target's coefficient a_k on the unit-norm eigenfunction k
// (any sign; c_k = a_k², as for the digits: c_k = (u_k·y)²/n). Separators: comma, semicolon, tab
// or spaces. Blank lines and lines starting with # are skipped; a first row of words is a header.
// Rows need not be sorted: they are put in order of decreasing eigenvalue (the pairing (λ_k, c_k)
// is what the theory uses; the order only names the modes), and the result says so.
import { fitSpectrum, checkModes, type ModeSpectrum } from '../theory/measuredSpectrum.ts';

export type SecondColumn = 'power' | 'coefficient';

export const SECOND_COLUMN_LABELS: Record<SecondColumn, string> = {
  power: 'target power c_k per mode',
  coefficient: 'target coefficient a_k (c_k = a_k²)',
};

/** Fewest modes a file may have: the fit of α, β needs modes 3…12 with power beyond them. */
export const MIN_CUSTOM_MODES = 20;
/** Most rows read (a spectrum of 200 000 modes is already ~3 MB of text). */
export const MAX_CUSTOM_MODES = 200_000;

export const SPECTRUM_JSON_FORMAT = 'scaling-playground spectrum v1';

export interface ParsedSpectrum {
  ok: true;
  modes: ModeSpectrum;
  /** How the second column was read, and whether that was detected or chosen. */
  column: SecondColumn;
  detected: string;
  /** Things done to the data that the user should know (sorting). */
  notes: string[];
  /** Fitted exponents, for the confirmation line. */
  alpha: number;
  beta: number;
}

export interface SpectrumProblem {
  ok: false;
  /** 1-based line of the text (CSV), when the problem is on one line. */
  line?: number;
  message: string;
}

export type SpectrumParse = ParsedSpectrum | SpectrumProblem;

function problem(message: string, line?: number): SpectrumProblem {
  return line === undefined
    ? { ok: false, message }
    : { ok: false, line, message: `line ${line}: ${message}` };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fields(line: string): string[] {
  const t = line.trim();
  return (/[,;\t]/.test(t) ? t.split(/\s*[,;\t]\s*/) : t.split(/\s+/)).map((f) => f.trim());
}

/** Which reading a header's second name suggests, if any. */
function headerColumn(name: string): SecondColumn | null {
  if (/coef|a_?k|amplitude|weight/i.test(name)) return 'coefficient';
  if (/pow|c_?k|energy|var/i.test(name)) return 'power';
  return null;
}

/**
 * Parse CSV text. `column`: how to read the second column, or 'auto' (a negative value or a header
 * naming coefficients means coefficients; otherwise powers).
 */
export function parseSpectrumCsv(
  text: string,
  column: SecondColumn | 'auto' = 'auto',
): SpectrumParse {
  const lines = text.split(/\r\n|\r|\n/);
  const lam: number[] = [];
  const second: number[] = [];
  const lineOf: number[] = [];
  let header: SecondColumn | null = null;
  let sawRow = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const f = fields(raw);
    const ln = i + 1;
    if (!sawRow && f.every((x) => !NUMBER.test(x))) {
      // A header row: the first row, all words.
      sawRow = true;
      if (f.length !== 2)
        return problem(`the header has ${f.length} columns, expected 2 (eigenvalue, target)`, ln);
      header = headerColumn(f[1]);
      continue;
    }
    sawRow = true;
    if (f.length !== 2)
      return problem(
        `${f.length} column${f.length === 1 ? '' : 's'}, expected 2 (eigenvalue, then target power or coefficient)`,
        ln,
      );
    for (let j = 0; j < 2; j++)
      if (!NUMBER.test(f[j]))
        return problem(
          `${j === 0 ? 'eigenvalue' : 'target'} “${f[j].slice(0, 24)}” is not a number`,
          ln,
        );
    const l = Number(f[0]);
    const s = Number(f[1]);
    if (!Number.isFinite(l) || !Number.isFinite(s)) return problem('a value is too large', ln);
    if (l < 0) return problem(`eigenvalue ${f[0]} is negative (eigenvalues must be ≥ 0)`, ln);
    if (lam.length >= MAX_CUSTOM_MODES)
      return problem(`more than ${MAX_CUSTOM_MODES} rows: too many modes`, ln);
    lam.push(l);
    second.push(s);
    lineOf.push(ln);
  }
  if (lam.length === 0)
    return problem('no data rows: expected one mode per row, “eigenvalue, target”');
  const negative = second.findIndex((s) => s < 0);
  let use: SecondColumn;
  let detected: string;
  if (column !== 'auto') {
    use = column;
    detected = 'as chosen';
  } else if (negative >= 0) {
    use = 'coefficient';
    detected = `detected: line ${lineOf[negative]} has a negative value, so the column holds coefficients`;
  } else if (header) {
    use = header;
    detected = 'detected from the header';
  } else {
    use = 'power';
    detected = 'no header, no negative value: powers assumed; choose coefficients if they are';
  }
  if (use === 'power' && negative >= 0)
    return problem(
      `target power ${second[negative]} is negative (powers are ≥ 0; choose “coefficients” if the column holds them)`,
      lineOf[negative],
    );
  const power = second.map((s) => (use === 'coefficient' ? s * s : s));
  return finish(lam, power, use, detected, lineOf);
}

/** Sort by decreasing eigenvalue, check and fit; a spectrum the engine cannot use is a problem. */
function finish(
  lam: number[],
  power: number[],
  column: SecondColumn,
  detected: string,
  lineOf?: number[],
): SpectrumParse {
  const n = lam.length;
  const notes: string[] = [];
  const order = Array.from({ length: n }, (_, i) => i);
  const firstUnsorted = lam.findIndex((l, i) => i > 0 && l > lam[i - 1]);
  if (firstUnsorted >= 0) {
    order.sort((a, b) => lam[b] - lam[a] || a - b);
    const where = lineOf ? `line ${lineOf[firstUnsorted]}` : `entry ${firstUnsorted + 1}`;
    notes.push(`rows put in order of decreasing eigenvalue (not in order from ${where})`);
  }
  const modes: ModeSpectrum = {
    lam: Float64Array.from(order, (i) => lam[i]),
    power: Float64Array.from(order, (i) => power[i]),
  };
  const positive = modes.lam.findIndex((l) => !(l > 0));
  const r = positive < 0 ? n : positive;
  if (r < MIN_CUSTOM_MODES)
    return problem(
      `${r} mode${r === 1 ? '' : 's'} with a positive eigenvalue; at least ${MIN_CUSTOM_MODES} are needed to fit α and β`,
    );
  let total = 0;
  for (const c of modes.power) total += c;
  if (!(total > 0)) return problem('every target power is 0: there is nothing to learn');
  try {
    checkModes(modes);
    const fit = fitSpectrum(modes);
    if (!Number.isFinite(fit.alpha) || !Number.isFinite(fit.beta))
      return problem('the power laws cannot be fitted to these modes');
    return { ok: true, modes, column, detected, notes, alpha: fit.alpha, beta: fit.beta };
  } catch (e) {
    return problem(`the spectrum cannot be used: ${(e as Error).message}`);
  }
}

/** The JSON the app exports for a spectrum (eigenvalues and target powers, mode by mode). */
export function spectrumJson(name: string, modes: ModeSpectrum): string {
  return JSON.stringify(
    {
      format: SPECTRUM_JSON_FORMAT,
      name,
      eigenvalues: Array.from(modes.lam),
      powers: Array.from(modes.power),
    },
    null,
    0,
  );
}

/** Read the app's spectrum JSON back; a bad file names the field and the entry. */
export function parseSpectrumJson(text: string): SpectrumParse & { name?: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return problem(`not valid JSON (${(e as Error).message})`);
  }
  const r = v as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return problem('not a JSON object');
  if (r.format !== SPECTRUM_JSON_FORMAT)
    return problem(`"format" must be "${SPECTRUM_JSON_FORMAT}"`);
  const list = (k: string): number[] | SpectrumProblem => {
    const a = r[k];
    if (!Array.isArray(a)) return problem(`"${k}" must be a list of numbers`);
    const bad = a.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0);
    if (bad >= 0)
      return problem(`"${k}"[${bad}] = ${JSON.stringify(a[bad])}: must be a number ≥ 0`);
    return a as number[];
  };
  const lam = list('eigenvalues');
  if (!Array.isArray(lam)) return lam;
  const power = list('powers');
  if (!Array.isArray(power)) return power;
  if (lam.length !== power.length)
    return problem(`${lam.length} eigenvalues but ${power.length} powers`);
  if (lam.length > MAX_CUSTOM_MODES) return problem(`more than ${MAX_CUSTOM_MODES} modes`);
  const out = finish(lam, power, 'power', 'from the JSON file');
  return out.ok && typeof r.name === 'string' ? { ...out, name: r.name.slice(0, 80) } : out;
}
