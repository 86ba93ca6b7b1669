// Accessibility: axe-core (the npm package, injected into the page: no CDN) finds no violation on
// the default page, in lecture mode, on MNIST, with the mean-field panels and on the phase
// diagram, each once everything on it is computed. A menu closed with Escape gives the focus back
// to its button.
import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { settled, waitForCurve } from './helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's violations on the page, each as "rule (impact): selectors". */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(c: Document): Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return (found as Violation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | ')}${v.nodes.length > 4 ? ` … ${v.nodes.length} in all` : ''}`,
  );
}

const PAGES: [string, string][] = [
  ['the default page', './'],
  ['lecture mode', './?v=1&theme=lecture&lesson=noise'],
  ['MNIST', './?v=1&data=mnist'],
  ['the mean-field panels', './?v=1&panels=modes,simulation,decomposition,order,inspector'],
  ['the phase diagram', './?v=1&panels=phase'],
];

for (const [what, url] of PAGES)
  test(`axe finds no violation on ${what}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(url);
    await settled(page);
    expect(await violations(page)).toEqual([]);
  });

test('Escape closes a menu and gives the focus back to its button', async ({ page }) => {
  await page.goto('./');
  await waitForCurve(page);
  const summary = page.locator('[data-testid="export-menu"] > summary');
  // From a button inside the menu…
  await summary.click();
  await expect(page.getByTestId('export-menu')).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  const inside = await page.evaluate(
    () => !!document.activeElement?.closest('[data-testid="export-menu"] .menu-body'),
  );
  expect(inside).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-menu')).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();
  // …and from the button itself, opened by keyboard.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-menu')).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-menu')).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();
});
