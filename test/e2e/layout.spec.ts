// Layout and keyboard checks a user would make: nothing sticks out sideways on a phone, wide
// formulas scroll inside their panel, the header fits, and the help dialog keeps the keyboard.
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { waitForCurve, watch } from './helpers.ts';

/** Elements whose box reaches past the right edge of the viewport without a scrolling (or
 * clipping) ancestor to contain them: what a user would see cut off or could pan to. */
async function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    const contained = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o !== 'visible') return a.getBoundingClientRect().right <= vw + 0.5;
      }
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.katex-mathml')) continue; // KaTeX's visually hidden MathML copy
      if (!el.checkVisibility()) continue; // e.g. the contents of a closed menu
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 0.5 || contained(el)) continue;
      out.push(
        `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(r.right)}`,
      );
    }
    return out.slice(0, 10);
  });
}

async function expectNoSidewaysOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBe(innerWidth);
  expect(await sticksOut(page)).toEqual([]);
}

/** Every formula either fits or scrolls inside its own box, and scrolling it shows its end. */
async function expectFormulasContained(page: Page) {
  const formulas = page.locator('[data-testid="formulas"] dd');
  await expect(formulas.first().locator('.katex')).toBeVisible({ timeout: 20_000 });
  const boxes = await formulas.evaluateAll((dds) =>
    dds.map((dd) => {
      const el = dd as HTMLElement;
      const overflowX = getComputedStyle(el).overflowX;
      const wider = el.scrollWidth > el.clientWidth + 1;
      el.scrollLeft = el.scrollWidth;
      const katex = el.querySelector('.katex-html')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { overflowX, wider, endVisible: katex.right <= box.right + 1 };
    }),
  );
  expect(boxes.length).toBeGreaterThan(1);
  expect(boxes.some((b) => b.wider)).toBe(true); // at 375 px some formulas are wider than the panel
  for (const b of boxes) {
    if (b.wider) expect(b.overflowX).toBe('auto');
    expect(b.endVisible).toBe(true);
  }
}

test.describe('phone (375 × 812)', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the default page fits the screen: no sideways scroll, formulas scroll in place', async ({
    page,
  }) => {
    const w = watch(page);
    await page.goto('./');
    await waitForCurve(page);
    await expect(page.locator('svg[data-testid="modes"] g[data-series="heatmap"]')).toHaveCount(1, {
      timeout: 20_000,
    });
    await expectFormulasContained(page);
    await expectNoSidewaysOverflow(page);
    // The header's actions sit on one row (no button alone on a line).
    const rows = await page.locator('.header-actions > *').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }),
    );
    expect(Math.max(...rows.map((r) => r.top))).toBeLessThan(
      Math.min(...rows.map((r) => r.bottom)),
    );
    // Menus open inside the screen.
    for (const menu of ['panels-menu', 'export-menu']) {
      await page.getByTestId(menu).locator('summary').click();
      const body = page.getByTestId(menu).locator('.menu-body');
      const box = (await body.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      await expectNoSidewaysOverflow(page);
      await page.getByTestId(menu).locator('summary').click();
    }
    // Lecture mode's larger type still fits.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'lecture');
    await expectNoSidewaysOverflow(page);
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });

  test('a lesson fits the screen too', async ({ page }) => {
    await page.goto('./');
    await waitForCurve(page);
    const lesson = LESSONS.find((l) => l.config.includes('scalingN')) ?? LESSONS[0];
    await page.getByTestId('lesson-select').selectOption(lesson.id);
    await expect(page.getByTestId('lesson')).toHaveAttribute('data-lesson', lesson.id);
    await waitForCurve(page);
    await expect(
      page.locator('svg[data-testid="scaling-N"] path[data-series="sweep"]'),
    ).toHaveCount(1, { timeout: 30_000 });
    await expectFormulasContained(page);
    await expectNoSidewaysOverflow(page);
  });
});

test('help dialog: focus starts inside, Tab and Shift+Tab stay inside, Escape gives focus back', async ({
  page,
}) => {
  await page.goto('./');
  await waitForCurve(page);
  const button = page.getByTestId('help-button');
  await button.focus();
  await page.keyboard.press('Enter');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  const inside = () => help.evaluate((d) => d.contains(document.activeElement));
  expect(await inside()).toBe(true);
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await inside(), key).toBe(true);
  }
  // The page behind does not react to its shortcuts while the dialog is open.
  await page.keyboard.press('l');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'normal');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(button).toBeFocused();
  // Opened with the ? key, it gives focus back to where it was.
  await page.getByTestId('entry-alpha').focus();
  await page.getByTestId('entry-alpha').press('Tab'); // on to the alpha slider (not a text field)
  const before = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  expect(await inside()).toBe(true);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(before);
});
