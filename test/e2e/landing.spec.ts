import { expect, test, type Page } from '@playwright/test';
import { waitForCurve } from './helpers.ts';

// The landing page (no link keys) shows the three laws at work: the exponent table's rows t, P
// and N each hold a fitted slope within 0.05 of its prediction, and both scaling panels label a
// fit and a prediction, never "no stable slope" (test/claims/landing.test.ts checks the numbers
// against the engine; this checks that the page shows them).
const TOL = 0.05;

async function row(
  page: Page,
  key: 't' | 'P' | 'N',
): Promise<{ fitted: number; predicted: number }> {
  const tr = page.locator(`tr[data-testid="exp-${key}"]`);
  await expect(tr).toHaveAttribute('data-fitted', /\d/, { timeout: 30_000 });
  await expect(tr).toHaveAttribute('data-predicted', /\d/, { timeout: 30_000 });
  return {
    fitted: Number(await tr.getAttribute('data-fitted')),
    predicted: Number(await tr.getAttribute('data-predicted')),
  };
}

test('the landing page shows a fitted slope in t, P and N at its predicted law', async ({
  page,
}) => {
  await page.goto('./');
  await waitForCurve(page);
  for (const key of ['t', 'P', 'N'] as const) {
    const r = await row(page, key);
    expect(Math.abs(r.fitted - r.predicted), key).toBeLessThanOrEqual(TOL);
    expect(r.predicted, key).toBeLessThan(0);
  }
  for (const axis of ['P', 'N']) {
    const label = page.locator(`svg[data-testid="scaling-${axis}"] [data-testid="fit-label"]`);
    await expect(label).toHaveText(/fit: slope −\d\.\d\d ·\s*predicted −\d\.\d\d/, {
      timeout: 30_000,
    });
    await expect(label).not.toContainText('no stable slope');
  }
  await expect(page.locator('body')).not.toContainText('no stable slope');
});
