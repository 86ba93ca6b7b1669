import { expect, test } from '@playwright/test';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { storeState, waitForCurve, watch } from './helpers.ts';

test('every lesson loads without error, with non-empty curves and filled-in numbers', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await page.goto('./');
  await waitForCurve(page);
  for (const [i, lesson] of LESSONS.entries()) {
    await page.getByTestId('lesson-select').selectOption(lesson.id);
    const panel = page.getByTestId('lesson');
    await expect(panel).toHaveAttribute('data-lesson', lesson.id);
    await expect(panel).toContainText(lesson.title);
    await waitForCurve(page);
    expect(page.url()).toContain(`lesson=${lesson.id}`);
    // Every visible panel has its data.
    const panels = await storeState<string[]>(page, 's.view.panels');
    for (const axis of ['P', 'N']) {
      if (!panels.includes(`scaling${axis}`)) continue;
      await expect(
        page.locator(`svg[data-testid="scaling-${axis}"] path[data-series="sweep"]`),
      ).toHaveCount(1, {
        timeout: 30_000,
      });
    }
    if (panels.includes('frontier')) {
      await expect(
        page.locator('svg[data-testid="scaling-C"] path[data-series="sweep"]'),
      ).toHaveCount(1, { timeout: 30_000 });
    }
    if (lesson.id === 'compute') {
      expect(panels).toContain('frontier');
      await expect(
        page.locator('svg[data-testid="scaling-C"] path[data-series="sweep"]'),
      ).toHaveAttribute('d', /^M/);
    }
    if (panels.includes('modes')) {
      await expect(page.locator('svg[data-testid="modes"] g[data-series="heatmap"]')).toHaveCount(
        1,
        { timeout: 20_000 },
      );
    }
    // Placeholders are all replaced by computed numbers (none left pending or raw).
    await expect
      .poll(async () => (await panel.textContent()) ?? '', { timeout: 30_000 })
      .not.toMatch(/…|\{[a-zA-Z]+\}|NaN|undefined/);
    await expect(page.getByTestId('compute-error')).toHaveCount(0);
    expect(w.errors, lesson.id).toEqual([]);
    // Keyboard navigation reaches the next lesson too.
    if (i === 0) {
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('n');
      await expect(panel).toHaveAttribute('data-lesson', LESSONS[1].id);
      await page.keyboard.press('p');
      await expect(panel).toHaveAttribute('data-lesson', LESSONS[0].id);
    }
  }
});

test('a lesson with a pin draws the pinned curve', async ({ page }) => {
  await page.goto('./');
  await waitForCurve(page);
  await page.getByTestId('lesson-select').selectOption('stop-vs-decay');
  await expect(page.locator('path[data-series="pin"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('.pin-label')).toContainText('decay');
  // A shared link of the lesson reproduces the pin.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.locator('path[data-series="pin"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(other.getByTestId('lesson')).toHaveAttribute('data-lesson', 'stop-vs-decay');
});
