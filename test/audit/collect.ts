// What a reader sees on the page, and who says it: every text node of the rendered app, the
// element that carries the claim behind it (data-claim) or the piece of fixed chrome it belongs
// to (CHROME, a short reviewed list), and the tooltips (title attributes, SVG <title>).
import { claimById, type Claim } from '../../src/claims/registry.ts';

/**
 * Fixed chrome: words that state nothing about the state (headings, axis names, button and menu
 * labels, the names and units of the controls, tick labels). Each entry: a selector and why.
 */
export const CHROME: readonly (readonly [string, string])[] = [
  ['h1, h2, h3', 'headings'],
  ['.tagline, .app-footer, a.skip', 'what the app is, the page footer, the skip link'],
  ['button, summary, kbd', 'button and menu labels, shortcut keys'],
  ['select option', 'the choices of a menu (lessons, data, kernel, task, speed)'],
  [
    '.segmented .seg, .menu-check, .menu-title, .menu-row > span',
    'segmented choices, menu entries',
  ],
  [
    '.ctl-name, .ctl-unit, .ctl-label, .ctl-auto, .ctl-inf, .tex, .ctl-def, .ctl-group-title',
    'names, symbols, units and definitions of the controls',
  ],
  ['.play-field', 'the Play bar’s field names'],
  ['.steps-axis-label', 'the name of the switch of a curve’s x axis (steps or intrinsic time)'],
  ['g.sp-axis text, text.sp-tick-label', 'axis tick labels and axis names'],
  ['text.sp-axis-title:not([data-claim])', 'a figure’s heading (what it plots)'],
  ['.ctl-data-mnist label', 'the names of the kernel and task menus'],
  ['svg > title', 'a figure’s name'],
  ['thead th, th[scope="row"], table > caption, dl.sp-formulas dt', 'table and formula headers'],
  ['label.ctl-check', 'the name of a check box'],
  ['g[data-testid="color-legend"] text', 'the colour scale’s ticks and name'],
  [
    'g.sp-phase-legend g text',
    'the phase diagram’s colour ramp ticks (exponent values of the scale)',
  ],
  [
    'label.mode-entry, label.phase-select, label.at-t',
    'the names of the mode, exponent and time entries',
  ],
  ['.lesson-num', 'the lesson’s number'],
  [
    '[data-testid="url-notice"] > div > strong',
    'the heading of the link notices (each notice is a claim)',
  ],
  ['.busy', 'the “computing…” badge (shown only while a result is pending)'],
  ['.runfit-field > span, .custom-input label', 'the names and units of Fit my runs’ inputs'],
  [
    'text.sp-runfit-rule-label, .sp-runfit-rule-label text, text.sp-phase-fit-label',
    'fixed names of the fit figure’s rules (extrapolation, hold-out) and of its overlay',
  ],
  ['textarea', 'what the user typed or pasted (their runs), shown back as typed'],
];

const HIDDEN = 'style, script, svg > desc, .katex-mathml, [hidden], template';

export interface Said {
  /** The element carrying data-claim. */
  el: Element;
  id: string;
  /** The text the element shows (normalised). */
  text: string;
  claim: Claim | undefined;
  /** A tooltip (title attribute or SVG <title>). */
  tooltip: boolean;
}

export interface PageText {
  said: Said[];
  /** Text nodes inside no claim and no chrome: the audit fails on them. */
  unclaimed: { text: string; where: string }[];
  /** Every text shown (claims and chrome), for the scans for raw notation. */
  all: string[];
  chrome: number;
}

/** Whitespace collapsed, trimmed. */
export function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The text of an element as a reader sees it: SVG labels of several lines (tspans with their own
 * x) read with a space between the lines; hidden parts left out.
 */
export function shownText(el: Element): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out += n.textContent ?? '';
      return;
    }
    if (!(n instanceof Element) || n.matches(HIDDEN)) return;
    if (n.tagName.toLowerCase() === 'tspan' && n.hasAttribute('x') && out) out += ' ';
    n.childNodes.forEach(walk);
  };
  walk(el);
  return norm(out);
}

function where(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
    const id = e.getAttribute('data-testid');
    const cls = e.getAttribute('class')?.split(' ')[0];
    parts.unshift(`${e.tagName.toLowerCase()}${id ? `#${id}` : cls ? `.${cls}` : ''}`);
  }
  return parts.join('>');
}

/** Elements that hold one piece of text (its unclaimed text is reported once). */
const BLOCK = 'p, li, dt, dd, td, th, text, label, strong, h1, h2, h3, div';

const CHROME_SELECTOR = CHROME.map(([s]) => s).join(', ');

export function collect(root: Element): PageText {
  const said = new Map<Element, Said>();
  const unclaimed: PageText['unclaimed'] = [];
  const all: string[] = [];
  let chrome = 0;
  const blocks = new Map<Element, { text: string; where: string }>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = norm(n.textContent ?? '');
    const parent = n.parentElement;
    if (!t || !parent || parent.closest(HIDDEN)) continue;
    // Typeset formulas (KaTeX's HTML: an accent is a "^" of its own) are not raw notation.
    if (!parent.closest('.katex')) all.push(t);
    const owner = parent.closest('[data-claim]');
    if (owner) {
      if (!said.has(owner)) {
        const id = owner.getAttribute('data-claim')!;
        const tooltip = owner.tagName.toLowerCase() === 'title';
        said.set(owner, { el: owner, id, text: shownText(owner), claim: claimById(id), tooltip });
      }
      continue;
    }
    if (parent.closest(CHROME_SELECTOR)) {
      chrome++;
      continue;
    }
    // One finding per block of text (a sentence, a label, a typeset formula), not per text node.
    const block = parent.closest(BLOCK) ?? parent;
    const prev = blocks.get(block);
    if (prev) prev.text = norm(`${prev.text} ${t}`);
    else {
      const u = { text: t, where: where(block) };
      blocks.set(block, u);
      unclaimed.push(u);
    }
  }
  // Tooltips given as title attributes: each must name its claim (data-title-claim) or be chrome.
  for (const el of root.querySelectorAll('[title]')) {
    const t = norm(el.getAttribute('title') ?? '');
    if (!t) continue;
    all.push(t);
    const id = el.getAttribute('data-title-claim');
    if (id) {
      said.set(el, { el, id, text: t, claim: claimById(id), tooltip: true });
      continue;
    }
    if (el.matches(CHROME_SELECTOR) || el.closest('button, summary, label, .ctl-label')) {
      chrome++;
      continue;
    }
    unclaimed.push({ text: `[title] ${t}`, where: where(el) });
  }
  return { said: [...said.values()], unclaimed, all, chrome };
}

/** Raw notation a reader must never see: TeX commands, braces, underscores, carets. */
export function rawNotation(text: string): string | null {
  const m = /\\[a-zA-Z]+|[_^{}]|\$/.exec(text);
  return m ? m[0] : null;
}
