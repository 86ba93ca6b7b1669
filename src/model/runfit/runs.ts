// A user's own runs (docs/theory.md §10): loss measured against x (training steps, dataset size P
// or model size N), one row per measurement, read from CSV text or from the JSON this app saves.
// As for a spectrum file (src/model/data/customSpectrum.ts), every problem is a message naming
// the line (CSV) or the field (JSON) and what is wrong; nothing reaches the fit that it would turn
// into NaN.
//
// CSV: columns x, loss and optionally run (a run or seed id), P, N, batch, eta, named by a first
// row of words (any order; other columns are ignored and the result says so) or, without a
// header, x, loss[, run] in that order. Separators: comma, semicolon or tab (or spaces). Blank
// lines and lines starting with # are skipped. Within a run the rows are put in order of
// increasing x (and the result says so); P, N, batch and eta describe a run and must not change
// within it. Very long logs (a loss at every step) are thinned to at most MAX_RUN_POINTS points
// per run by averaging log loss in equal bins of log x, and the result says so.

/** The quantity on the x axis: training steps, dataset size or model size. */
export type FitAxis = 'steps' | 'P' | 'N';
export const FIT_AXES: readonly FitAxis[] = ['steps', 'P', 'N'];

/** The per-run settings a file may give beside x and loss. */
export type RunColumn = 'P' | 'N' | 'batch' | 'eta';
export const RUN_COLUMNS: readonly RunColumn[] = ['P', 'N', 'batch', 'eta'];

/** One run: its measurements (x increasing) and the settings the file gives for it. */
export interface Run {
  id: string;
  x: Float64Array;
  loss: Float64Array;
  /** Settings given in the file (absent: not given; N may be Infinity, written inf). */
  P?: number;
  N?: number;
  batch?: number;
  eta?: number;
}

export interface RunSet {
  runs: Run[];
  /** Things done to the data that the user should know (sorting, thinning, ignored columns). */
  notes: string[];
}

export interface ParsedRuns extends RunSet {
  ok: true;
}

export interface RunsProblem {
  ok: false;
  /** 1-based line of the text (CSV), when the problem is on one line. */
  line?: number;
  message: string;
}

export type RunsParse = ParsedRuns | RunsProblem;

/** Fewest measurements in all: six parameters are fitted (α, β, s, c, σ², L₀). */
export const MIN_FIT_POINTS = 8;
/** Most rows read; beyond this a file is refused (a million rows parse in well under a second). */
export const MAX_FIT_ROWS = 1_000_000;
/** Most points per run given to the fit; longer runs are binned in log x. */
export const MAX_RUN_POINTS = 200;
/** Most runs in one file. */
export const MAX_RUNS = 64;

export const RUNS_JSON_FORMAT = 'scaling-playground runs v1';

function problem(message: string, line?: number): RunsProblem {
  return line === undefined
    ? { ok: false, message }
    : { ok: false, line, message: `line ${line}: ${message}` };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INF = /^\+?(inf|infinity|∞)$/i;

/** The column each header word names (case-insensitive), or null for a column to ignore. */
const COLUMN_NAMES: Readonly<Record<string, 'x' | 'loss' | 'run' | RunColumn>> = {
  x: 'x',
  step: 'x',
  steps: 'x',
  loss: 'loss',
  run: 'run',
  seed: 'run',
  p: 'P',
  n: 'N',
  batch: 'batch',
  eta: 'eta',
  lr: 'eta',
};

type Column = 'x' | 'loss' | 'run' | RunColumn;

/** Read a header row into column positions; a problem when x or loss is missing or repeated. */
function readHeader(
  f: string[],
  ln: number,
): { cols: (Column | null)[]; ignored: string[] } | RunsProblem {
  const cols: (Column | null)[] = [];
  const ignored: string[] = [];
  for (const name of f) {
    const c = COLUMN_NAMES[name.toLowerCase()] ?? null;
    if (c !== null && cols.includes(c))
      return problem(`the header names the column ${c} twice`, ln);
    if (c === null) ignored.push(name);
    cols.push(c);
  }
  for (const need of ['x', 'loss'] as const)
    if (!cols.includes(need))
      return problem(
        `the header has no column “${need}” (columns: x, loss, and optionally run, P, N, batch, eta)`,
        ln,
      );
  return { cols, ignored };
}

/** A setting's value: a positive number (N also inf). */
function settingValue(col: RunColumn, raw: string): number | string {
  if (col === 'N' && INF.test(raw)) return Infinity;
  if (!NUMBER.test(raw)) return `${col} “${raw.slice(0, 24)}” is not a number`;
  const v = Number(raw);
  if (!Number.isFinite(v)) return `${col} ${raw} is too large`;
  if (!(v > 0)) return `${col} ${raw} is not positive`;
  return v;
}

interface RawRun {
  id: string;
  x: number[];
  loss: number[];
  /** Where the first row out of order is ("line 12", "runs[1].x[3]"), or null. */
  unsorted: string | null;
  settings: Partial<Record<RunColumn, { value: number; line: number }>>;
}

/** The separator of a row: comma, semicolon or tab when present, else runs of spaces. */
function separatorOf(line: string): string | RegExp {
  return line.includes(',') ? ',' : line.includes(';') ? ';' : line.includes('\t') ? '\t' : /\s+/;
}

/**
 * Parse CSV text for the axis the user chose. The axis's own quantity cannot also be a column
 * (x is P when the axis is P). The separator is read from the first row; the loop allocates
 * little per row, so that a million rows parse in well under a second.
 */
export function parseRunsCsv(text: string, axis: FitAxis): RunsParse {
  const lines = text.split('\n');
  let cols: (Column | null)[] | null = null;
  let sep: string | RegExp = ',';
  const notes: string[] = [];
  const runs = new Map<string, RawRun>();
  let rows = 0;
  let last: RawRun | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '' || raw.charCodeAt(0) === 35 /* # */) continue;
    const ln = i + 1;
    if (cols === null) {
      sep = separatorOf(raw);
      const f = raw.split(sep).map((x) => x.trim());
      if (f.every((x) => !NUMBER.test(x) && !INF.test(x))) {
        const h = readHeader(f, ln);
        if ('ok' in h) return h;
        if (axis !== 'steps' && h.cols.includes(axis))
          return problem(`x is ${axis} here, so the file cannot also have a column ${axis}`, ln);
        if (h.ignored.length)
          notes.push(
            `column${h.ignored.length > 1 ? 's' : ''} ${h.ignored.map((c) => `“${c}”`).join(', ')} ignored`,
          );
        cols = h.cols;
        continue;
      }
      cols = ['x', 'loss', 'run'].slice(0, Math.min(3, Math.max(2, f.length))) as Column[];
    }
    const f = splitRow(raw, sep, cells);
    if (f.length !== cols.length)
      return problem(
        `${f.length} column${f.length === 1 ? '' : 's'}, expected ${cols.length} (${cols.map((c) => c ?? 'ignored').join(', ')})`,
        ln,
      );
    if (++rows > MAX_FIT_ROWS) return problem(`more than ${MAX_FIT_ROWS} rows: too many`, ln);
    const why = readRow(f, cols, row);
    if (why !== null) return problem(why, ln);
    let r: RawRun | undefined = last !== null && last.id === row.run ? last : runs.get(row.run);
    if (!r) {
      if (runs.size >= MAX_RUNS) return problem(`more than ${MAX_RUNS} runs`, ln);
      r = { id: row.run, x: [], loss: [], unsorted: null, settings: {} };
      runs.set(row.run, r);
    }
    last = r;
    for (let k = 0; k < row.nSettings; k++) {
      const c = row.settingCols[k];
      const v = row.settingValues[k];
      const before = r.settings[c];
      if (before && before.value !== v)
        return problem(
          `run ${r.id} has ${c} = ${v} here but ${before.value} on line ${before.line} (a run has one ${c})`,
          ln,
        );
      if (!before) r.settings[c] = { value: v, line: ln };
    }
    if (r.unsorted === null && r.x.length > 0 && row.x < r.x[r.x.length - 1])
      r.unsorted = `line ${ln}`;
    r.x.push(row.x);
    r.loss.push(row.loss);
  }
  if (runs.size === 0)
    return problem('no data rows: expected one measurement per row, “x, loss[, run]”');
  return finish([...runs.values()], notes);
}

/** Cells of the current row, reused from row to row. */
const cells: string[] = [];

/** The cells of a row (a string separator is scanned with indexOf: no regular expression per row). */
function splitRow(line: string, sep: string | RegExp, out: string[]): string[] {
  if (typeof sep !== 'string') return line.split(sep);
  out.length = 0;
  let from = 0;
  for (;;) {
    const k = line.indexOf(sep, from);
    if (k < 0) {
      out.push(line.slice(from));
      return out;
    }
    out.push(line.slice(from, k));
    from = k + 1;
  }
}

/** One row's values, reused from row to row. */
interface RowBuffer {
  x: number;
  loss: number;
  run: string;
  nSettings: number;
  settingCols: RunColumn[];
  settingValues: number[];
}
const row: RowBuffer = {
  x: NaN,
  loss: NaN,
  run: '',
  nSettings: 0,
  settingCols: [],
  settingValues: [],
};

/** Read one data row into `out`; what is wrong with it, or null. */
function readRow(f: string[], cols: (Column | null)[], out: RowBuffer): string | null {
  out.run = '';
  out.nSettings = 0;
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j];
    if (c === null) continue;
    const v = f[j].trim();
    if (c === 'run') {
      if (v === '') return 'the run id is empty';
      out.run = v;
    } else if (c === 'x' || c === 'loss') {
      if (!NUMBER.test(v)) return `${c} “${v.slice(0, 24)}” is not a number`;
      const n = Number(v);
      if (!Number.isFinite(n)) return `${c} ${v} is too large`;
      if (!(n > 0))
        return c === 'x'
          ? `x ${v} is not positive (x is on a log axis)`
          : `loss ${v} is not positive (the fit is on log loss)`;
      if (c === 'x') out.x = n;
      else out.loss = n;
    } else {
      const s = settingValue(c, v);
      if (typeof s === 'string') return s;
      out.settingCols[out.nSettings] = c;
      out.settingValues[out.nSettings++] = s;
    }
  }
  return null;
}

/** Sort each run by x (saying where it was out of order), thin long runs, check the total count. */
function finish(raw: RawRun[], notes: string[]): RunsParse {
  let total = 0;
  const runs: Run[] = [];
  for (const r of raw) {
    const n = r.x.length;
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (r.unsorted !== null) {
      order.sort((a, b) => r.x[a] - r.x[b] || a - b);
      notes.push(
        `${runName(r.id, raw.length)}rows put in order of increasing x (not in order from ${r.unsorted})`,
      );
    }
    let x: Float64Array = new Float64Array(n);
    let loss: Float64Array = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = r.x[order[i]];
      loss[i] = r.loss[order[i]];
    }
    if (n > MAX_RUN_POINTS) {
      ({ x, loss } = thinRun(x, loss, MAX_RUN_POINTS));
      notes.push(
        `${runName(r.id, raw.length)}${n} points thinned to ${x.length} (geometric mean of the loss in equal bins of log x)`,
      );
    }
    total += x.length;
    const run: Run = { id: r.id, x, loss };
    for (const c of RUN_COLUMNS) if (r.settings[c]) run[c] = r.settings[c]!.value;
    runs.push(run);
  }
  if (total < MIN_FIT_POINTS)
    return problem(
      `${total} measurement${total === 1 ? '' : 's'}; at least ${MIN_FIT_POINTS} are needed (six parameters are fitted)`,
    );
  return { ok: true, runs, notes };
}

function runName(id: string, count: number): string {
  return count > 1 || id !== '' ? `run ${id === '' ? '(unnamed)' : id}: ` : '';
}

/**
 * At most `max` points: equal bins in log x over the run's range, each bin's point at the mean
 * log x and the mean log loss of its rows (empty bins are dropped).
 */
export function thinRun(
  x: Float64Array,
  loss: Float64Array,
  max: number,
): { x: Float64Array; loss: Float64Array } {
  const lo = Math.log(x[0]);
  const hi = Math.log(x[x.length - 1]);
  const width = (hi - lo) / max || 1;
  const su = new Float64Array(max);
  const sl = new Float64Array(max);
  const cnt = new Float64Array(max);
  for (let i = 0; i < x.length; i++) {
    const u = Math.log(x[i]);
    const b = Math.min(max - 1, Math.floor((u - lo) / width));
    su[b] += u;
    sl[b] += Math.log(loss[i]);
    cnt[b]++;
  }
  const xs: number[] = [];
  const ls: number[] = [];
  for (let b = 0; b < max; b++) {
    if (cnt[b] === 0) continue;
    xs.push(Math.exp(su[b] / cnt[b]));
    ls.push(Math.exp(sl[b] / cnt[b]));
  }
  return { x: Float64Array.from(xs), loss: Float64Array.from(ls) };
}

/** The JSON the app saves for a set of runs (the axis it was fitted against, and each run). */
export function runsJson(axis: FitAxis, set: RunSet): string {
  return JSON.stringify({
    format: RUNS_JSON_FORMAT,
    axis,
    runs: set.runs.map((r) => ({
      id: r.id,
      x: Array.from(r.x),
      loss: Array.from(r.loss),
      ...Object.fromEntries(
        RUN_COLUMNS.filter((c) => r[c] !== undefined).map((c) => [
          c,
          r[c] === Infinity ? 'inf' : r[c],
        ]),
      ),
    })),
  });
}

/** Read the app's runs JSON back; a bad file names the field and the entry. */
export function parseRunsJson(text: string, axis: FitAxis): RunsParse {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return problem(`not valid JSON (${(e as Error).message})`);
  }
  const r = v as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return problem('not a JSON object');
  if (r.format !== RUNS_JSON_FORMAT) return problem(`"format" must be "${RUNS_JSON_FORMAT}"`);
  if (r.axis !== undefined && r.axis !== axis)
    return problem(`"axis" is "${String(r.axis)}" but the fit is against ${axis}`);
  if (!Array.isArray(r.runs) || r.runs.length === 0)
    return problem('"runs" must be a non-empty list');
  if (r.runs.length > MAX_RUNS) return problem(`more than ${MAX_RUNS} runs`);
  const raw: RawRun[] = [];
  let rows = 0;
  for (let k = 0; k < r.runs.length; k++) {
    const got = readJsonRun(r.runs[k], k, axis);
    if ('ok' in got) return got;
    rows += got.x.length;
    if (rows > MAX_FIT_ROWS) return problem(`more than ${MAX_FIT_ROWS} measurements: too many`);
    raw.push(got);
  }
  const ids = new Set(raw.map((x) => x.id));
  if (ids.size < raw.length) return problem('two runs have the same "id"');
  return finish(raw, []);
}

function readJsonRun(entry: unknown, k: number, axis: FitAxis): RawRun | RunsProblem {
  const e = entry as Record<string, unknown> | null;
  const at = `runs[${k}]`;
  if (!e || typeof e !== 'object' || Array.isArray(e)) return problem(`${at} is not an object`);
  const id = e.id === undefined ? String(k + 1) : String(e.id);
  const list = (key: 'x' | 'loss'): number[] | RunsProblem => {
    const a = e[key];
    if (!Array.isArray(a)) return problem(`${at}.${key} must be a list of numbers`);
    const bad = a.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x) || !(x > 0));
    if (bad >= 0)
      return problem(`${at}.${key}[${bad}] = ${JSON.stringify(a[bad])}: must be a number > 0`);
    return a as number[];
  };
  const x = list('x');
  if (!Array.isArray(x)) return x;
  const loss = list('loss');
  if (!Array.isArray(loss)) return loss;
  if (x.length !== loss.length)
    return problem(`${at} has ${x.length} values of x but ${loss.length} of loss`);
  const settings: RawRun['settings'] = {};
  for (const c of RUN_COLUMNS) {
    if (e[c] === undefined) continue;
    if (c === axis) return problem(`${at}.${c}: x is ${axis} here, so a run cannot also set ${c}`);
    const s = settingValue(c, String(e[c]));
    if (typeof s === 'string') return problem(`${at}.${c}: ${s}`);
    settings[c] = { value: s, line: 0 };
  }
  const first = x.findIndex((v, i) => i > 0 && v < x[i - 1]);
  return { id, x, loss, unsorted: first < 0 ? null : `${at}.x[${first}]`, settings };
}

/** Read a runs file of either kind: the app's JSON (text opening with “{”) or CSV. */
export function parseRunsText(text: string, axis: FitAxis): RunsParse {
  return text.trimStart().startsWith('{') ? parseRunsJson(text, axis) : parseRunsCsv(text, axis);
}
