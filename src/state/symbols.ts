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
const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', t: 'ₜ' };

/** '\\sigma_0^2' → 'σ₀²', 't_{\\min}' → 't_min', '\\text{seed}' → 'seed'. */
export function plainSymbol(tex: string): string {
  let s = tex.replace(/\\text\{([^}]*)\}/g, '$1');
  s = s.replace(/\\([a-zA-Z]+)/g, (_m, name: string) => GREEK[name] ?? name);
  s = s.replace(/\^\{?([0-9*])\}?/g, (_m, c: string) => superscript(c));
  s = s.replace(/_\{([^}]*)\}/g, '_$1');
  s = s.replace(/_([0-9t])(?![a-z])/g, (_m, c: string) => SUB[c] ?? `_${c}`);
  return s;
}

/** The plain symbol of a parameter ('regime' has none: its label is used). */
export function paramSymbol(key: keyof Params): string {
  const spec = SPEC_BY_KEY[key];
  return spec.symbol ? plainSymbol(spec.symbol) : spec.key;
}
