import { describe, expect, it } from 'vitest';
import { PARAM_SPECS, numericSpec, type NumericSpec } from '../../src/model/params.ts';
import { keyToPos, sliderScale, STEPS_PER_DECADE } from '../../src/ui/controls/scale.ts';
import { parseEntry } from '../../src/ui/controls/entry.ts';

const numeric = PARAM_SPECS.filter((s): s is NumericSpec => s.kind === 'number');

describe('slider scales from the parameter table', () => {
  it('log slider with logMin: 0 at the left end, logMin next, max at the right', () => {
    const spec = numericSpec('sigma2'); // [0, 10], logMin 1e-6
    const sc = sliderScale(spec)!;
    expect(sc.fromPos(0)).toBe(0);
    expect(sc.toPos(0)).toBe(0);
    expect(sc.fromPos(1)).toBe(1e-6);
    expect(sc.toPos(1e-6)).toBe(1);
    expect(sc.fromPos(sc.max)).toBe(10);
    expect(sc.toPos(10)).toBe(sc.max);
    expect(sc.max).toBe(1 + 7 * STEPS_PER_DECADE);
    // Tiny positive values snap to 0 or to logMin, whichever is nearer on the slider.
    expect(sc.toPos(1e-12)).toBe(0);
    expect(sc.toPos(0.99e-6)).toBe(1);
    expect(sc.toPos(0.5e-6)).toBe(0);
  });

  it('log slider is even in log10: one decade = STEPS_PER_DECADE positions', () => {
    const sc = sliderScale(numericSpec('P'))!;
    expect(sc.fromPos(0)).toBe(1);
    expect(sc.fromPos(2 * STEPS_PER_DECADE)).toBe(100);
    expect(sc.fromPos(3 * STEPS_PER_DECADE)).toBe(1000);
    expect(sc.toPos(1e4)).toBe(4 * STEPS_PER_DECADE);
    expect(sc.fromPos(sc.max)).toBe(1e7);
  });

  it('∞ sits at the right end of N and M', () => {
    for (const key of ['N', 'M'] as const) {
      const sc = sliderScale(numericSpec(key))!;
      expect(sc.toPos(Infinity)).toBe(sc.max);
    }
  });

  it('every slider maps positions to in-range values, monotonically, and back', () => {
    for (const spec of numeric) {
      const sc = sliderScale(spec);
      if (!sc) {
        // Only a linear range too fine for a slider (the seed) has no slider.
        expect(spec.scale).toBe('linear');
        continue;
      }
      let prev = -Infinity;
      for (let p = 0; p <= sc.max; p++) {
        const v = sc.fromPos(p);
        expect(v, `${spec.key}@${p}`).toBeGreaterThanOrEqual(spec.min);
        expect(v, `${spec.key}@${p}`).toBeLessThanOrEqual(spec.max);
        expect(v, `${spec.key}@${p}`).toBeGreaterThanOrEqual(prev);
        if (spec.integer) expect(Number.isInteger(v)).toBe(true);
        // Non-integer scales round-trip exactly (integers collapse at the low end of log scales).
        if (!spec.integer || spec.scale === 'linear')
          expect(sc.toPos(v), `${spec.key}@${p}`).toBe(p);
        prev = v;
      }
    }
  });

  it('log values are rounded to 3 significant digits (readable links)', () => {
    const sc = sliderScale(numericSpec('gamma'))!;
    for (let p = 1; p <= sc.max; p++) {
      const v = sc.fromPos(p);
      expect(Number(v.toPrecision(3))).toBe(v);
    }
  });

  it('keys: arrows move a tenth of a decade (log) or a nice step (linear); Shift one position', () => {
    const P = sliderScale(numericSpec('P'))!;
    const p400 = P.toPos(400);
    const up = P.fromPos(keyToPos(P, p400, { key: 'ArrowUp' })!);
    expect(up / 400).toBeGreaterThan(1.2);
    expect(up / 400).toBeLessThan(1.3);
    expect(P.fromPos(keyToPos(P, p400, { key: 'PageUp' })!)).toBeCloseTo(4000, -2);
    const a = sliderScale(numericSpec('alpha'))!;
    expect(a.fromPos(keyToPos(a, a.toPos(1.5), { key: 'ArrowRight' })!)).toBe(1.55);
    expect(a.fromPos(keyToPos(a, a.toPos(1.5), { key: 'ArrowLeft', shiftKey: true })!)).toBe(1.49);
    expect(keyToPos(a, 0, { key: 'ArrowDown' })).toBe(0);
    expect(keyToPos(a, 0, { key: 'End' })).toBe(a.max);
    expect(keyToPos(a, 0, { key: 'x' })).toBeNull();
  });
});

describe('typed entry', () => {
  it('accepts decimals, exponents and inf where allowed', () => {
    expect(parseEntry(numericSpec('sigma2'), '1e-3')).toEqual({
      ok: true,
      value: 1e-3,
      note: null,
    });
    expect(parseEntry(numericSpec('N'), 'inf')).toEqual({ ok: true, value: Infinity, note: null });
    expect(parseEntry(numericSpec('N'), ' ∞ ')).toMatchObject({ ok: true, value: Infinity });
  });
  it('clamps with a note, rejects garbage with a message', () => {
    const r = parseEntry(numericSpec('alpha'), '99');
    expect(r).toMatchObject({ ok: true, value: 4 });
    expect(r.ok && r.note).toMatch(/maximum/);
    expect(parseEntry(numericSpec('alpha'), 'abc').ok).toBe(false);
    expect(parseEntry(numericSpec('alpha'), '').ok).toBe(false);
    expect(parseEntry(numericSpec('P'), 'inf')).toMatchObject({ ok: true, value: 1e7 });
  });
});

describe('typed entry: commas and hints', () => {
  it('reads a decimal comma, and thousands separators in an integer box', () => {
    expect(parseEntry(numericSpec('alpha'), '2,5')).toMatchObject({ ok: true, value: 2.5 });
    expect(parseEntry(numericSpec('sigma2'), ' 0,05 ')).toMatchObject({ ok: true, value: 0.05 });
    const r = parseEntry(numericSpec('alpha'), '2,5');
    expect(r.ok && r.note).toMatch(/decimal comma/i);
    expect(parseEntry(numericSpec('P'), '1,000')).toMatchObject({ ok: true, value: 1000 });
    expect(parseEntry(numericSpec('P'), '1,000,000')).toMatchObject({ ok: true, value: 1e6 });
    expect(parseEntry(numericSpec('alpha'), '1,2,3').ok).toBe(false);
  });

  it('never suggests a value outside the range', () => {
    for (const spec of PARAM_SPECS) {
      if (spec.kind !== 'number') continue;
      const r = parseEntry(spec, 'abc');
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const tried = /try ([^;]+);/.exec(r.message)?.[1];
      expect(tried, `${spec.key}: ${r.message}`).toBeDefined();
      const again = parseEntry(spec, tried!);
      // The example is accepted as it is: no clamping note.
      expect(again, `${spec.key}: ${r.message}`).toMatchObject({ ok: true, note: null });
    }
  });
});
