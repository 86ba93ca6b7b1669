// Trusted HTML (KaTeX's output) in an element, changed in place: when a formula's numbers change,
// only the nodes that differ are touched. Replacing the whole HTML (innerHTML) rebuilt a displayed
// formula's ~1,300 layout objects on every step of a drag, the largest layout on the page; a
// number changing now dirties its own text and the boxes around it.
import { useLayoutEffect, useRef, type RefObject } from 'react';

const sameNode = (a: Node, b: Node): boolean =>
  a.nodeType === b.nodeType &&
  a.nodeName === b.nodeName &&
  (a as Element).namespaceURI === (b as Element).namespaceURI;

function syncAttributes(from: Element, to: Element): void {
  for (const a of Array.from(to.attributes))
    if (from.getAttributeNS(a.namespaceURI, a.localName) !== a.value)
      from.setAttributeNS(a.namespaceURI, a.name, a.value);
  for (const a of Array.from(from.attributes))
    if (!to.hasAttributeNS(a.namespaceURI, a.localName))
      from.removeAttributeNS(a.namespaceURI, a.localName);
}

/**
 * Make `from`'s children equal to `to`'s, reusing the nodes of the same kind at each place. Equal
 * subtrees (most of a formula) are skipped by one native comparison.
 */
function morphChildren(from: Node, to: Node): void {
  const old = Array.from(from.childNodes);
  const next = Array.from(to.childNodes);
  next.forEach((b, i) => {
    const a = old[i];
    if (!a) from.appendChild(b);
    else if (a.isEqualNode(b)) return;
    else if (!sameNode(a, b)) from.replaceChild(b, a);
    else if (a.nodeType !== Node.ELEMENT_NODE) {
      if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
    } else {
      syncAttributes(a as Element, b as Element);
      morphChildren(a, b);
    }
  });
  for (let i = next.length; i < old.length; i++) from.removeChild(old[i]);
}

/** Set an element's content to `html`, in place where it already holds content. */
export function setHtml(el: Element, html: string): void {
  if (!el.firstChild) {
    el.innerHTML = html;
    return;
  }
  const t = el.ownerDocument.createElement('template');
  t.innerHTML = html;
  morphChildren(el, t.content);
}

/**
 * A ref whose element shows `html` (trusted: built in code, never from input): `ref` when given,
 * else one of its own.
 */
export function useHtml<T extends Element>(
  html: string,
  given?: RefObject<T | null>,
): RefObject<T | null> {
  const own = useRef<T>(null);
  const ref = given ?? own;
  useLayoutEffect(() => {
    if (ref.current) setHtml(ref.current, html);
  }, [html, ref]);
  return ref;
}
