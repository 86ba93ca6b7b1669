// A user's spectrum file: good files are read (both column kinds, headers, separators, unsorted
// rows), bad ones give a message naming the line and the problem, and the theory runs on it.
import { describe, expect, it } from 'vitest';
import {
  parseSpectrumCsv,
  parseSpectrumJson,
  spectrumJson,
  MIN_CUSTOM_MODES,
} from '../../../src/model/data/customSpectrum.ts';
import { registerSpectrum } from '../../../src/model/theory/dataSpectra.ts';
import { computeCurve, DEFAULT_PARAMS } from '../../../src/model/index.ts';

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
    ['overflow', [...rows(30), '1e999,1'].join('\n'), /^line 31: a value is too large/],
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
    expect(parseSpectrumJson('[1]')).toMatchObject({ ok: false, message: 'not a JSON object' });
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
