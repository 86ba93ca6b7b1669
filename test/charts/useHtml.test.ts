// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderTex } from '../../src/charts/Formula.tsx';
import { setHtml } from '../../src/charts/useHtml.ts';

/** Mutation records of `fn` on `el` (jsdom delivers them on takeRecords). */
function recordsOf(el: Element, fn: () => void): MutationRecord[] {
  const o = new MutationObserver(() => {});
  o.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
  fn();
  const r = o.takeRecords();
  o.disconnect();
  return r;
}

describe('setHtml', () => {
  it('ends with exactly the new HTML, whatever was there', () => {
    const el = document.createElement('span');
    const cases = [
      '<b class="x">1</b> and <i>two</i>',
      '<b class="y" title="t">10</b><!--c--> and <i>three</i><u>four</u>',
      'text only',
      '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0,0H1"></path></svg><b>1</b>',
      '',
      '<math><mi>x</mi></math>',
    ];
    let n = 0;
    for (const html of cases) {
      setHtml(el, html);
      const ref = document.createElement('span');
      ref.innerHTML = html;
      expect(el.innerHTML).toBe(ref.innerHTML);
      n++;
    }
    expect(n).toBe(cases.length);
  });

  it('changes a formula whose number changed in place: its text, not its ~hundreds of nodes', () => {
    const el = document.createElement('span');
    const tex = (v: string) =>
      `\\begin{aligned}E_g(t)&\\sim t^{-${v}}\\\\ \\kappa&=${v}\\end{aligned}`;
    setHtml(el, renderTex(tex('0.333'), { display: true }));
    const before = el.querySelectorAll('*').length;
    expect(before).toBeGreaterThan(50);
    const first = el.querySelector('.katex-html')!;
    const records = recordsOf(el, () => setHtml(el, renderTex(tex('0.334'), { display: true })));
    const ref = document.createElement('span');
    ref.innerHTML = renderTex(tex('0.334'), { display: true });
    expect(el.innerHTML).toBe(ref.innerHTML);
    expect(el.querySelector('.katex-html')).toBe(first);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(before / 10);
  });
});
