import { expect, test, type Page } from '@playwright/test';
import { storeState, waitForCurve, watch } from './helpers.ts';

// The mean field's internals: the parts of E_g, the order parameters and the mode inspector.
// Small sizes (P = N = 64 at the peak, M = 256) keep each test to a few seconds.
const PANELS = 'panels=modes,simulation,decomposition,order,inspector';
const BASE = `./?v=1&regime=gf&alpha=1.5&beta=2&P=64&N=128&M=256&sigma2=0.05&${PANELS}`;

async function waitFor(page: Page, kind: string): Promise<void> {
  await expect
    .poll(() => storeState<string>(page, `s.results.status.${kind}`), { timeout: 20_000 })
    .toBe('ok');
}

test('the decomposition and the order parameters render on the curve’s time axis', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto(BASE);
  await waitForCurve(page);
  await waitFor(page, 'parts');
  await waitFor(page, 'order');
  const dec = page.getByTestId('decomposition');
  // Gradient flow with label noise: signal and noise drawn, temperature and init are not.
  for (const part of ['signal', 'noise'])
    await expect(dec.locator(`path[data-part="${part}"]`)).toHaveAttribute('d', /^M.{40,}/);
  await expect(dec.locator('path[data-part="temperature"]')).toHaveCount(0);
  await expect(dec.locator('path[data-part="init"]')).toHaveCount(0);
  await expect(dec).toContainText('temperature: 0 (not Langevin)');
  await expect(dec).toContainText('init: 0 (σ₀² = 0)');
  // The early-stopping sentence and the t → ∞ split are the engine's numbers.
  const claims = page.getByTestId('decomposition-claims');
  const es = await storeState<{ case: string }>(page, 's.results.curve.earlyStop');
  if (es.case === 'inside')
    await expect(claims).toContainText('falling signal part meets the rising label noise part');
  await expect(claims).toContainText('t → ∞: signal (ridge bias)');

  const order = page.getByTestId('order-parameters');
  for (const s of ['kappa', 'R', 'amplification'])
    await expect(order.locator(`path[data-series="${s}"]`)).toHaveAttribute('d', /^M.{40,}/);
  // One formula per series (KaTeX once loaded), with the numbers.
  await expect(order.locator('[data-formula]')).toHaveCount(3);
  await expect(page.getByTestId('order-claims')).toContainText('stays finite');
  // Same τ as t: the first and last tick labels of both time axes agree.
  const ticks = (id: string) =>
    page.locator(`svg[data-testid="${id}"] .sp-axis--bottom text.sp-tick-label`).allTextContents();
  expect(await ticks('order-chart')).toEqual(await ticks('learning-curve'));
  expect(await ticks('decomposition')).toEqual(await ticks('learning-curve'));
  expect(w.errors).toEqual([]);
});

test('at N = P the amplification is said to diverge', async ({ page }) => {
  await page.goto(BASE.replace('N=128', 'N=64'));
  await waitFor(page, 'order');
  await expect(page.getByTestId('order-claims')).toContainText(
    'diverges as τ → ∞ at interpolation, N = P = 64',
  );
});

test('the mode inspector follows a click, the keyboard, and a link', async ({ page, browser }) => {
  await page.goto(BASE);
  await waitFor(page, 'modes');
  await waitFor(page, 'mode');
  const insp = page.getByTestId('mode-inspector');
  await expect(insp).toHaveAttribute('data-k', '10');

  // Click near the top of the heat map: a large k.
  const map = page.locator('svg[data-testid="modes"]');
  const box = (await map.locator('g[data-series="heatmap"]').boundingBox())!;
  await map.click({ position: await relative(map, box.x + box.width / 2, box.y + 3) });
  await expect.poll(async () => Number(await insp.getAttribute('data-k'))).toBeGreaterThan(10);
  const clicked = Number(await insp.getAttribute('data-k'));
  expect(await storeState<number>(page, 's.view.mode')).toBe(clicked);
  await expect(map.locator('line[data-testid="mode-selected"]')).toHaveCount(1);

  // Type k, then step with the arrows.
  const entry = page.getByTestId('mode-k');
  await entry.fill('30');
  await entry.press('Enter');
  await expect(insp).toHaveAttribute('data-k', '30');
  await entry.press('ArrowUp');
  await expect(insp).toHaveAttribute('data-k', '31');
  // The mode panel itself takes the focus (visibly) and steps to the next row down.
  await map.focus();
  await expect(map).toBeFocused();
  expect(await map.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await map.press('ArrowDown');
  await expect.poll(async () => Number(await insp.getAttribute('data-k'))).toBeLessThan(31);
  await waitFor(page, 'mode');
  const k = await insp.getAttribute('data-k');
  await expect(page.getByTestId('mode-claims')).toContainText(`Mode k = ${k}: eigenvalue λ`);
  await expect(
    page.locator('svg[data-testid="mode-chart"] path[data-series="ell"]'),
  ).toHaveAttribute('d', /^M.{40,}/);

  // A link reproduces the view: same panels, same mode.
  expect(page.url()).toContain(`mode=${k}`);
  const other = await browser.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('mode-inspector')).toHaveAttribute('data-k', k!);
  await expect(other.getByTestId('decomposition')).toBeVisible();
  await expect(other.getByTestId('order-parameters')).toBeVisible();
  await other.close();
});

test('after a simulation the inspector shows the simulated per-mode mean', async ({ page }) => {
  await page.goto(`${BASE}&mode=3&seeds=4&tmin=0.01&tmax=10000&nt=40`);
  await waitFor(page, 'mode');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000,
  });
  const points = page.locator('svg[data-testid="mode-chart"] g[data-testid="sim-mode"] circle');
  await expect.poll(() => points.count()).toBeGreaterThan(5);
  await expect(page.getByTestId('mode-claims')).toContainText(
    'mean coefficient on population mode k = 3',
  );
  // The same run's parts (it ran with the decomposition open) as points on the decomposition.
  const dec = page.getByTestId('decomposition');
  for (const part of ['signal', 'noise'])
    await expect
      .poll(() => dec.locator(`g[data-sim-part="${part}"] circle`).count())
      .toBeGreaterThan(5);
  await expect(dec.locator('g[data-sim-part="temperature"]')).toHaveCount(0);
  await expect(dec).toContainText('simulation, 4 seeds (±1 s.e.m.)');
});

/** Page coordinates → a position relative to the element. */
async function relative(
  el: ReturnType<Page['locator']>,
  x: number,
  y: number,
): Promise<{ x: number; y: number }> {
  const b = (await el.boundingBox())!;
  return { x: x - b.x, y: y - b.y };
}
