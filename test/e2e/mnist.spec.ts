// The MNIST world: choose MNIST, the theory runs on the measured spectrum (α, β read off it), real
// digits run with progress and cancel and land on the theory, and the link round-trips.
import { expect, test } from '@playwright/test';
import { waitForCurve, watch } from './helpers.ts';

test('choose MNIST: the theory runs on the measured spectrum, α and β become read-outs', async ({
  page,
}) => {
  const w = watch(page);
  const data: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/')) data.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto('./');
  await waitForCurve(page);
  // The digit assets load only when MNIST is chosen, and the pool only for a real run.
  expect(data).toEqual([]);
  await page.getByTestId('data-choice').selectOption('mnist');
  await expect(page).toHaveURL(/data=mnist/);
  await expect(page).toHaveURL(/kernel=relu/);
  await expect(page).toHaveURL(/task=parity/);
  await waitForCurve(page);
  await expect(page.getByTestId('entry-alpha')).toHaveValue('1.31');
  await expect(page.getByTestId('entry-beta')).toHaveValue('1.42');
  await expect(page.getByTestId('entry-M')).toHaveValue('3000');
  await expect(page.getByTestId('entry-alpha')).toBeDisabled();
  // The spectrum plot: measured λ_k and c_k with the fitted laws and their fit range, and the
  // read-out names the same range; the fitted power law's curve is dashed on the learning curve.
  const spectrum = page.locator('svg[data-testid="spectrum"]');
  await expect(spectrum.locator('[data-testid="alpha-label"]')).toContainText('α = 1.31');
  await expect(spectrum.locator('[data-testid="beta-label"]')).toContainText('β = 1.42');
  await expect(spectrum.locator('[data-testid="fit-range"]').first()).toContainText('k = 10…300');
  await expect(page.locator('[data-param="alpha"]')).toContainText('over modes k = 10…300');
  await expect(page.locator('path[data-series="fitted"]')).toHaveCount(1);
  await expect(page.getByTestId('legend').first()).toContainText('fitted power laws, α = 1.31');
  expect(data).toContain('mnist-spectra.bin');
  expect(data).not.toContain('mnist-pool.bin');
  // The P panel sweeps past the pool: P = pool is marked, and the fit stops below it.
  const edge = page.locator('svg[data-testid="scaling-P"] [data-testid="modes-edge"]');
  await expect(edge).toContainText('P = pool (3000 digits)');
  await expect(
    page.locator('svg[data-testid="scaling-P"] [data-testid="fit-label"]'),
  ).toContainText(
    // The label's lines are tspans: its text reads without a space where a line breaks.
    /^fit \(P < 3000\):\s?(slope\s?−0\.\d\d|none\s?\(no\s?stable\s?slope\)).*beyond:\s?pool\s?memorised,\s?not\s?MNIST\s?at\s?large$/,
  );
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

test('real points on the P scaling panel land on the theory', async ({ page }) => {
  await page.goto('./?v=1&data=mnist&kernel=relu&task=parity&N=inf&regime=gf&sigma2=0&seeds=3');
  await waitForCurve(page);
  await expect(page.getByTestId('real-sweep-run')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('real-sweep-run').click();
  await expect(page.getByTestId('real-sweep-status')).toHaveAttribute('data-status', 'done', {
    timeout: 45_000,
  });
  await expect(
    page.locator('svg[data-testid="scaling-P"] g[data-series="real"] circle'),
  ).toHaveCount(5);
  // Within 4 s.e.m. or 5 % of the theory at every P (3 draws each).
  const text = (await page.getByTestId('real-sweep-agreement').textContent()) ?? '';
  const z = Number(/gap to the theory: ([\d.]+) s\.e\.m\./.exec(text)?.[1]);
  const pct = Number(/\(([\d.]+) %\)/.exec(text)?.[1]);
  expect(z < 4 || pct < 5).toBe(true);
});

test('your own spectrum: a bad CSV is rejected with its line; a good one runs, saves, and a link asks for the file', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./');
  await waitForCurve(page);
  await page.getByTestId('custom-open').click();
  await page.getByTestId('custom-text').fill('eigenvalue,power\n0.5,0.3\n0.2,x\n');
  await page.getByTestId('custom-apply').click();
  await expect(page.getByTestId('custom-error')).toHaveText('line 3: target “x” is not a number');
  const rows = Array.from({ length: 400 }, (_, i) => `${(i + 1) ** -1.5},${(i + 1) ** -2}`);
  await page.getByTestId('custom-text').fill(rows.join('\n'));
  await page.getByTestId('custom-apply').click();
  await expect(page.getByTestId('custom-dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/data=custom/);
  await waitForCurve(page);
  await expect(page.locator('svg[data-testid="spectrum"]')).toContainText('Your spectrum');
  await expect(page.getByTestId('entry-alpha')).toHaveValue('1.5');
  const d = await page
    .locator('svg[data-testid="learning-curve"] path[data-series="Eg"]')
    .getAttribute('d');
  const download = page.waitForEvent('download');
  await page.getByTestId('custom-export').click();
  const file = await (await download).path();
  // The link carries the choice, not the file: it says so, and the saved file brings it back.
  await page.goto(page.url());
  await expect(page.getByTestId('custom-missing')).toContainText('shared as a file');
  await page.getByTestId('custom-open').click();
  await page.getByTestId('custom-file').setInputFiles(file);
  await expect(page.getByTestId('custom-preview')).toContainText('400 modes');
  await page.getByTestId('custom-apply').click();
  await waitForCurve(page);
  await expect(
    page.locator('svg[data-testid="learning-curve"] path[data-series="Eg"]'),
  ).toHaveAttribute('d', d!);
  expect(w.errors.filter((e) => !/no spectrum file/.test(e))).toEqual([]);
});
