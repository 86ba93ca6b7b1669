// Property test of the URL parser over 10,000 hostile links (test/helpers/hostileLinks.ts): it
// never throws; the state it gives is valid (parameters inside their domains, view settings
// among their options); every correction is named (a key whose value was not taken as written has
// a notice under its name); and the link the app writes for that state is read back with no
// notice, to the same state.
import { describe, expect, it } from 'vitest';
import {
  PARAM_SPECS,
  SPEC_BY_KEY,
  validateParams,
  type NumericSpec,
  type Params,
} from '../../src/model/params.ts';
import { MAX_QUERY_LENGTH, MAX_VALUE_LENGTH } from '../../src/model/paramsCodec.ts';
import { PHASE_EXPONENTS } from '../../src/model/theory/phase.ts';
import { LESSON_BOOK } from '../../src/lessons/apply.ts';
import { MAX_PINS } from '../../src/state/pins.ts';
import {
  MAX_NOTICES,
  parseUrlState,
  serializeUrlState,
  type Notice,
  type UrlState,
} from '../../src/state/url.ts';
import {
  MAX_FOCUS_CONTROLS,
  MODE_RANGE,
  PANELS,
  SWEEP_ATS,
  THEMES,
  T_AT_RANGE,
} from '../../src/state/view.ts';
import { hostileLink, rng } from '../helpers/hostileLinks.ts';

const LINKS = 10_000;
const book = { lessons: LESSON_BOOK };

/** A number as a link writes it (decimal or exponent notation, or an infinity word), else NaN. */
function literal(raw: string): number {
  const s = raw.trim().toLowerCase();
  if (['inf', 'infinity', '∞', '+inf'].includes(s)) return Infinity;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s) ? Number(s) : NaN;
}

/** A parameter's value as written, when it is a valid one (else undefined). */
function asWritten(key: keyof Params, raw: string): number | string | undefined {
  const spec = SPEC_BY_KEY[key];
  if (spec.kind === 'enum') return spec.options.includes(raw) ? raw : undefined;
  const v = literal(raw);
  const s = spec as NumericSpec;
  if (v === Infinity) return s.allowInf ? v : undefined;
  if (!(v >= s.min && v <= s.max) || (s.integer && !Number.isInteger(v))) return undefined;
  return v;
}

function expectValid(s: UrlState, tag: string): void {
  expect(() => validateParams(s.params), tag).not.toThrow();
  expect(s.pins.length, tag).toBeLessThanOrEqual(MAX_PINS);
  for (const p of s.pins) expect(() => validateParams(p), tag).not.toThrow();
  const v = s.view;
  for (const p of v.panels) expect(PANELS, tag).toContain(p);
  expect(THEMES, tag).toContain(v.theme);
  expect(SWEEP_ATS, tag).toContain(v.at);
  expect(PHASE_EXPONENTS, tag).toContain(v.phase);
  expect(['auto', 'manual'], tag).toContain(v.timeWindow);
  expect(v.tAt >= T_AT_RANGE.min && v.tAt <= T_AT_RANGE.max, tag).toBe(true);
  expect(Number.isInteger(v.mode) && v.mode >= MODE_RANGE.min && v.mode <= MODE_RANGE.max).toBe(
    true,
  );
  expect(typeof v.showEtr, tag).toBe('boolean');
  expect(v.controls.length, tag).toBeLessThanOrEqual(MAX_FOCUS_CONTROLS);
  for (const k of v.controls) expect(SPEC_BY_KEY[k].kind, tag).toBe('number');
  if (v.lesson === null) expect(v.step, tag).toBe(0);
  else {
    expect(LESSON_BOOK.ids, tag).toContain(v.lesson);
    expect(Number.isInteger(v.step) && v.step >= 0, tag).toBe(true);
    expect(v.step, tag).toBeLessThanOrEqual(LESSON_BOOK.steps(v.lesson));
  }
}

/** The fields of a pins value: [pin index, key, raw value] (the link's own grammar). */
function pinFields(raw: string): [number, string, string][] {
  if (raw === '' || raw === 'none') return [];
  return raw.split(';').flatMap((item, i) =>
    item.trim() === 'same'
      ? []
      : item
          .split(',')
          .filter((f) => f !== '')
          .map((f): [number, string, string] => {
            const c = f.indexOf(':');
            return [i, c < 0 ? f : f.slice(0, c), c < 0 ? '' : f.slice(c + 1)];
          }),
  );
}

/** The view setting a key's value gives when taken as written, or undefined when it cannot be. */
function viewAsWritten(key: string, raw: string): unknown {
  switch (key) {
    case 'theme':
      return (THEMES as readonly string[]).includes(raw) ? raw : undefined;
    case 'at':
      return (SWEEP_ATS as readonly string[]).includes(raw) ? raw : undefined;
    case 'phase':
      return (PHASE_EXPONENTS as readonly string[]).includes(raw) ? raw : undefined;
    case 'window':
      return raw === 'auto' || raw === 'manual' ? raw : undefined;
    case 'etr':
      return raw === '1' ? true : raw === '0' ? false : undefined;
    case 'tat':
    case 'mode':
    case 'step':
      return literal(raw);
  }
  return undefined;
}

const VIEW_FIELD: Record<string, (s: UrlState) => unknown> = {
  theme: (s) => s.view.theme,
  at: (s) => s.view.at,
  phase: (s) => s.view.phase,
  window: (s) => s.view.timeWindow,
  etr: (s) => s.view.showEtr,
  tat: (s) => s.view.tAt,
  mode: (s) => s.view.mode,
  step: (s) => s.view.step,
  lesson: (s) => s.view.lesson,
};

/**
 * Every correction named: each key of the link whose value the state does not hold as written
 * has a notice under its name (pins: under "pins"). Returns false when the link was too long or
 * had too many problems to list them one by one (its notices then say so).
 */
function checkNamed(link: string, s: UrlState, notices: readonly Notice[]): boolean {
  const q = link.startsWith('?') ? link.slice(1) : link;
  if (q.length > MAX_QUERY_LENGTH || notices.some((n) => /more problems/.test(n.message)))
    return false;
  const usp = new URLSearchParams(q);
  const named = (k: string) => notices.some((n) => n.key === k);
  const tag = `${link} → ${JSON.stringify(notices)}`;
  for (const key of new Set(usp.keys())) {
    const all = usp.getAll(key);
    const raw = all[all.length - 1];
    if (all.length > 1 || raw.length > MAX_VALUE_LENGTH) {
      expect(named(key), `repeated or long ${key}: ${tag}`).toBe(true);
      continue;
    }
    if (named(key)) continue;
    if (key === 'v') {
      expect(raw, tag).toBe('1');
    } else if (Object.hasOwn(SPEC_BY_KEY, key)) {
      const k = key as keyof Params;
      // The time window's constraint (tmin < tmax) is named under tmax.
      if (k === 'tmin' && named('tmax')) continue;
      expect(s.params[k], `${key}: ${tag}`).toBe(asWritten(k, raw));
    } else if (key === 'panels') {
      const ids = raw === 'none' ? [] : raw.split(',').filter((x) => x !== '');
      expect(new Set(s.view.panels), tag).toEqual(new Set(ids));
    } else if (key === 'controls') {
      const ids = raw === 'none' ? [] : raw.split(',').filter((x) => x !== '');
      expect(s.view.controls, tag).toEqual(ids);
    } else if (key === 'pins') {
      const fields = pinFields(raw);
      expect(s.pins.length, tag).toBe(raw === '' || raw === 'none' ? 0 : raw.split(';').length);
      for (const [i, k, v] of fields)
        expect(s.pins[i][k as keyof Params], `pin ${i + 1} ${k}: ${tag}`).toBe(
          asWritten(k as keyof Params, v),
        );
    } else if (key in VIEW_FIELD) {
      const want = key === 'lesson' ? raw : viewAsWritten(key, raw);
      expect(VIEW_FIELD[key](s), `${key}: ${tag}`).toBe(want);
    } else {
      expect.fail(`unknown key “${key}” not named: ${tag}`);
    }
  }
  return true;
}

describe('URL parser: property test over hostile links', () => {
  it(`${LINKS} hostile links: never throws, valid state, every correction named, written links re-read cleanly`, () => {
    const r = rng(20260514);
    let named = 0;
    let withNotices = 0;
    let lessons = 0;
    for (let i = 0; i < LINKS; i++) {
      const link = hostileLink(r);
      const { state, notices } = parseUrlState(link, book);
      expectValid(state, link);
      expect(notices.length, link).toBeLessThanOrEqual(MAX_NOTICES);
      if (checkNamed(link, state, notices)) named++;
      if (notices.length) withNotices++;
      if (state.view.lesson !== null) lessons++;
      // What the app writes for that state reads back to it, with nothing to report.
      const written = serializeUrlState(state, book);
      const back = parseUrlState(`?${written}`, book);
      expect(back.notices, `${link} → ${written}`).toEqual([]);
      expect(back.state, `${link} → ${written}`).toEqual(state);
      expect(serializeUrlState(back.state, book)).toBe(written);
    }
    // The generator reaches what it should: most links checked key by key, most with a problem,
    // a good share inside a lesson.
    expect(named).toBeGreaterThan(0.9 * LINKS);
    expect(withNotices).toBeGreaterThan(0.5 * LINKS);
    expect(lessons).toBeGreaterThan(0.05 * LINKS);
  }, 120_000);

  it('every parameter key is reached, with valid and invalid values', () => {
    const r = rng(1);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++)
      for (const k of new URLSearchParams(hostileLink(r).replace(/^\?/, '')).keys()) seen.add(k);
    for (const s of PARAM_SPECS) expect(seen, s.key).toContain(s.key);
  });
});
