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
import {
  MAX_CUSTOM_MODES,
  outOfRange,
  problem,
  readSpectrumRows,
  SpectrumCsvReader,
  type SecondColumn,
  type SpectrumProblem,
  type SpectrumRows,
} from './spectrumRows.ts';

export {
  fileSizeProblem,
  MAX_CUSTOM_MODES,
  MAX_SPECTRUM_BYTES,
  megabytes,
  SIZE_LIMIT_TEXT,
  SpectrumCsvReader,
  type SecondColumn,
  type SpectrumProblem,
  type SpectrumRows,
} from './spectrumRows.ts';

export const SECOND_COLUMN_LABELS: Record<SecondColumn, string> = {
  power: 'target power c_k per mode',
  coefficient: 'target coefficient a_k (c_k = a_k²)',
};

/** Fewest modes a file may have: the fit of α, β needs modes 3…12 with power beyond them. */
export const MIN_CUSTOM_MODES = 20;

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
  /** The name saved in the app's JSON, if any. */
  name?: string;
}

export type SpectrumParse = ParsedSpectrum | SpectrumProblem;

/**
 * Parse CSV text. `column`: how to read the second column, or 'auto' (a negative value or a header
 * naming coefficients means coefficients; otherwise powers).
 */
export function parseSpectrumCsv(
  text: string,
  column: SecondColumn | 'auto' = 'auto',
): SpectrumParse {
  const rows = readSpectrumRows(text);
  return 'ok' in rows ? rows : interpretRows(rows, column);
}

/** Text that is JSON (an object, or a list) rather than rows of numbers. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** What a streamed read gives: the parse, and the CSV rows (kept to read the column again). */
export interface StreamedSpectrum {
  parse: SpectrumParse;
  rows: SpectrumRows | null;
}

/**
 * Read a text that arrives in chunks (a file, read in a worker): CSV rows are checked as they
 * come, so a bad line stops the reading there; the app's JSON is gathered and parsed at the end.
 * Whether it is JSON is decided by its first character that is not white space.
 */
export async function readSpectrumChunks(
  chunks: AsyncIterable<string>,
  column: SecondColumn | 'auto',
): Promise<StreamedSpectrum> {
  const csv = new SpectrumCsvReader();
  let kind: 'csv' | 'json' | null = null;
  const json: string[] = [];
  // White space before the first character is kept (CSV line numbers count its line breaks).
  let lead = '';
  for await (const piece of chunks) {
    let chunk = piece;
    if (kind === null) {
      lead += chunk;
      if (lead.trim() === '') continue;
      kind = looksLikeJson(lead) ? 'json' : 'csv';
      chunk = lead;
    }
    if (kind === 'json') json.push(chunk);
    else if (!csv.push(chunk)) break;
  }
  if (kind === null) return { parse: problem('the text is empty'), rows: null };
  if (kind === 'json') return { parse: parseSpectrumJson(json.join('')), rows: null };
  const rows = csv.end();
  return 'ok' in rows ? { parse: rows, rows: null } : { parse: interpretRows(rows, column), rows };
}

/** Read a text as the app's JSON or as CSV, whichever it is. */
export function parseSpectrumText(text: string, column: SecondColumn | 'auto'): SpectrumParse {
  if (text.trim() === '') return problem('the text is empty');
  return looksLikeJson(text) ? parseSpectrumJson(text) : parseSpectrumCsv(text, column);
}

/** Decide what the second column holds (chosen, or detected), then check and fit the modes. */
export function interpretRows(rows: SpectrumRows, column: SecondColumn | 'auto'): SpectrumParse {
  const { lam, second, lineOf, header } = rows;
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
  const power = use === 'coefficient' ? second.map((s) => s * s) : second;
  if (use === 'coefficient')
    for (let i = 0; i < power.length; i++) {
      const bad = outOfRange(`target power (coefficient squared)`, power[i]);
      if (bad) return problem(bad, lineOf[i]);
    }
  return finish(lam, power, use, detected, lineOf);
}

/** Sort by decreasing eigenvalue, check and fit; a spectrum the engine cannot use is a problem. */
function finish(
  lam: ArrayLike<number>,
  power: ArrayLike<number>,
  column: SecondColumn,
  detected: string,
  lineOf?: ArrayLike<number>,
): SpectrumParse {
  const n = lam.length;
  const notes: string[] = [];
  let firstUnsorted = -1;
  for (let i = 1; i < n && firstUnsorted < 0; i++) if (lam[i] > lam[i - 1]) firstUnsorted = i;
  const modes: ModeSpectrum = { lam: Float64Array.from(lam), power: Float64Array.from(power) };
  if (firstUnsorted >= 0) {
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => lam[b] - lam[a] || a - b);
    for (let i = 0; i < n; i++) {
      modes.lam[i] = lam[order[i]];
      modes.power[i] = power[order[i]];
    }
    const where = lineOf ? `line ${lineOf[firstUnsorted]}` : `entry ${firstUnsorted + 1}`;
    notes.push(`rows put in order of decreasing eigenvalue (not in order from ${where})`);
  }
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

/** What the app's spectrum JSON looks like, for the messages about other JSON. */
const JSON_SHAPE = `{"format": "${SPECTRUM_JSON_FORMAT}", "eigenvalues": […], "powers": […]}`;

/** Read the app's spectrum JSON back; a bad file names the field and the entry. */
export function parseSpectrumJson(text: string): SpectrumParse {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return problem(`not valid JSON (${(e as Error).message})`);
  }
  if (Array.isArray(v))
    return problem(
      `a JSON list, not the spectrum file this app saves (an object ${JSON_SHAPE}); for a list of modes write CSV rows “eigenvalue, target”`,
    );
  const r = v as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return problem(`not a JSON object: expected ${JSON_SHAPE}`);
  if (r.format !== SPECTRUM_JSON_FORMAT)
    return problem(`"format" must be "${SPECTRUM_JSON_FORMAT}"`);
  const list = (k: string): number[] | SpectrumProblem => {
    const a = r[k];
    if (!Array.isArray(a)) return problem(`"${k}" must be a list of numbers`);
    if (a.length > MAX_CUSTOM_MODES)
      return problem(
        `"${k}" has more than ${MAX_CUSTOM_MODES.toLocaleString('en-US')} entries: too many modes`,
      );
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
        return problem(`"${k}"[${i}] = ${JSON.stringify(x)}: must be a number ≥ 0`);
      const bad = outOfRange(`"${k}"[${i}] =`, x);
      if (bad) return problem(bad);
    }
    return a as number[];
  };
  const lam = list('eigenvalues');
  if (!Array.isArray(lam)) return lam;
  const power = list('powers');
  if (!Array.isArray(power)) return power;
  if (lam.length !== power.length)
    return problem(`${lam.length} eigenvalues but ${power.length} powers`);
  const out = finish(lam, power, 'power', 'from the JSON file');
  return out.ok && typeof r.name === 'string' ? { ...out, name: r.name.slice(0, 80) } : out;
}
