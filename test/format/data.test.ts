import { describe, expect, it } from 'vitest';
import { csvField, csvNumber, toPlain } from '../../src/format/data.ts';

describe('numbers in data files', () => {
  it('CSV: full precision, inf for infinities, an empty field for NaN', () => {
    expect(csvNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(csvNumber(1 / 3))).toBe(1 / 3);
    expect(csvNumber(1e-300)).toBe('1e-300');
    expect(csvNumber(Infinity)).toBe('inf');
    expect(csvNumber(-Infinity)).toBe('-inf');
    expect(csvNumber(NaN)).toBe('');
  });

  it('CSV fields are quoted only when they must be', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('JSON: NaN null, infinities as text, typed arrays as arrays, nesting kept', () => {
    expect(toPlain({ a: [NaN, -Infinity, 1], b: new Float64Array([2, Infinity]) })).toEqual({
      a: [null, '-inf', 1],
      b: [2, 'inf'],
    });
    expect(JSON.stringify(toPlain({ x: new Int32Array([3]), s: 'text', n: null }))).toBe(
      '{"x":[3],"s":"text","n":null}',
    );
  });
});
