// A user's runs file: good files are read (headers, separators, several runs, their settings,
// unsorted rows, very long logs), bad ones give a message naming the line or field and the problem.
import { describe, expect, it } from 'vitest';
import {
  MAX_FIT_ROWS,
  MAX_RUN_POINTS,
  MIN_FIT_POINTS,
  parseRunsCsv,
  parseRunsJson,
  runsJson,
  thinRun,
  type RunsParse,
} from '../../../src/model/runfit/runs.ts';

/** Rows "x,loss" of a power law, log-spaced x. */
function rows(n: number, f: (x: number, y: number, i: number) => string = (x, y) => `${x},${y}`) {
  return Array.from({ length: n }, (_, i) => {
    const x = Math.round(10 * 1.5 ** i);
    return f(x, 0.1 + 2 * x ** -0.5, i);
  });
}

function ok(r: RunsParse) {
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('parseRunsCsv', () => {
  it('reads x, loss without a header as one run', () => {
    const r = ok(parseRunsCsv(rows(12).join('\n'), 'steps'));
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0].x[0]).toBe(10);
    expect(r.runs[0].loss[3]).toBeCloseTo(0.1 + 2 * 34 ** -0.5, 12);
    expect(r.notes).toEqual([]);
  });

  it('reads several runs with their settings from named columns in any order', () => {
    const text = [
      '# three model sizes',
      'run;loss;x;N;eta',
      ...rows(10, (x, y) => `a;${y};${x};100;0.1`),
      ...rows(10, (x, y) => `b;${y * 0.9};${x};400;0.1`),
      ...rows(10, (x, y) => `c;${y * 0.8};${x};inf;0.1`),
    ].join('\n');
    const r = ok(parseRunsCsv(text, 'steps'));
    expect(r.runs.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(r.runs.map((x) => x.N)).toEqual([100, 400, Infinity]);
    expect(r.runs[1].loss[0]).toBeCloseTo(0.9 * (0.1 + 2 * 10 ** -0.5), 12);
    expect(r.runs[0].eta).toBe(0.1);
    expect(r.runs[0].P).toBeUndefined();
  });

  it('ignores unknown columns and says so', () => {
    const r = ok(
      parseRunsCsv(
        ['step\tloss\twall_time', ...rows(9, (x, y) => `${x}\t${y}\t3.5`)].join('\n'),
        'steps',
      ),
    );
    expect(r.runs[0].x).toHaveLength(9);
    expect(r.notes).toEqual(['column “wall_time” ignored']);
  });

  it('sorts unsorted rows by x within each run and says where', () => {
    const r0 = rows(12);
    [r0[3], r0[8]] = [r0[8], r0[3]];
    const r = ok(parseRunsCsv(r0.join('\n'), 'steps'));
    expect(r.notes[0]).toMatch(/increasing x \(not in order from line 5\)/);
    expect(Array.from(r.runs[0].x)).toEqual([...r.runs[0].x].sort((a, b) => a - b));
    // Each loss stays with its x.
    const i = r.runs[0].x.indexOf(Math.round(10 * 1.5 ** 8));
    expect(r.runs[0].loss[i]).toBeCloseTo(0.1 + 2 * Math.round(10 * 1.5 ** 8) ** -0.5, 12);
  });

  it('thins a long log to at most MAX_RUN_POINTS per run, keeping the curve', () => {
    const n = 300_000;
    const lines = ['x,loss'];
    for (let i = 1; i <= n; i++) lines.push(`${i},${(0.1 + 2 / Math.sqrt(i)).toFixed(6)}`);
    const r = ok(parseRunsCsv(lines.join('\n'), 'steps'));
    const run = r.runs[0];
    expect(run.x.length).toBeLessThanOrEqual(MAX_RUN_POINTS);
    expect(run.x.length).toBeGreaterThan(MAX_RUN_POINTS / 2);
    expect(r.notes[0]).toMatch(/300000 points thinned to \d+/);
    // Binned in log x: the points stay on the curve (geometric means of smooth values).
    for (let i = 0; i < run.x.length; i++)
      expect(Math.abs(run.loss[i] / (0.1 + 2 / Math.sqrt(run.x[i])) - 1)).toBeLessThan(2e-3);
  });

  it('refuses more than a million rows, naming the first line too many', () => {
    const lines = new Array<string>(MAX_FIT_ROWS + 2);
    lines[0] = 'x,loss';
    for (let i = 1; i < lines.length; i++) lines[i] = `${i},1`;
    const r = parseRunsCsv(lines.join('\n'), 'steps');
    expect(r).toMatchObject({ ok: false, line: MAX_FIT_ROWS + 2 });
    if (!r.ok) expect(r.message).toMatch(/more than 1000000 rows/);
  });

  const bad: [string, string, RegExp][] = [
    ['an empty file', '', /no data rows/],
    ['only a header and comments', '# my runs\nx,loss\n\n', /no data rows/],
    ['one point', '100,0.5', /1 measurement; at least 8 are needed/],
    [
      'fewer points than parameters',
      rows(MIN_FIT_POINTS - 1).join('\n'),
      /7 measurements; at least 8/,
    ],
    [
      'a negative loss',
      [...rows(12).slice(0, 4), '50,-0.3', ...rows(12).slice(5)].join('\n'),
      /^line 5: loss -0.3 is not positive \(the fit is on log loss\)/,
    ],
    [
      'a zero loss',
      [...rows(12).slice(0, 2), '20,0', ...rows(12).slice(3)].join('\n'),
      /^line 3: loss 0 is not positive/,
    ],
    [
      'a zero x',
      ['x,loss', '0,1', ...rows(12)].join('\n'),
      /^line 2: x 0 is not positive \(x is on a log axis\)/,
    ],
    [
      'a non-numeric cell',
      [...rows(12).slice(0, 6), '300,abc', ...rows(12).slice(7)].join('\n'),
      /^line 7: loss “abc” is not a number/,
    ],
    [
      'NaN',
      [...rows(12).slice(0, 6), 'NaN,0.3', ...rows(12).slice(7)].join('\n'),
      /^line 7: x “NaN” is not a number/,
    ],
    [
      'an overflowing value',
      [...rows(12), '1e999,0.5'].join('\n'),
      /^line 13: x 1e999 is too large/,
    ],
    [
      'a wrong number of columns',
      [...rows(12).slice(0, 3), '1,2,3,4', ...rows(12).slice(4)].join('\n'),
      /^line 4: 4 columns, expected 2 \(x, loss\)/,
    ],
    [
      'a header without loss',
      'x,error\n' + rows(12).join('\n'),
      /^line 1: the header has no column “loss”/,
    ],
    [
      'a run whose N changes',
      [
        'x,loss,run,N',
        '10,1,a,100',
        '20,0.9,a,100',
        '30,0.8,a,200',
        ...rows(8, (x, y) => `${x},${y},b,50`),
      ].join('\n'),
      /^line 4: run a has N = 200 here but 100 on line 2/,
    ],
    [
      'a negative P',
      ['x,loss,P', ...rows(10, (x, y) => `${x},${y},-4`)].join('\n'),
      /^line 2: P -4 is not positive/,
    ],
    [
      'the axis as a column',
      ['x,loss,P', ...rows(10, (x, y) => `${x},${y},40`)].join('\n'),
      /^line 1: x is P here, so the file cannot also have a column P/,
    ],
  ];
  for (const [what, text, message] of bad)
    it(`refuses ${what} with its line and the problem`, () => {
      const r = parseRunsCsv(text, what === 'the axis as a column' ? 'P' : 'steps');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    });
});

describe('runs JSON', () => {
  it('round-trips exactly, settings included', () => {
    const text = [
      'x,loss,run,P',
      ...rows(10, (x, y) => `${x},${y},s1,300`),
      ...rows(9, (x, y) => `${x},${y * 1.1},s2,600`),
    ].join('\n');
    const r = ok(parseRunsCsv(text, 'steps'));
    const back = ok(parseRunsJson(runsJson('steps', r), 'steps'));
    expect(back.runs.map((x) => [x.id, x.P, x.x.length])).toEqual([
      ['s1', 300, 10],
      ['s2', 600, 9],
    ]);
    expect(Array.from(back.runs[1].loss)).toEqual(Array.from(r.runs[1].loss));
  });
  it('names the field and entry of a bad file', () => {
    const f = '"format":"scaling-playground runs v1"';
    expect(parseRunsJson('{', 'steps').ok).toBe(false);
    expect(parseRunsJson('[1]', 'steps')).toMatchObject({
      ok: false,
      message: 'not a JSON object',
    });
    expect(parseRunsJson(`{${f},"axis":"N","runs":[]}`, 'steps')).toMatchObject({
      ok: false,
      message: '"axis" is "N" but the fit is against steps',
    });
    expect(
      parseRunsJson(`{${f},"runs":[{"x":[1,2,3,4,5,6,7,8],"loss":[1,1,1,null,1,1,1,1]}]}`, 'steps'),
    ).toMatchObject({ ok: false, message: 'runs[0].loss[3] = null: must be a number > 0' });
    expect(parseRunsJson(`{${f},"runs":[{"x":[1,2],"loss":[1]}]}`, 'steps')).toMatchObject({
      ok: false,
      message: 'runs[0] has 2 values of x but 1 of loss',
    });
  });
});

describe('thinRun', () => {
  it('bins in log x and averages log loss; short runs unchanged in count', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    const y = Float64Array.from(x, (v) => v ** -0.5);
    const t = thinRun(x, y, 50);
    expect(t.x.length).toBeLessThanOrEqual(50);
    // A pure power law stays exact under geometric means in log bins.
    for (let i = 0; i < t.x.length; i++) expect(t.loss[i]).toBeCloseTo(t.x[i] ** -0.5, 12);
  });
});
