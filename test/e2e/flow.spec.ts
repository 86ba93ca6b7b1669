// Small things that break a lecture's flow: focus after "Copy link", history entries of arrow-key
// steps, links without a version or with overflowing numbers or unknown panels, the t_max box,
// the phone layout, decimal commas, and E_tr named only while drawn.
import { expect, test } from '@playwright/test';
import { storeState, waitForCurve, watch } from './helpers.ts';

test('after Copy link the shortcuts work at once', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await waitForCurve(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-url')).toHaveValue(page.url());
  await page.keyboard.press('k');
  await expect(page.locator('.pin-label')).toHaveCount(1);
});

test('arrow-key steps on a slider make one history entry per pause', async ({ page }) => {
  await page.goto('./');
  await waitForCurve(page);
  await page.getByTestId('slider-alpha').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => storeState<number>(page, 's.params.alpha')).toBe(1.65);
  await page.waitForTimeout(1000); // the pause
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(1000);
  expect(new URL(page.url()).searchParams.get('alpha')).toBe('1.7');
  await page.goBack();
  await expect.poll(() => storeState<number>(page, 's.params.alpha')).toBe(1.65);
  await page.goBack();
  await expect.poll(() => storeState<number>(page, 's.params.alpha')).toBe(1.5);
});

test('links: no version is fine, 1e400 is reported, unknown panels keep the defaults', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./?alpha=2&P=800');
  await waitForCurve(page);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  expect(await storeState<number>(page, 's.params.alpha')).toBe(2);

  await page.goto('./?v=1&N=1e400');
  await waitForCurve(page);
  await expect(page.getByTestId('url-notice')).toContainText('N = “1e400”');
  await expect(page.getByTestId('url-notice')).toContainText('overflows');
  expect(await storeState<number>(page, 's.params.N')).toBe(1e7);

  await page.goto('./?v=1&panels=foo,bar');
  await waitForCurve(page);
  await expect(page.getByTestId('url-notice')).toContainText('unknown panels “foo”, “bar”');
  await expect(page.locator('svg[data-testid="scaling-P"]')).toHaveCount(1);
  expect(w.errors).toEqual([]);
});

test('typed entry: a decimal comma; the t_max box shows 100000000 whole', async ({ page }) => {
  await page.goto('./?v=1&tmin=0.01&tmax=100000000');
  await waitForCurve(page);
  const tmax = page.getByTestId('entry-tmax');
  await expect(tmax).toHaveValue('100000000');
  const fit = await tmax.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fit).toBe(true);
  await page.getByTestId('entry-alpha').fill('2,5');
  await page.getByTestId('entry-alpha').press('Enter');
  await expect.poll(() => storeState<number>(page, 's.params.alpha')).toBe(2.5);
  await page.getByTestId('entry-alpha').fill('abc');
  await page.getByTestId('entry-alpha').press('Enter');
  await expect(page.getByTestId('msg-alpha')).toContainText('try 1.5;');
});

test('lesson 1 with E_tr hidden does not name E_tr', async ({ page }) => {
  await page.goto('./?lesson=time&etr=0');
  await waitForCurve(page);
  await expect(page.getByTestId('caption')).toContainText('Test error');
  await expect(page.getByTestId('caption')).not.toContainText('training error');
  await expect(page.locator('path[data-series="Etr"]')).toHaveCount(0);
});

test.describe('a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('formulas scroll in their box, the controls sit under the plot, no key badges', async ({
    page,
  }) => {
    const w = watch(page);
    await page.goto('./');
    await waitForCurve(page);
    await expect(page.locator('[data-testid="formulas"] .katex').first()).toBeVisible({
      timeout: 20_000,
    });
    // Each formula's box is inside the page width; a wider formula scrolls inside its box.
    const formulas = await page.locator('[data-testid="formulas"] dd').evaluateAll((els) =>
      els.map((el) => ({
        right: el.getBoundingClientRect().right,
        scrolls: getComputedStyle(el).overflowX === 'auto',
        wide: el.scrollWidth > el.clientWidth,
      })),
    );
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      expect(f.right).toBeLessThanOrEqual(375);
      if (f.wide) expect(f.scrolls).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    // The plot and a slider on one screen, without scrolling.
    const plot = (await page.locator('svg[data-testid="learning-curve"]').boundingBox())!;
    const slider = (await page.getByTestId('slider-alpha').boundingBox())!;
    expect(plot.y).toBeGreaterThanOrEqual(0);
    expect(slider.y + slider.height).toBeLessThanOrEqual(740);
    expect(plot.y + plot.height * 0.8).toBeLessThan(
      (await page.getByTestId('controls-sheet').boundingBox())!.y,
    );
    // Moving the slider moves the curve above it.
    const before = await page
      .locator('svg[data-testid="learning-curve"] path[data-series="Eg"]')
      .getAttribute('d');
    await page.getByTestId('entry-beta').fill('3');
    await page.getByTestId('entry-beta').press('Enter');
    await expect(
      page.locator('svg[data-testid="learning-curve"] path[data-series="Eg"]'),
    ).not.toHaveAttribute('d', before!);
    // The sheet folds away.
    await page.getByTestId('sheet-toggle').click();
    await expect(page.getByTestId('slider-alpha')).toBeHidden();
    // No key-hint badge is shown on a touch screen.
    const badges = await page
      .locator('kbd')
      .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(badges).toBe(0);
    expect(w.errors).toEqual([]);
  });
});
