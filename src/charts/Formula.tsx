/// <reference types="vite/client" />
// Formula — KaTeX rendering of a TeX string into a span.
//
// Props
//   tex      string     TeX source. It MUST be built in code from trusted pieces (numbers formatted
//                       by format.ts's texNumber/texParam), never taken from the URL or other input:
//                       the HTML KaTeX returns is inserted as is (useHtml.ts, in place).
//   display  boolean    display (block) style. Default false (inline).
//   label    string     optional accessible text (KaTeX also emits MathML for screen readers).
//   hold     boolean    a drag goes on: out of view, the formula keeps what it shows
//                       (useKeptOutOfView.ts). Default false.
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { katex } from './katex.ts';
import { useHtml } from './useHtml.ts';
import { useShownTex } from './useKeptOutOfView.ts';

export interface FormulaProps {
  tex: string;
  display?: boolean;
  label?: string;
  hold?: boolean;
}

/** KaTeX HTML of a trusted TeX string; rendering errors show the source in red, never throw. */
export function renderTex(tex: string, { display = false }: { display?: boolean } = {}): string {
  return katex.renderToString(tex, {
    throwOnError: false,
    displayMode: display,
    output: 'htmlAndMathml',
  });
}

export function Formula({ tex, display = false, label, hold = false }: FormulaProps): ReactNode {
  const { ref, tex: shownTex, label: shownLabel } = useShownTex(tex, label, hold);
  const html = useMemo(() => renderTex(shownTex, { display }), [shownTex, display]);
  useHtml(html, ref);
  return (
    <span
      ref={ref}
      className={display ? 'sp-formula sp-formula--display' : 'sp-formula'}
      data-tex={shownTex}
      role={shownLabel ? 'img' : undefined}
      aria-label={shownLabel}
    />
  );
}
