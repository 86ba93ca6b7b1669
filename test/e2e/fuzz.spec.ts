// Hostile links in the browser (test/helpers/hostileLinks.ts, the unit suite's generator with
// another seed): 200 links opened one after another the way Back and Forward open them (the
// address bar set, a popstate), and some by a full page load. None breaks the page: no error, no
// markup from the link, every parameter inside its domain, every notice shown as text, the curve
// drawn without NaN; and a link the app wrote reopens with no notice.
import { expect, test, type Page } from '@playwright/test';
import { PARAM_SPECS, type NumericSpec } from '../../src/model/params.ts';
import { hostileLink, rng } from '../helpers/hostileLinks.ts';
import { storeState, watch } from './helpers.ts';

const LINKS = 200;
/** Every this many links the page is loaded afresh, and the canonical link reloaded. */
const RELOAD_EVERY = 40;
/** Links opened in the page at once; then the compute pipeline must answer the last. */
const BATCH = 20;

/** The parameter table's domains, to check the store in the page. */
const DOMAINS = PARAM_SPECS.map((s) =>
  s.kind === 'enum'
    ? { key: s.key, options: [...s.options] }
    : { key: s.key, min: s.min, max: s.max, inf: !!(s as NumericSpec).allowInf },
);

/**
 * Wait until the curve for the state on screen is answered: drawn, or refused with the reason
 * shown (a link with data=custom and no file says that no spectrum file has been loaded).
 */
async function settle(page: Page): Promise<void> {
  await expect
    .poll(() => storeState<string>(page, 's.results.status.curve'), { timeout: 30_000 })
    .toMatch(/^(ok|error)$/);
  if ((await storeState<string>(page, 's.results.status.curve')) === 'ok')
    await expect(
      page.locator('svg[data-testid="learning-curve"] path[data-series="Eg"]'),
    ).toHaveCount(1);
  else await expect(page.getByTestId('compute-error')).toContainText('Learning curve');
}

/**
 * In the page: open each link as Back and Forward do (the address bar set, then popstate), let
 * React render the state, and say what is wrong with the page then, in words ([]: nothing).
 * Without links: what is wrong with the page as it is.
 */
function openAll({
  links,
  domains,
}: {
  links: string[];
  domains: typeof DOMAINS;
}): Promise<string[]> {
  const damage = (): string[] => {
    const out: string[] = [];
    const s = (
      window as unknown as {
        __sp: {
          store: {
            getState(): { params: Record<string, unknown>; urlNotices: { message: string }[] };
          };
        };
      }
    ).__sp.store.getState();
    for (const d of domains) {
      const v = s.params[d.key];
      if ('options' in d) {
        if (!d.options!.includes(v as string)) out.push(`${d.key} = ${String(v)}`);
      } else if (typeof v !== 'number' || Number.isNaN(v)) out.push(`${d.key} = ${String(v)}`);
      else if (v === Infinity ? !d.inf : v < d.min! || v > d.max!) out.push(`${d.key} = ${v}`);
    }
    // Markup from the link never becomes elements.
    if (document.querySelector('script:not([src]), [onerror], img[src="x"]'))
      out.push('markup from the link became elements');
    // Every notice is shown, as text.
    const banner = document.querySelector('[data-testid="url-notice"]');
    for (const n of s.urlNotices)
      if (!banner?.textContent?.includes(n.message)) out.push(`notice not shown: ${n.message}`);
    const caption = document.querySelector('[data-testid="caption"]')?.textContent ?? '';
    if (/NaN|undefined/.test(caption)) out.push(`caption: ${caption}`);
    return out;
  };
  return (async () => {
    if (links.length === 0) return damage();
    const found: string[] = [];
    for (const q of links) {
      history.replaceState(null, '', location.pathname + (q.startsWith('?') ? q : `?${q}`));
      window.dispatchEvent(new PopStateEvent('popstate'));
      // The store's update renders in a microtask; a task later the DOM shows this state.
      await new Promise((r) => setTimeout(r, 0));
      found.push(...damage().map((d) => `${q}: ${d}`));
    }
    return found;
  })();
}

test(`${LINKS} hostile links: the page survives each, notices as text, written links reopen cleanly`, async ({
  page,
}) => {
  // About half a minute on a quiet two-core machine (most of it React rendering each state);
  // 2.5 minutes measured at a load average of 17, hence the margin.
  test.setTimeout(240_000);
  const w = watch(page);
  const r = rng(4206);
  const links = Array.from({ length: LINKS }, () => hostileLink(r));
  const found: string[] = [];
  let reloads = 0;
  await page.goto('./?v=1');
  for (let i = 0; i < LINKS; i += BATCH) {
    const batch = links.slice(i, i + BATCH);
    if (i % RELOAD_EVERY === 0) {
      // A full load of a link, then a reload of the link the app wrote for it: no notice.
      const [first] = batch.splice(0, 1);
      await page.goto(`./${first.startsWith('?') ? first : `?${first}`}`);
      await settle(page);
      found.push(...(await page.evaluate(openAll, { links: [], domains: DOMAINS })));
      const written = new URL(page.url()).search;
      await page.reload();
      await settle(page);
      expect(new URL(page.url()).search, first).toBe(written);
      expect(await storeState<unknown[]>(page, 's.urlNotices'), written).toEqual([]);
      await expect(page.getByTestId('url-notice')).toHaveCount(0);
      reloads++;
    }
    found.push(...(await page.evaluate(openAll, { links: batch, domains: DOMAINS })));
    // The compute pipeline keeps up: the state on screen gets its curve (or its reason).
    await settle(page);
  }
  expect(found).toEqual([]);
  expect(reloads).toBe(Math.ceil(LINKS / RELOAD_EVERY));
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});
