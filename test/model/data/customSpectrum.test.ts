// A user's spectrum file: good files are read (both column kinds, headers, separators, unsorted
// rows), bad ones give a message naming the line and the problem, and the theory runs on it.
import { describe, expect, it } from 'vitest';
import {
  fileSizeProblem,
  MAX_CUSTOM_MODES,
  MAX_SPECTRUM_BYTES,
  parseSpectrumCsv,
  parseSpectrumJson,
  parseSpectrumText,
  readSpectrumChunks,
  spectrumJson,
  MIN_CUSTOM_MODES,
  type ParsedSpectrum,
  type SpectrumParse,
} from '../../../src/model/data/customSpectrum.ts';
import { trySpectrum } from '../../../src/model/data/trialSpectrum.ts';
import { gaussNodes, norm2 } from '../../../src/model/theory/measuredSpectrum.ts';
import { registerSpectrum } from '../../../src/model/theory/dataSpectra.ts';
import {
  computeCurve,
  computeModes,
  computeSweep,
  DEFAULT_PARAMS,
} from '../../../src/model/index.ts';

/** A power-law spectrum λ_k = k^{-a}, c_k = k^{-b} as CSV rows. */
function rows(
  n: number,
  a = 1.5,
  b = 2,
  f: (l: number, c: number) => string = (l, c) => `${l},${c}`,
) {
  return Array.from({ length: n }, (_, i) => f((i + 1) ** -a, (i + 1) ** -b));
}

describe('parseSpectrumCsv', () => {
  it('reads eigenvalues and powers and fits α, β', () => {
    const r = parseSpectrumCsv(['# my kernel', 'eigenvalue,power', ...rows(2000)].join('\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.modes.lam.length).toBe(2000);
    expect(r.column).toBe('power');
    expect(r.alpha).toBeCloseTo(1.5, 2);
    expect(r.beta).toBeCloseTo(2, 1);
    expect(r.notes).toEqual([]);
  });

  it('reads coefficients: detected from a negative value or the header, or chosen', () => {
    const coef = rows(500, 1.5, 2, (l, c) => `${l}\t${(l > 0.01 ? -1 : 1) * Math.sqrt(c)}`);
    const r = parseSpectrumCsv(coef.join('\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.column).toBe('coefficient');
    expect(r.detected).toMatch(/line 1 has a negative value/);
    expect(r.modes.power[3]).toBeCloseTo(4 ** -2, 12);
    const h = parseSpectrumCsv(
      ['lambda coefficient', ...rows(500, 1.5, 2, (l, c) => `${l} ${Math.sqrt(c)}`)].join('\n'),
    );
    expect(h.ok && h.column).toBe('coefficient');
    const chosen = parseSpectrumCsv(
      rows(500, 1.5, 2, (l, c) => `${l};${Math.sqrt(c)}`).join('\n'),
      'coefficient',
    );
    expect(chosen.ok && chosen.modes.power[1]).toBeCloseTo(2 ** -2, 12);
  });

  it('sorts unsorted rows by eigenvalue, keeping each pair, and says so', () => {
    const r0 = rows(100);
    [r0[4], r0[60]] = [r0[60], r0[4]];
    const r = parseSpectrumCsv(r0.join('\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.notes[0]).toMatch(/decreasing eigenvalue.*line 6/);
    expect(r.modes.lam[4]).toBeCloseTo(5 ** -1.5, 14);
    expect(r.modes.power[4]).toBeCloseTo(5 ** -2, 14);
  });

  const bad: [string, string, RegExp][] = [
    ['empty', '', /no data rows/],
    ['only comments and a header', '# x\neigenvalue,power\n\n', /no data rows/],
    [
      'non-numeric',
      [...rows(30).slice(0, 6), '0.01,abc', ...rows(30).slice(7)].join('\n'),
      /^line 7: target “abc” is not a number/,
    ],
    [
      'non-numeric eigenvalue',
      ['eigenvalue,power', '1e-2x,0.3', ...rows(30)].join('\n'),
      /^line 2: eigenvalue “1e-2x” is not a number/,
    ],
    [
      'negative eigenvalue',
      [...rows(30).slice(0, 2), '-0.5,0.1', ...rows(30).slice(3)].join('\n'),
      /^line 3: eigenvalue -0.5 is negative/,
    ],
    [
      'wrong column count',
      [...rows(30).slice(0, 9), '0.1,0.2,0.3', ...rows(30).slice(10)].join('\n'),
      /^line 10: 3 columns, expected 2/,
    ],
    [
      'one column',
      [...rows(30).slice(0, 4), '0.1', ...rows(30).slice(5)].join('\n'),
      /^line 5: 1 column, expected 2/,
    ],
    [
      'too few rows',
      rows(MIN_CUSTOM_MODES - 1).join('\n'),
      /19 modes with a positive eigenvalue; at least 20/,
    ],
    [
      'negative power when powers are chosen',
      rows(40, 1.5, 2, (l, c) => `${l},${l > 0.5 ? -c : c}`).join('\n'),
      /^line 1: target power -1 is negative/,
    ],
    [
      'all zero eigenvalues',
      rows(40, 1.5, 2, (_l, c) => `0,${c}`).join('\n'),
      /0 modes with a positive eigenvalue/,
    ],
    ['all zero powers', rows(40, 1.5, 2, (l) => `${l},0`).join('\n'), /every target power is 0/],
    ['overflow', [...rows(30), '1e999,1'].join('\n'), /^line 31: eigenvalue 1e999 is too large/],
    [
      'an eigenvalue that underflows',
      [...rows(30), '1e-320,1e-3'].join('\n'),
      /^line 31: eigenvalue 1e-320 is too small: nonzero values must lie between 1e-150 and 1e\+150.*underflow/,
    ],
    [
      'a target that overflows when squared',
      [...rows(30), '1e-3,1e200'].join('\n'),
      /^line 31: target 1e200 is too large.*overflow/,
    ],
    [
      'a first row NaN,NaN (a row, not a header)',
      ['NaN,NaN', ...rows(30)].join('\n'),
      /^line 1: eigenvalue “NaN” is not a number/,
    ],
    [
      'Infinity as a value',
      [...rows(5), '0.01,Infinity', ...rows(30)].join('\n'),
      /^line 6: target “Infinity” is not a number/,
    ],
    [
      'decimal commas',
      ['1,00000;1,00000', ...rows(30)].join('\n'),
      /^line 1: 4 columns, expected 2.*“1,00000” looks like a decimal comma: write decimals with a point \(1\.00000\)/,
    ],
    [
      'decimal commas with spaces',
      ['0,5 0,25', ...rows(30)].join('\n'),
      /looks like a decimal comma/,
    ],
    [
      'a binary file (no line breaks)',
      'x'.repeat(20_000),
      /^line 1: longer than 10000 characters without a line break/,
    ],
    [
      'a wide header',
      'k,eigenvalue,power\n' + rows(30).join('\n'),
      /^line 1: the header has 3 columns/,
    ],
  ];
  for (const [what, text, message] of bad)
    it(`rejects ${what} with a message`, () => {
      const choose = what.startsWith('negative power') ? 'power' : 'auto';
      const r = parseSpectrumCsv(text, choose);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    });
});

describe('spectrum JSON', () => {
  it('round-trips exactly', () => {
    const r = parseSpectrumCsv(rows(300).join('\n'));
    if (!r.ok) throw new Error(r.message);
    const back = parseSpectrumJson(spectrumJson('my file', r.modes));
    if (!back.ok) throw new Error(back.message);
    expect(back.name).toBe('my file');
    expect(Array.from(back.modes.lam)).toEqual(Array.from(r.modes.lam));
    expect(Array.from(back.modes.power)).toEqual(Array.from(r.modes.power));
  });
  it('names the field and entry of a bad file', () => {
    expect(parseSpectrumJson('{').ok).toBe(false);
    expect(parseSpectrumJson('[1]')).toMatchObject({ ok: false });
    expect(parseSpectrumJson('"x"')).toMatchObject({ ok: false, message: /^not a JSON object/ });
    expect(parseSpectrumJson('{"format":"x"}').ok).toBe(false);
    const f = '"format":"scaling-playground spectrum v1"';
    expect(parseSpectrumJson(`{${f},"eigenvalues":[1,"a"],"powers":[1,1]}`)).toMatchObject({
      ok: false,
      message: '"eigenvalues"[1] = "a": must be a number ≥ 0',
    });
    expect(parseSpectrumJson(`{${f},"eigenvalues":[1,0.5],"powers":[1]}`)).toMatchObject({
      ok: false,
      message: '2 eigenvalues but 1 powers',
    });
  });
});

describe('the theory on a custom spectrum', () => {
  it('a power-law file gives the power-law curve (fitted α, β close to the file’s)', () => {
    const r = parseSpectrumCsv(rows(4000).join('\n'));
    if (!r.ok) throw new Error(r.message);
    registerSpectrum('custom', r.modes);
    const p = { ...DEFAULT_PARAMS, N: Infinity, P: 100, nt: 20 };
    const custom = computeCurve({ ...p, data: 'custom' }, { light: true });
    const law = computeCurve({ ...p, M: 4000 }, { light: true });
    for (let i = 0; i < law.t.length; i++)
      expect(Math.abs(custom.Eg[i] / law.Eg[i] - 1)).toBeLessThan(1e-4);
  });
  it('an odd but valid file gives finite curves, never NaN', () => {
    // A flat stretch, zero eigenvalues at the end, and powers that do not follow a law.
    const text = Array.from(
      { length: 60 },
      (_, i) =>
        `${i < 10 ? 1 : i < 55 ? 1 / (i + 1) : 0},${(i * 7919) % 13 === 0 ? 0 : 1 / (1 + (i % 5))}`,
    ).join('\n');
    const r = parseSpectrumCsv(text);
    if (!r.ok) throw new Error(r.message);
    registerSpectrum('custom', r.modes);
    const c = computeCurve({ ...DEFAULT_PARAMS, data: 'custom', P: 50, nt: 20 });
    expect(Array.from(c.Eg).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });
});

/** A text as the chunks a stream gives, cut every `size` characters (counting pulls). */
function chunked(text: string, size: number) {
  const pulled = { n: 0 };
  async function* gen() {
    for (let i = 0; i < text.length; i += size) {
      pulled.n++;
      yield text.slice(i, i + size);
    }
  }
  return { chunks: gen(), pulled };
}

function ok(r: SpectrumParse) {
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('reading a file in chunks', () => {
  it('gives the same modes and line numbers whatever the chunk size, \r\n split or not', async () => {
    const text = ['# header comment', 'eigenvalue;power', ...rows(300)].join('\r\n');
    const whole = ok(parseSpectrumCsv(text));
    for (const size of [1, 7, 64, 100_000]) {
      const r = ok((await readSpectrumChunks(chunked(text, size).chunks, 'auto')).parse);
      expect(Array.from(r.modes.lam)).toEqual(Array.from(whole.modes.lam));
      expect(Array.from(r.modes.power)).toEqual(Array.from(whole.modes.power));
    }
    const bad = ['', '', ...rows(30).slice(0, 9), '0.1,oops', ...rows(30)].join('\r\n');
    for (const size of [1, 5, 1000]) {
      const r = (await readSpectrumChunks(chunked(bad, size).chunks, 'auto')).parse;
      expect(r).toMatchObject({ ok: false, line: 12 });
    }
  });

  it('stops at the first bad line without reading the rest', async () => {
    const text = ['0.5,x', ...rows(10_000)].join('\n');
    const { chunks, pulled } = chunked(text, 100);
    const r = await readSpectrumChunks(chunks, 'auto');
    expect(r.parse).toMatchObject({ ok: false, line: 1 });
    expect(pulled.n).toBe(1);
  });

  it('keeps the rows, so another reading of the second column needs no new read', async () => {
    const text = rows(100, 1.5, 2, (l, c) => `${l},${Math.sqrt(c)}`).join('\n');
    const r = await readSpectrumChunks(chunked(text, 50).chunks, 'auto');
    expect(ok(r.parse).column).toBe('power');
    expect(r.rows?.lam.length).toBe(100);
  });

  it('reads the app’s JSON, and knows a JSON list from CSV', async () => {
    const json = spectrumJson('mine', ok(parseSpectrumCsv(rows(50).join('\n'))).modes);
    const r = await readSpectrumChunks(chunked(`\n  ${json}`, 9).chunks, 'auto');
    expect(ok(r.parse).name).toBe('mine');
    const list = await readSpectrumChunks(chunked('[1,2,3]', 2).chunks, 'auto');
    expect(list.parse).toMatchObject({ ok: false, message: /^a JSON list, not the spectrum file/ });
    expect(parseSpectrumText('[1,2,3]', 'auto')).toMatchObject({ message: /JSON list/ });
  });

  it('an empty or blank text is said to be empty', async () => {
    for (const t of ['', '  \n\n \r\n'])
      expect((await readSpectrumChunks(chunked(t, 3).chunks, 'auto')).parse).toMatchObject({
        ok: false,
        message: 'the text is empty',
      });
  });
});

describe('the size limit, stated before reading', () => {
  it('refuses an empty file and one beyond the limit, naming both sizes', () => {
    expect(fileSizeProblem(0)).toMatchObject({ message: 'the file is empty' });
    expect(fileSizeProblem(MAX_SPECTRUM_BYTES)).toBeNull();
    expect(fileSizeProblem(80 * 1024 * 1024)?.message).toMatch(
      /^the file is 80 MB; this page reads files up to 64 MB and 1,000,000 modes/,
    );
  });
  it('refuses more rows than the limit at the first row beyond it', () => {
    const n = MAX_CUSTOM_MODES + 1;
    const text = Array.from({ length: n }, () => '1,1').join('\n');
    expect(parseSpectrumCsv(text)).toMatchObject({ ok: false, line: n });
  });
});

describe('values near the limits of double precision', () => {
  // The state these were written for: P = 400 below the 2000 modes, N = 1000, σ² = 0.05 (at the
  // landing state's P = 10⁶ every mode is interpolated and E_g(∞) is round-off).
  const FEW: typeof DEFAULT_PARAMS = { ...DEFAULT_PARAMS, P: 400, N: 1000, sigma2: 0.05 };
  it('the largest and smallest scales allowed reproduce the scale-free E_g(∞) to 1e-9', () => {
    const at = (s: number) => {
      const r = ok(parseSpectrumCsv(rows(2000, 1.5, 2, (l, c) => `${s * l},${c}`).join('\n')));
      expect(trySpectrum(r).ok).toBe(true);
      registerSpectrum('custom', r.modes);
      return computeCurve({ ...FEW, data: 'custom' }, { light: true }).limit.Eg;
    };
    const ref = at(1);
    expect(Number.isFinite(ref) && ref > 0).toBe(true);
    // λ spans s … s·2000^−1.5 ≈ 1.1e−5 s: both ends inside [1e−150, 1e150].
    for (const s of [1e-140, 1e140]) expect(Math.abs(at(s) / ref - 1)).toBeLessThan(1e-9);
  });
  it('the trial run refuses what the engine cannot use, naming what it gives', () => {
    const modes = (s: number) => ({
      lam: Float64Array.from({ length: 2000 }, (_, i) => s * (i + 1) ** -1.5),
      power: Float64Array.from({ length: 2000 }, (_, i) => (i + 1) ** -2),
    });
    const parsed = (s: number): ParsedSpectrum => ({
      ok: true,
      modes: modes(s),
      column: 'power',
      detected: '',
      notes: [],
      alpha: 1.5,
      beta: 2,
    });
    expect(trySpectrum(parsed(1)).ok).toBe(true);
    // 400 modes at P = 400 without ridge: E_g(∞) = ∞ is the theory's (the engine says it
    // diverges at P = M), kept.
    const few = ok(parseSpectrumCsv(rows(400).join('\n')));
    expect(trySpectrum(few).ok).toBe(true);
    expect(computeCurve({ ...FEW, data: 'custom' }, { light: true }).limit).toMatchObject({
      Eg: Infinity,
      divergent: true,
    });
    for (const s of [1e-300, 1e200])
      expect(trySpectrum(parsed(s))).toMatchObject({
        ok: false,
        message: /^the theory cannot run on these modes \(at the default settings it (gives|stops)/,
      });
  });
});

describe('a file of 200 000 modes (λ = k^−1.5, c = k^−2)', () => {
  it('passes the preview and every theory call runs on it (no spread of a huge array)', () => {
    const n = 200_000;
    const text = rows(n).join('\n');
    const r = ok(trySpectrum(ok(parseSpectrumCsv(text))));
    expect(r.modes.lam.length).toBe(n);
    expect(r.alpha).toBeCloseTo(1.5, 6);
    registerSpectrum('custom', r.modes);
    const p = { ...DEFAULT_PARAMS, data: 'custom' as const };
    const c = computeCurve(p, { window: 'auto' });
    expect(Array.from(c.Eg).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    const modesView = computeModes(p);
    expect(modesView.k.length).toBeGreaterThan(0);
    const sweep = computeSweep(p, 'P', 'inf', p.tmax);
    expect(Array.from(sweep.Eg).filter(Number.isFinite).length).toBeGreaterThan(5);
  });
  it('the norm and the Gauss nodes take arrays longer than any argument list', () => {
    const m = 300_000;
    const x = Float64Array.from({ length: m }, (_, i) => 1e-200 * (1 + (i % 3)));
    // Σ x² = 1e−400 · m · (1 + 4 + 9)/3: underflows unless scaled, as Math.hypot does.
    // Summation over 3·10⁵ terms: relative error ≲ 3·10⁵ · 1.1e−16.
    expect(Math.abs(norm2(x) / (1e-200 * Math.sqrt((m * 14) / 3)) - 1)).toBeLessThan(1e-10);
    const v = Float64Array.from({ length: m }, (_, i) => -i / m);
    const w = new Float64Array(m).fill(1 / m);
    const nodes = gaussNodes(v, w, 6);
    // Gauss nodes of the uniform measure on [−1, 0]: inside the interval, distinct, sorted.
    expect(nodes.length).toBe(6);
    for (let j = 0; j < 6; j++) {
      expect(nodes[j]).toBeGreaterThan(-1);
      expect(nodes[j]).toBeLessThan(0);
      if (j > 0) expect(nodes[j]).toBeGreaterThan(nodes[j - 1]);
    }
  });
});
