// KaTeX together with its stylesheet (which brings the KaTeX fonts, bundled by Vite: no CDN, works
// offline). Only code that is itself loaded on demand imports this module (the Formulas panel,
// src/ui/lazyKatex.ts), so KaTeX's ~270 kB of script and its CSS stay out of the first paint.
import katex from 'katex';
import 'katex/dist/katex.min.css';

export { katex };
