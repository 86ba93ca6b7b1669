// The phase diagram: click to set (α, β), drag the marker, move it with the keyboard, change the
// exponent shown, the link round trip and the exports (SVG, PNG, the grid as CSV).
import { expect, test, type Page } from '@playwright/test';
import { exportItem, storeState, waitForCurve, watch } from './helpers.ts';

// A small state: N = ∞ and no noise, so the data law holds; sweeps at t → ∞ are fast.
const LINK = './?v=1&regime=gf&alpha=1.5&beta=2&P=1000&N=inf&sigma2=0&panels=phase&phase=data-inf';

const ab = (page: Page) => storeState<[number, number]>(page, '[s.params.alpha, s.params.beta]');

/** Page coordinates of (α, β) on the map (the plot's hit rectangle spans the axes' ranges). */
async function at(page: Page, alpha: number, beta: number) {
  await page.locator('svg[data-testid="phase-diagram"]').scrollIntoViewIfNeeded();
  const box = (await page
    .locator('svg[data-testid="phase-diagram"] rect.sp-phase-hit')
    .boundingBox())!;
  return {
    x: box.x + ((alpha - 1.05) / (4 - 1.05)) * box.width,
    y: box.y + box.height - ((beta - 1.05) / (6 - 1.05)) * box.height,
  };
}

test('phase diagram: click, drag, keys, exponent, link and exports', async ({ page }) => {
  const w = watch(page);
  await page.goto(LINK);
  await waitForCurve(page);
  const svg = page.locator('svg[data-testid="phase-diagram"]');
  await expect(svg).toHaveAttribute('data-exponent', 'data-inf');
  // The boundary of the data law, labelled with its equation.
  await expect(svg.getByTestId('phase-boundary-label')).toHaveText(['β = 2α + 1']);
  // The fitted grid arrives progressively, coarse first; dots carry their deviation.
  await expect(svg.locator('g[data-series="phase-dots"] circle').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('phase-note')).toContainText('data-limited law predicts −1.00');

  // Click sets α, β (rounded to 0.01).
  const p1 = await at(page, 3, 3);
  await page.mouse.click(p1.x, p1.y);
  await expect.poll(() => ab(page)).toEqual([3, 3]);
  // Hovering shows the predicted value, the law and its condition.
  const tip = svg.getByTestId('phase-tooltip');
  await expect(tip).toContainText('predicted');
  await expect(tip).toContainText('data-limited');

  // The map's static layers (regions, contours, boundaries, legend) stay untouched while the
  // marker moves: the same DOM nodes, not one mutation in them (only the marker redraws).
  const STATIC =
    'svg[data-testid="phase-diagram"] :is([data-series="phase-region"], [data-series="phase-contours"], [data-series="phase-boundary"], [data-testid="phase-legend"])';
  const nStatic = await page.evaluate((sel) => {
    const w = window as unknown as { __static: Element[]; __staticMutations: number };
    w.__static = [...document.querySelectorAll(sel)];
    w.__staticMutations = 0;
    const mo = new MutationObserver((l) => (w.__staticMutations += l.length));
    for (const el of w.__static)
      mo.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
    return w.__static.length;
  }, STATIC);
  expect(nStatic).toBeGreaterThan(3);

  // Drag the marker from (3, 3) to (1.5, 5): above β = 2α + 1, where −2α holds.
  const p2 = await at(page, 1.5, 5);
  await page.mouse.move(p1.x, p1.y);
  await page.mouse.down();
  await page.mouse.move((p1.x + p2.x) / 2, (p1.y + p2.y) / 2, { steps: 4 });
  await page.mouse.move(p2.x, p2.y, { steps: 4 });
  await page.mouse.up();
  // The page above the map may reflow while α and β change, so the end point is approximate;
  // the marker must have followed the pointer up and to the left, across the line.
  const [a2, b2] = await ab(page);
  expect(a2).toBeLessThan(2.5);
  expect(b2).toBeGreaterThan(3.5);
  const kept = await page.evaluate((sel) => {
    const w = window as unknown as { __static: Element[]; __staticMutations: number };
    const now = [...document.querySelectorAll(sel)];
    return {
      same: now.length === w.__static.length && now.every((el, i) => el === w.__static[i]),
      mutations: w.__staticMutations,
    };
  }, STATIC);
  expect(kept).toEqual({ same: true, mutations: 0 });
  const predicted = -Math.min(b2 - 1, 2 * a2);
  await expect(page.getByTestId('phase-note')).toContainText(
    `predicts −${(-predicted).toFixed(2)}`,
  );

  // Keyboard: the focused marker moves by 0.05 (visible focus ring).
  const marker = svg.getByTestId('phase-marker');
  await marker.focus();
  await expect(marker.locator('circle.sp-phase-focus')).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => ab(page)).toEqual([+(a2 + 0.05).toFixed(2), +(b2 + 0.05).toFixed(2)]);

  // The exponent shown: model N at t → ∞ has the boundary β = α + 1; the link names it.
  await page.getByTestId('phase-exponent').selectOption('model-inf');
  await expect(svg).toHaveAttribute('data-exponent', 'model-inf');
  await expect(svg.getByTestId('phase-boundary-label')).toHaveText(['β = α + 1']);
  await expect.poll(() => page.url()).toContain('phase=model-inf');

  // Round trip: the link opens the same view.
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await waitForCurve(page);
  await expect(svg).toHaveAttribute('data-exponent', 'model-inf');
  expect(await ab(page)).toEqual([+(a2 + 0.05).toFixed(2), +(b2 + 0.05).toFixed(2)]);

  // Exports: a standalone SVG of the map, a PNG, and the grid as CSV.
  await expect(svg.locator('g[data-series="phase-dots"] circle').first()).toBeVisible({
    timeout: 30_000,
  });
  const s = await exportItem(page, 'export-phase-diagram-svg');
  expect(s.name).toMatch(/phase-diagram\.svg$/);
  expect(s.text).toContain('β = α + 1');
  expect(s.text).not.toContain('var(--');
  const png = await exportItem(page, 'export-phase-diagram-png');
  expect(png.name).toMatch(/phase-diagram\.png$/);
  const csv = await exportItem(page, 'export-phase-csv');
  // It opens with the figure's description (the footer's line), the parameters and the link.
  const all = csv.text.trim().split('\n');
  const comments = all.filter((l) => l.startsWith('# '));
  expect(all.slice(0, comments.length)).toEqual(comments);
  expect(comments[1]).toMatch(/^# Phase diagram: the exponent of .* · α from /);
  expect(comments).toContain(`# link: ${page.url()}`);
  const lines = all.slice(comments.length);
  expect(lines[0]).toBe('alpha,beta,predicted,fitted,law');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines[1]).toMatch(/^[\d.]+,[\d.]+,-[\d.]+,(-?[\d.]*),model:(target|spectrum)/);
  expect(w.errors).toEqual([]);
});

test('phase diagram: measured data say what α and β are, and the grid is n/a', async ({ page }) => {
  await page.goto('./?v=1&data=mnist&panels=phase&phase=time');
  await waitForCurve(page);
  await expect(page.getByTestId('phase-note')).toContainText('Measured spectrum');
  await expect(page.getByTestId('phase-progress')).toHaveText(
    'Fitted grid: n/a for measured data.',
  );
  await expect(
    page.locator('svg[data-testid="phase-diagram"] g[data-series="phase-dots"]'),
  ).toHaveCount(0);
});
