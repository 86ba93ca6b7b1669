// Hostile links for the URL parser's property tests (unit: test/state/urlFuzz.test.ts; browser:
// test/e2e/fuzz.spec.ts): seeded, so a failure can be replayed. Each link mixes valid settings
// with what users and attackers type: values out of range, in hex, in other scripts, NaN and
// infinities, keys that do not act in the link's regime or with its data, repeated keys, two
// lessons, unknown keys and prototype names, broken percent-encoding, markup, control characters,
// very long values and links.
import { PARAM_SPECS, type NumericSpec } from '../../src/model/params.ts';
import { LESSON_IDS } from '../../src/lessons/lessons.ts';
import { PHASE_EXPONENTS } from '../../src/model/theory/phase.ts';
import { PANELS, SWEEP_ATS, THEMES } from '../../src/state/view.ts';
import { randomValue } from '../state/random.ts';

export { rng } from '../state/random.ts';

type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const JUNK = [
  '',
  ' ',
  'NaN',
  'nan',
  'undefined',
  'null',
  '0x10',
  '0b11',
  '0o7',
  '1e400',
  '-1e400',
  '1e-400',
  'Infinity',
  '-inf',
  '∞',
  '１.５',
  '٣',
  '1,5',
  '1_000',
  '2.5.1',
  '+3',
  '.5',
  '5.',
  ' 2 ',
  '1e',
  '--1',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "javascript:alert('x')",
  '%E0%A4%A',
  '%%%',
  '\u0000',
  '\u202e1',
  'é',
  '🙂',
  '9'.repeat(250),
  'constructor',
  '__proto__',
];
const UNKNOWN_KEYS = [
  'alhpa',
  'Alpha',
  'ALPHA',
  'sigma',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  'x',
  '<b>',
  'p',
  'n',
  'lessons',
  'steps',
  'pin',
  'panel',
  '%00',
];
const PARAM_KEYS = PARAM_SPECS.map((s) => s.key);
const VIEW_KEYS = [
  'lesson',
  'step',
  'panels',
  'theme',
  'at',
  'tat',
  'etr',
  'mode',
  'pins',
  'phase',
  'controls',
  'window',
];

/** A value of a parameter: valid, at or beyond an end, or junk. */
function paramValue(r: Rand, key: string): string {
  const spec = PARAM_SPECS.find((s) => s.key === key)!;
  const u = r();
  if (u < 0.25) return pick(r, JUNK);
  if (spec.kind === 'enum') {
    const o = pick(r, spec.options);
    return u < 0.9 ? o : o.toUpperCase();
  }
  const s = spec as NumericSpec;
  if (u < 0.4) return String(pick(r, [s.min, s.max, s.min - 1, s.max * 10, -s.max, 0, 0.5]));
  if (u < 0.45) return pick(r, ['inf', 'Infinity', '∞', '+inf']);
  const v = randomValue(r, s);
  return v === Infinity ? 'inf' : String(v);
}

/** A list of a few names from `names` and junk, comma-separated. */
function list(r: Rand, names: readonly string[]): string {
  const n = Math.floor(r() * 5);
  return Array.from({ length: n }, () => (r() < 0.8 ? pick(r, names) : pick(r, JUNK))).join(',');
}

/** A pins value: up to eight pins of a few fields each, some "same", some broken. */
function pinsValue(r: Rand): string {
  if (r() < 0.1) return pick(r, ['', 'none', 'same', ';;', ':', ',']);
  const n = 1 + Math.floor(r() * 8);
  return Array.from({ length: n }, () => {
    if (r() < 0.15) return 'same';
    const m = 1 + Math.floor(r() * 4);
    return Array.from({ length: m }, () => {
      const k = r() < 0.85 ? pick(r, PARAM_KEYS) : pick(r, UNKNOWN_KEYS);
      return r() < 0.05 ? k : `${k}:${paramValue(r, PARAM_KEYS.includes(k as never) ? k : 'P')}`;
    }).join(',');
  }).join(';');
}

function viewValue(r: Rand, key: string): string {
  if (r() < 0.15) return pick(r, JUNK);
  switch (key) {
    case 'lesson':
      return r() < 0.85 ? pick(r, LESSON_IDS) : pick(r, ['nosie', 'LESSON', '1', '']);
    case 'step':
      return pick(r, ['0', '1', '1', '2', '-1', '1.5', '1e0', '10']);
    case 'panels':
      return r() < 0.1 ? pick(r, ['none', '']) : list(r, PANELS);
    case 'theme':
      return pick(r, THEMES);
    case 'at':
      return pick(r, SWEEP_ATS);
    case 'tat':
      return String(pick(r, [1, 100, 1e4, 1e8, 1e9, 1e-4, 0.37, 31.6]));
    case 'etr':
      return pick(r, ['0', '1', 'true', '2']);
    case 'mode':
      return pick(r, ['1', '10', '300', '0', '2.5', '0x10', '1e3', '1e9', '-3']);
    case 'pins':
      return pinsValue(r);
    case 'phase':
      return pick(r, PHASE_EXPONENTS);
    case 'controls':
      return r() < 0.1 ? 'none' : list(r, [...PARAM_KEYS, 'bogus']);
    case 'window':
      return pick(r, ['auto', 'manual', 'Auto']);
  }
  return pick(r, JUNK);
}

const enc = (r: Rand, s: string) => (r() < 0.85 ? encodeURIComponent(s) : s);

/** One hostile query string (with or without '?'). */
export function hostileLink(r: Rand): string {
  const pairs: string[] = [];
  const u = r();
  if (u < 0.7) pairs.push('v=1');
  else if (u < 0.8) pairs.push(`v=${pick(r, ['2', '0', 'x', ''])}`);
  // A regime or data source first, so keys that do not act in it are common.
  if (r() < 0.5) pairs.push(`regime=${pick(r, ['gf', 'wd', 'langevin', 'bayes'])}`);
  if (r() < 0.2) pairs.push(`data=${pick(r, ['powerlaw', 'mnist', 'custom'])}`);
  const n = Math.floor(r() * 7);
  for (let i = 0; i < n; i++) {
    const w = r();
    let key: string;
    let value: string;
    if (w < 0.5) {
      key = pick(r, PARAM_KEYS);
      value = paramValue(r, key);
    } else if (w < 0.88) {
      key = pick(r, VIEW_KEYS);
      value = viewValue(r, key);
    } else {
      key = pick(r, UNKNOWN_KEYS);
      value = pick(r, ['1', ...JUNK]);
    }
    pairs.push(`${enc(r, key)}=${enc(r, value)}`);
    // Repeated keys: the same key again with another value.
    if (r() < 0.08) pairs.push(`${enc(r, key)}=${enc(r, paramValue(r, 'alpha'))}`);
  }
  let q = pairs.join('&');
  const t = r();
  if (t < 0.03) q += `&${'x=1&'.repeat(1200)}`;
  else if (t < 0.06) q = q.replace(/&/g, pick(r, ['&&', ';', '&amp;']));
  else if (t < 0.08) q += pick(r, ['&', '=', '&=&', '#frag', '%', '&&&']);
  return r() < 0.7 ? `?${q}` : q;
}
