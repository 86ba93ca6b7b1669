import { test } from '@playwright/test';
import { waitForCurve } from './helpers.ts';
const SHOTS = (process.env.SHOTS ?? '').split(' ').filter(Boolean);
test('shots', async ({ page }) => {
  test.setTimeout(300_000);
  for (const spec of SHOTS) {
    const [q, w, h, name] = spec.split('|');
    await page.setViewportSize({ width: Number(w), height: Number(h) });
    await page.goto(`./?${q}`);
    await waitForCurve(page);
    await page.waitForTimeout(6000);
    await page.screenshot({ path: `/tmp/lx/${name}.png` });
  }
});
