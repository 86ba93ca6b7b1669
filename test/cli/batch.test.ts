// --lines: JSON lines in, one JSON result per line out, in order; a bad line gives an error object
// and the others go on; the rules are those of the flags.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { cli, cliWithInput } from './run.ts';

const lines = [
  '{"alpha": 1.3, "P": 200, "nt": 5}',
  '{"T": 0.001, "nt": 5}',
  '{"alpha": 99}',
  '',
  'not json',
  '{"regime": "gf", "gamma": 0.1}',
  '{"seeds": 4}',
  '{"N": "inf", "M": 4000, "nt": 5}',
];

function results(out: string) {
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('--lines', () => {
  it('bad lines in the middle: error objects in place, the others computed, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-'));
    const file = join(dir, 'sets.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = cli('--lines', file);
    expect(r.code).toBe(1); // some lines failed
    const out = results(r.out);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 5, 6, 7, 8]); // the blank line 4 is skipped
    expect(out[0].params).toMatchObject({ alpha: 1.3, P: 200, regime: 'gf' });
    expect(out[0].Eg).toEqual(
      Array.from(computeCurve({ ...DEFAULT_PARAMS, alpha: 1.3, P: 200, nt: 5 }).Eg),
    );
    expect(out[1].params.regime).toBe('langevin'); // inferred per line, as for flags
    expect(out[2].error).toEqual({
      param: 'alpha',
      message: 'alpha: “99” is above the maximum 4 (alpha: in [1.05, 4])',
    });
    expect(out[3].error.param).toBeNull();
    expect(out[3].error.message).toMatch(/not JSON/);
    expect(out[4].error.param).toBe('gamma');
    expect(out[4].error.message).toMatch(
      /gamma does not act in regime gf .* it acts in wd, langevin, bayes/,
    );
    expect(out[5].error.message).toMatch(/seeds does not act in the theory curve/);
    expect(out[6].params.N).toBe('inf');
    expect(out[6].Eg).toHaveLength(5);
    expect(r.err).toMatch(/batch: 8 lines, 4 failed/);
  });

  it('reads standard input with -, flags are the base of every line (a line overrides them)', () => {
    const r = cliWithInput('{"P": 100}\n{"P": 100, "nt": 4}\n', '--lines', '-', '--nt', '3');
    expect(r.code).toBe(0);
    const out = results(r.out);
    expect(out.map((o) => o.t.length)).toEqual([3, 4]);
  });

  it('a missing file is one error line, exit 2', () => {
    const r = cli('--lines', '/nonexistent/sets.jsonl');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --lines: .*ENOENT/m);
  });

  it('1000 curves in one process: one line each, in input order (its time is in npm run bench)', () => {
    const sets = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({ alpha: 1.2 + (i % 50) * 0.04, P: 100 + i, sigma2: 0.01 }),
    );
    const r = cliWithInput(sets.join('\n'), '--lines', '-');
    expect(r.code).toBe(0);
    const out = results(r.out);
    expect(out).toHaveLength(1000);
    expect(out.map((o) => o.params.P)).toEqual(sets.map((_, i) => 100 + i));
    expect(out.every((o) => o.Eg.every((e: number) => Number.isFinite(e) && e > 0))).toBe(true);
  });
});
