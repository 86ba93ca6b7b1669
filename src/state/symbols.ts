// Plain-text renderings of the parameter table's KaTeX symbols, for places where KaTeX cannot go
// (legend text, aria labels, notices, file names). Derived from the table, never listed by hand.
import { superscript } from '../format/number.ts';
import { SPEC_BY_KEY, type Params } from '../model/params.ts';

// The lowercase Greek alphabet, so that a new parameter's symbol needs no entry here.
const GREEK: Record<string, string> = Object.fromEntries([
  ['alpha', 'α'],
  ['beta', 'β'],
  ['gamma', 'γ'],
  ['delta', 'δ'],
  ['epsilon', 'ε'],
  ['zeta', 'ζ'],
  ['eta', 'η'],
  ['theta', 'θ'],
  ['iota', 'ι'],
  ['kappa', 'κ'],
  ['lambda', 'λ'],
  ['mu', 'μ'],
  ['nu', 'ν'],
  ['xi', 'ξ'],
  ['pi', 'π'],
  ['rho', 'ρ'],
  ['sigma', 'σ'],
  ['tau', 'τ'],
  ['phi', 'φ'],
  ['chi', 'χ'],
  ['psi', 'ψ'],
  ['omega', 'ω'],
]);
/** Unicode subscripts (digits and the letters Unicode has), so no symbol shows an underscore. */
const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
};

/** A subscript in Unicode when every character has one, else the characters as they are. */
function subscript(body: string): string {
  const chars = Array.from(body);
  return chars.every((c) => c in SUB) ? chars.map((c) => SUB[c]).join('') : body;
}

/** '\\sigma_0^2' → 'σ₀²', 't_{\\min}' → 'tₘᵢₙ', 'n_t' → 'nₜ', '\\text{seed}' → 'seed'. */
export function plainSymbol(tex: string): string {
  let s = tex.replace(/\\text\{([^}]*)\}/g, '$1');
  s = s.replace(/\\([a-zA-Z]+)/g, (_m, name: string) => GREEK[name] ?? name);
  s = s.replace(/\^\{?([0-9*])\}?/g, (_m, c: string) => superscript(c));
  s = s.replace(/_\{([^}]*)\}/g, (_m, b: string) => subscript(b));
  s = s.replace(/_([0-9a-z])/g, (_m, c: string) => subscript(c));
  return s;
}

/** The plain symbol of a parameter ('regime' has none: its label is used). */
export function paramSymbol(key: keyof Params): string {
  const spec = SPEC_BY_KEY[key];
  return spec.symbol ? plainSymbol(spec.symbol) : spec.key;
}
