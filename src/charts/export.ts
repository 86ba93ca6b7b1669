// Exporting a figure and its data: a standalone SVG that renders the same outside the app (styles
// and CSS variables inlined, xmlns, a background), a PNG of it, the curves as CSV, and a result
// as JSON. The CSV/JSON writers are pure; the SVG writer needs a DOM; the PNG writer a browser.
import { resolvedEg, resolvedEtr } from './resolved.ts';
import { resampleLogLog } from '../model/resample.ts';
import type { CurveResult } from '../model/types.ts';
import { csvField, csvNumber, toPlain } from '../format/data.ts';
import { wrapLines } from './footer.ts';
import { textWidth } from './labels.ts';
import { addPngText } from './pngText.ts';

/** Properties inlined into an exported SVG (the ones charts.css and the components set). */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'text-anchor',
  'shape-rendering',
] as const;

/** Properties that do not inherit: written whenever they differ from their initial value. */
const NOT_INHERITED: Record<string, string> = { opacity: '1' };

const DEFAULT_FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Replace `var(--name)` and `var(--name, fallback)` in a CSS value using `lookup` (which returns ''
 * for an undefined variable). Nested variables and fallbacks are resolved; unknown variables
 * without fallback become ''.
 */
export function resolveCssVars(value: string, lookup: (name: string) => string, depth = 0): string {
  if (depth > 8 || !value.includes('var(')) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf('var(', i);
    if (start < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, start);
    // Find the matching parenthesis.
    let level = 0;
    let end = start + 3;
    for (; end < value.length; end++) {
      if (value[end] === '(') level++;
      else if (value[end] === ')') {
        level--;
        if (level === 0) break;
      }
    }
    const inner = value.slice(start + 4, end);
    const comma = topLevelComma(inner);
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? '' : inner.slice(comma + 1).trim();
    const found = lookup(name).trim();
    out += resolveCssVars(found || fallback, lookup, depth + 1);
    i = end + 1;
  }
  return out;
}

function topLevelComma(s: string): number {
  let level = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') level++;
    else if (s[i] === ')') level--;
    else if (s[i] === ',' && level === 0) return i;
  }
  return -1;
}

export interface SvgExportOptions {
  /** Background colour; default: the resolved --bg of the chart, else white. */
  background?: string;
  /** Font family for the standalone file; default: the chart's computed font, else Inter/system. */
  fontFamily?: string;
  /** Lines drawn below the chart (wrapped to its width): what the figure shows, its link. */
  footer?: readonly string[];
}

/** Type size of the footer in px, and its padding. */
const FOOTER_FONT = 11;
const FOOTER_PAD = 10;
/**
 * A PNG is drawn from the SVG as an image, which cannot use the page's web fonts: the system's
 * sans-serif draws it, up to ~12 % wider than the Inter widths textWidth knows.
 */
const FALLBACK_FONT_WIDER = 1.12;

/** A standalone SVG document and the size it is drawn at (the chart's, plus its footer). */
export interface StandaloneSvg {
  xml: string;
  width: number;
  height: number;
}

/**
 * A standalone SVG document of a rendered chart: computed styles inlined with CSS variables and
 * currentColor resolved, `xmlns` added, a background rect behind everything, interactive-only
 * parts (`[data-export-ignore]`, e.g. the crosshair) removed.
 */
export function svgToString(svg: SVGSVGElement, options: SvgExportOptions = {}): string {
  return standaloneSvg(svg, options).xml;
}

/** svgToString with the size of the document (the PNG writer draws it at that size). */
export function standaloneSvg(svg: SVGSVGElement, options: SvgExportOptions = {}): StandaloneSvg {
  const doc = svg.ownerDocument;
  const view = doc.defaultView;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const dst = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const rootStyle = view ? view.getComputedStyle(svg) : null;
  const lookup = (name: string): string => rootStyle?.getPropertyValue(name) ?? '';
  const computed = new Map<Element, Map<string, string>>();

  const styleOf = (el: Element): Map<string, string> => {
    const cached = computed.get(el);
    if (cached) return cached;
    const cs = view ? view.getComputedStyle(el) : null;
    const color =
      resolveCssVars(cs?.getPropertyValue('color') ?? '', lookup) ||
      resolveCssVars('var(--fg)', lookup);
    const map = new Map<string, string>();
    for (const prop of STYLE_PROPS) {
      let v = (cs?.getPropertyValue(prop) ?? '').trim();
      // Presentation attributes are not always reflected by getComputedStyle outside browsers.
      if (!v) v = el.getAttribute(prop) ?? '';
      v = resolveCssVars(v, lookup)
        .replace(/currentcolor/gi, color || '#000000')
        .trim();
      if (v && !/depends on user agent/i.test(v)) map.set(prop, v);
    }
    computed.set(el, map);
    return map;
  };

  src.forEach((el, i) => {
    const out = dst[i] as SVGElement | HTMLElement;
    const mine = styleOf(el);
    const parent = el === svg ? null : el.parentElement;
    const theirs = parent ? styleOf(parent) : null;
    const decl: string[] = [];
    for (const [prop, v] of mine) {
      const initial = NOT_INHERITED[prop];
      if (initial !== undefined ? v !== initial : !theirs || theirs.get(prop) !== v)
        decl.push(`${prop}:${v}`);
    }
    if (decl.length) out.setAttribute('style', decl.join(';'));
    else out.removeAttribute('style');
  });

  clone.querySelectorAll('[data-export-ignore]').forEach((el) => el.remove());
  clone.removeAttribute('tabindex');
  const ns = 'http://www.w3.org/2000/svg';
  const width = svg.getAttribute('width') ?? '';
  const height = svg.getAttribute('height') ?? '';
  if (!clone.getAttribute('viewBox') && width && height)
    clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const w = Number(width) || svg.getBoundingClientRect().width;
  const chartH = Number(height) || svg.getBoundingClientRect().height;
  let totalH = chartH;
  if (options.footer?.length) {
    const fg = resolveCssVars('var(--muted, var(--fg))', lookup).trim() || '#555555';
    const g = footerGroup(doc, options.footer, w, chartH, fg);
    clone.appendChild(g.el);
    totalH = chartH + g.height;
    clone.setAttribute('height', String(totalH));
    clone.setAttribute('viewBox', `0 0 ${w} ${totalH}`);
  }
  // One explicit font for the whole file (text inherits it): the option, else the chart's own.
  const computedFont = resolveCssVars(
    rootStyle?.getPropertyValue('font-family') ?? '',
    lookup,
  ).trim();
  const font = options.fontFamily ?? (isUsableFont(computedFont) ? computedFont : DEFAULT_FONT);
  const rootDecl = (clone.getAttribute('style') ?? '')
    .split(';')
    .filter((d) => d && !d.startsWith('font-family:'));
  clone.setAttribute('style', [...rootDecl, `font-family:${font}`].join(';'));
  const bg = options.background ?? (resolveCssVars('var(--bg)', lookup).trim() || '#ffffff');
  const rect = doc.createElementNS(ns, 'rect');
  rect.setAttribute('x', '0');
  rect.setAttribute('y', '0');
  rect.setAttribute('width', width || '100%');
  rect.setAttribute('height', options.footer?.length ? String(totalH) : height || '100%');
  rect.setAttribute('fill', bg);
  rect.setAttribute('data-export-background', '');
  clone.insertBefore(rect, clone.firstChild);
  let xml = new (view?.XMLSerializer ?? XMLSerializer)().serializeToString(clone);
  // Serialisers add the namespace of an SVG element themselves; make sure it is there once.
  if (!/^<svg[^>]*\sxmlns="/.test(xml)) xml = xml.replace(/^<svg/, `<svg xmlns="${ns}"`);
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, width: w, height: totalH };
}

/** The footer below a chart of width `w` and height `top`: a rule, then the wrapped lines. */
function footerGroup(
  doc: Document,
  lines: readonly string[],
  w: number,
  top: number,
  color: string,
): { el: SVGGElement; height: number } {
  const ns = 'http://www.w3.org/2000/svg';
  const g = doc.createElementNS(ns, 'g');
  g.setAttribute('data-export-footer', '');
  g.setAttribute('style', `fill:${color};font-size:${FOOTER_FONT}px`);
  const rule = doc.createElementNS(ns, 'line');
  rule.setAttribute('x1', String(FOOTER_PAD));
  rule.setAttribute('x2', String(w - FOOTER_PAD));
  rule.setAttribute('y1', String(top + FOOTER_PAD / 2));
  rule.setAttribute('y2', String(top + FOOTER_PAD / 2));
  rule.setAttribute('style', `stroke:${color};stroke-width:0.5`);
  g.appendChild(rule);
  const wrapped = wrapLines(
    lines,
    w - 2 * FOOTER_PAD,
    (s) => textWidth(s, FOOTER_FONT) * FALLBACK_FONT_WIDER,
  );
  const lineH = Math.round(FOOTER_FONT * 1.4);
  wrapped.forEach((line, i) => {
    const text = doc.createElementNS(ns, 'text');
    text.setAttribute('x', String(FOOTER_PAD));
    text.setAttribute('y', String(top + FOOTER_PAD + (i + 1) * lineH - 3));
    text.textContent = line;
    g.appendChild(text);
  });
  return { el: g, height: FOOTER_PAD * 2 + wrapped.length * lineH };
}

/** Computed values that are placeholders rather than fonts (jsdom reports "depends on user agent"). */
function isUsableFont(f: string): boolean {
  return !!f && !/depends on user agent|^inherit$|^initial$/i.test(f);
}

/**
 * A PNG of a rendered chart at `scale` × its size (browser only: Image + canvas). The footer, if
 * any, is drawn below the chart and also stored as the PNG's "Description" text.
 */
export async function svgToPngBlob(
  svg: SVGSVGElement,
  scale = 2,
  options: SvgExportOptions = {},
): Promise<Blob> {
  const { xml: text, width, height } = standaloneSvg(svg, options);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () =>
        reject(new Error('The chart could not be rasterised (SVG image failed to load).'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas available to rasterise the chart.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))),
        'image/png',
      ),
    );
    if (!options.footer?.length) return png;
    const bytes = addPngText(
      new Uint8Array(await png.arrayBuffer()),
      'Description',
      options.footer.join('\n'),
    );
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offer a blob as a file download (browser only). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Comment lines opening a CSV file ("# …"): what it holds, its parameters, its link. */
export function csvPreamble(lines: readonly string[]): string {
  return lines.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/**
 * The curves as CSV: `preamble` as "# " comment lines, the header `t,Eg,Etr`, then `Eg_<label>`
 * and `Etr_<label>` columns per pin (resampled onto the current curve's times), one row per time.
 * Infinity is written "inf", NaN as an empty field.
 */
export function curvesToCsv(
  curve: CurveResult,
  pins: readonly { label: string; curve: CurveResult }[] = [],
  preamble: readonly string[] = [],
): string {
  const header = [
    't',
    'Eg',
    'Etr',
    ...pins.flatMap((p) => [csvField(`Eg_${p.label}`), csvField(`Etr_${p.label}`)]),
  ];
  // Values below the engine's floor are not results: empty fields, as on the plot (resolved.ts).
  const cols = pins.flatMap((p) => [
    resampleLogLog(curve.t, p.curve.t, resolvedEg(p.curve)),
    resampleLogLog(curve.t, p.curve.t, resolvedEtr(p.curve)),
  ]);
  const Eg = resolvedEg(curve);
  const Etr = resolvedEtr(curve);
  const rows = [header.join(',')];
  for (let i = 0; i < curve.t.length; i++) {
    rows.push([curve.t[i], Eg[i], Etr[i], ...cols.map((c) => c[i])].map(csvNumber).join(','));
  }
  return `${csvPreamble(preamble)}${rows.join('\n')}\n`;
}

/**
 * A curve as a JSON document: its parameters, the arrays as plain numbers ("inf" for Infinity),
 * the time window, the early-stopping point over all t, the t → ∞ limits, the fitted time
 * exponent with its window and the diagnosis. Wall-clock time is left out
 * so the same state always gives the same file.
 */
export function resultToJson(curve: CurveResult): string {
  const { params, t, Eg, Etr, window, earlyStop, limit, fitT, diagnosis } = curve;
  const doc = {
    format: 'scaling-playground/curve',
    version: 1,
    params,
    t,
    Eg,
    Etr,
    window,
    earlyStop,
    limit,
    fitT,
    diagnosis,
  };
  return `${JSON.stringify(toPlain(doc), null, 2)}\n`;
}
