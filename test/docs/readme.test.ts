// The README states no default, range or regime the code does not have: its parameter table is
// the one src/cli/paramTable.ts writes from the parameter table (npm run -s readme:params).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_BEGIN, TABLE_END, parameterTable } from '../../src/cli/paramTable.ts';
import { PARAM_SPECS } from '../../src/model/params.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README’s parameter table', () => {
  it('is the one written from the parameter table', () => {
    const a = readme.indexOf(TABLE_BEGIN);
    const b = readme.indexOf(TABLE_END);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(readme.slice(a + TABLE_BEGIN.length, b).trim()).toBe(parameterTable());
  });

  it('has a row per parameter, with its default and no raw braces around one-word scripts', () => {
    const rows = parameterTable().split('\n').slice(2);
    expect(rows).toHaveLength(PARAM_SPECS.length);
    const P = rows.find((r) => r.startsWith('| `P` |'));
    expect(P?.split(' | ')[2]).toBe(String(PARAM_SPECS.find((s) => s.key === 'P')?.default));
    expect(parameterTable()).not.toMatch(/_\{\p{L}+\}/u);
  });
});
