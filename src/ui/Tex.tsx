// Inline KaTeX for trusted, static sources only (the parameter table's symbols, formulas written
// in this repository). Never pass text that came from the URL or the user.
//
// KaTeX is loaded on demand (lazyKatex.ts): until it arrives the symbol is shown as plain italic
// text (σ₀², t_min), which is also what a failed load leaves.
import { useMemo } from 'react';
import { plainSymbol } from '../state/symbols.ts';
import { useKatex } from './lazyKatex.ts';

export function Tex({ tex, className }: { tex: string; className?: string }) {
  const katex = useKatex();
  const html = useMemo(
    () =>
      katex?.renderToString(tex, { throwOnError: false, output: 'html', strict: 'ignore' }) ?? null,
    [katex, tex],
  );
  if (!tex) return null;
  if (html === null)
    return (
      <span className={`${className ?? 'tex'} tex--plain`} aria-hidden="true">
        {plainSymbol(tex)}
      </span>
    );
  return (
    <span
      className={className ?? 'tex'}
      aria-hidden="true"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
