// Fashion-MNIST through the table of data sources: choosing it takes its own task, the theory runs
// on its measured spectrum (α, β read off it; the spectrum panel draws it), its assets load as
// the digits' do, and real runs on the clothes land on the theory, named as clothes.
import { expect, test } from '@playwright/test';
import { waitForCurve, watch } from './helpers.ts';

test('choose Fashion-MNIST: its own task, its measured spectrum, its words', async ({ page }) => {
  const w = watch(page);
  const data: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/')) data.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto('./');
  await waitForCurve(page);
  await page.getByTestId('data-choice').selectOption('fashion');
  // Its own task replaces the digits' default, without a notice.
  await expect(page).toHaveURL(/data=fashion/);
  await expect(page).toHaveURL(/task=footwear/);
  await expect(page.getByTestId('data-task')).toHaveValue('footwear');
  await expect(page.locator('[data-testid="data-task"] option')).toHaveText([
    'footwear vs the rest',
    'tops vs the rest',
  ]);
  await waitForCurve(page);
  await expect(page.getByTestId('entry-alpha')).toHaveValue('1.18');
  await expect(page.getByTestId('entry-beta')).toHaveValue('1.39');
  await expect(page.getByTestId('entry-M')).toHaveValue('3000');
  const spectrum = page.locator('svg[data-testid="spectrum"]');
  await expect(spectrum.locator('[data-testid="alpha-label"]')).toContainText('α = 1.18');
  await expect(spectrum.locator('path[data-series="lambda"]')).toHaveCount(1);
  await expect(spectrum.locator('[data-testid="fit-range"]').first()).toContainText('k = 10…300');
  expect(data).toContain('fashion-spectra.bin');
  expect(data).not.toContain('fashion-pool.bin');
  expect(data).not.toContain('mnist-spectra.bin');
  const edge = page.locator('svg[data-testid="scaling-P"] [data-testid="modes-edge"]');
  await expect(edge).toContainText('P = pool (3000 images)');
  await expect(
    page.locator('svg[data-testid="scaling-P"] [data-testid="fit-label"]'),
    // The label's lines are tspans: its text reads without a space where a line breaks.
  ).toContainText(/not\s?Fashion-MNIST\s?at\s?large$/);
  // The same images with another task: the same α, the task's own β.
  await page.getByTestId('data-task').selectOption('tops');
  await waitForCurve(page);
  await expect(page.getByTestId('entry-alpha')).toHaveValue('1.18');
  await expect(page.getByTestId('entry-beta')).not.toHaveValue('1.39');
  // The linear kernel: every pixel varies over the clothes, rank 784.
  await page.getByTestId('data-kernel').selectOption('linear');
  await waitForCurve(page);
  await expect(page.getByTestId('entry-M')).toHaveValue('784');
  // Back to the digits: their own task again.
  await page.getByTestId('data-choice').selectOption('mnist');
  await expect(page).toHaveURL(/task=parity/);
  await waitForCurve(page);
  await expect(page.getByTestId('entry-M')).toHaveValue('636');
  expect(w.errors).toEqual([]);
});

test('run on real clothes: progress, points on the theory, legends name the clothes', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto(
    './?v=1&data=fashion&kernel=relu&task=footwear&P=100&N=inf&regime=gf&sigma2=0&seeds=6&tmin=1&tmax=100000',
  );
  await waitForCurve(page);
  const box = page.getByTestId('sim-box');
  await expect(box).toContainText('Run on real clothes');
  await expect(page.getByTestId('real-note')).toContainText(
    'Draws P = 100 distinct images from the pool of 3000',
  );
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', {
    timeout: 45_000,
  });
  await expect(page.getByTestId('sim-status')).toContainText('Done: 6 draws');
  await expect(page.locator('g[data-series="sim"]')).toHaveCount(1);
  await expect(page.getByTestId('legend').first()).toContainText(
    'real clothes Eg, 6 draws (±1 s.e.m.)',
  );
  const text = (await page.getByTestId('sim-agreement').textContent()) ?? '';
  const pct = Number(/\(([\d.]+) %\)/.exec(text)?.[1]);
  expect(pct).toBeLessThan(8);
  // Real points on the P panel, named as clothes.
  await expect(page.getByTestId('real-sweep-run')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('entry-seeds').fill('2');
  await page.getByTestId('entry-seeds').press('Enter');
  await expect(page.getByTestId('real-sweep-run')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('real-sweep-run').click();
  await expect(page.getByTestId('real-sweep-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  const panel = page.locator('svg[data-testid="scaling-P"]');
  await expect(panel.locator('g[data-series="real"] circle')).toHaveCount(5);
  await expect(panel).toContainText('real clothes, 2 draws');
  expect(w.errors).toEqual([]);
});
