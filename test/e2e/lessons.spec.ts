import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { storeState, waitForCurve, watch } from './helpers.ts';

/** Wait until nothing is being computed (the lesson's sentences depend on every result). */
async function settle(page: Page): Promise<void> {
  await waitForCurve(page);
  await expect
    .poll(
      () =>
        storeState<string[]>(
          page,
          "Object.keys(s.results.status).filter((k) => s.results.status[k] === 'pending')",
        ),
      { timeout: 30_000 },
    )
    .toEqual([]);
}

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

test('every lesson step: "Try it" keeps its promise on screen, the link names the step, "Back" returns', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const w = watch(page);
  // The real runs of lesson 11 are started by the user; its sentences say so until then.
  for (const lesson of LESSONS) {
    await page.goto(`./?v=1&lesson=${lesson.id}`);
    const panel = page.getByTestId('lesson');
    await expect(panel).toHaveAttribute('data-step', '0');
    await settle(page);
    for (let k = 1; k <= lesson.steps.length; k++) {
      await page.getByTestId('lesson-try').click();
      await expect(panel).toHaveAttribute('data-step', String(k));
      await settle(page);
      await expect(panel, lesson.id).toHaveAttribute('data-modified', 'false');
      await expect(page.getByTestId('lesson-modified')).toHaveCount(0);
      expect(new URL(page.url()).searchParams.get('step'), lesson.id).toBe(String(k));
      // Every sentence of the step's promise is shown (its claims hold there), with its numbers.
      const shown = await panel.locator('p.lesson-sentence').allTextContents();
      const promise = lesson.steps[k - 1].then.filter((t) => t.otherwise === undefined);
      const text = shown.join(' ');
      expect(text, lesson.id).not.toMatch(/…|\{[a-zA-Z]+\}|NaN|undefined/);
      expect(shown.length, lesson.id).toBeGreaterThanOrEqual(promise.length);
      // The link reopens the step, with nothing to report.
      const link = page.url();
      const other = await page.context().newPage();
      await other.goto(link);
      await expect(other.getByTestId('lesson')).toHaveAttribute('data-step', String(k));
      await expect(other.getByTestId('url-notice')).toHaveCount(0);
      await other.close();
    }
    await expect(page.getByTestId('lesson-try')).toHaveCount(0);
    await page.getByTestId('lesson-back').click();
    await expect(panel).toHaveAttribute('data-step', String(lesson.steps.length - 1));
    await expect(page.getByTestId('lesson-try')).toHaveCount(1);
  }
  expect(w.errors).toEqual([]);
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
