// The MNIST world: choose MNIST, the theory runs on the measured spectrum (α, β read off it), real
// digits run with progress and cancel and land on the theory, and the link round-trips.
import { expect, test } from '@playwright/test';
import { waitForCurve, watch } from './helpers.ts';

test('choose MNIST: the theory runs on the measured spectrum, α and β become read-outs', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./');
  await waitForCurve(page);
  await page.getByTestId('data-choice').selectOption('mnist');
  await expect(page).toHaveURL(/data=mnist/);
  await expect(page).toHaveURL(/kernel=relu/);
  await expect(page).toHaveURL(/task=parity/);
  await waitForCurve(page);
  await expect(page.getByTestId('entry-alpha')).toHaveValue('1.31');
  await expect(page.getByTestId('entry-beta')).toHaveValue('1.42');
  await expect(page.getByTestId('entry-M')).toHaveValue('3000');
  await expect(page.getByTestId('entry-alpha')).toBeDisabled();
  await page.getByTestId('data-kernel').selectOption('linear');
  await waitForCurve(page);
  await expect(page.getByTestId('entry-M')).toHaveValue('636');
  expect(w.errors).toEqual([]);
});

test('a link with the data choice opens the same figure', async ({ page, browser }) => {
  await page.goto('./?v=1&data=mnist&kernel=relu&task=lowhigh&P=200&N=inf');
  await waitForCurve(page);
  const d = await page
    .locator('svg[data-testid="learning-curve"] path[data-series="Eg"]')
    .getAttribute('d');
  await expect(page.getByTestId('data-task')).toHaveValue('lowhigh');
  const other = await browser.newPage();
  await other.goto(page.url());
  await waitForCurve(other);
  expect(
    await other
      .locator('svg[data-testid="learning-curve"] path[data-series="Eg"]')
      .getAttribute('d'),
  ).toBe(d);
  await other.close();
});

test('run on real digits: progress, points on the theory; cancel', async ({ page }) => {
  await page.goto(
    './?v=1&data=mnist&kernel=relu&task=parity&P=100&N=inf&regime=gf&sigma2=0&seeds=6&tmin=1&tmax=100000',
  );
  await waitForCurve(page);
  await expect(page.getByTestId('sim-box')).toContainText('Run on real digits');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', {
    timeout: 45_000,
  });
  await expect(page.locator('g[data-series="sim"]')).toHaveCount(1);
  // The box's read-out: the largest gap of the real means to the theory at the same parameters.
  const text = (await page.getByTestId('sim-agreement').textContent()) ?? '';
  const pct = Number(/\(([\d.]+) %\)/.exec(text)?.[1]);
  expect(pct).toBeLessThan(8);
  // Cancel a longer run.
  await page.getByTestId('entry-seeds').fill('40');
  await page.getByTestId('entry-seeds').press('Enter');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-progress')).not.toHaveAttribute('data-done', '0', {
    timeout: 20_000,
  });
  await page.getByTestId('sim-cancel').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'cancelled');
});
