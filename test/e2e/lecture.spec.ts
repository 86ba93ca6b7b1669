// Lecture mode on a projector: at 1920×1080, 1280×720 and 1024×768 the learning curve, its caption,
// the lesson text and the sliders the lesson names are all on the first screen (no scrolling to
// reach them), caption and lesson text are at least 24 px, and no panel's content overflows it.
// The lessons checked are the longest ones (most text to fit).
import { expect, test, type Page } from '@playwright/test';
import { lessonControls } from '../../src/lessons/controls.ts';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { storeState, waitForCurve, watch } from './helpers.ts';

const SIZES = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
] as const;

/** The lessons with the most text: the hardest to fit. */
const LONGEST = ['compute', 'stop-vs-decay'];

interface Fit {
  offscreen: string[];
  overflowing: string[];
  smallText: string[];
  plotHeight: number;
  sliders: string[];
  scroll: { x: number; y: number };
  pageWidth: number;
}

/** What would break the projected screen, measured in the page at scroll position 0. */
async function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const name = (el: Element) => el.getAttribute('data-testid') ?? el.className.toString();
    const must = [
      'svg[data-testid="learning-curve"]',
      '[data-testid="caption"]',
      '[data-testid="lesson"]',
      '[data-testid="focus-controls"]',
    ];
    const offscreen: string[] = [];
    for (const sel of must) {
      const el = document.querySelector(sel);
      const r = el?.getBoundingClientRect();
      if (!r || r.top < 0 || r.left < 0 || r.bottom > vh + 0.5 || r.right > vw + 0.5)
        offscreen.push(`${sel} ${r ? `${Math.round(r.bottom)}/${vh}` : 'missing'}`);
    }
    // Every panel on the page, above and below the fold: content wider than its box, and on the
    // first screen content taller than its box (which would be cut or scroll inside it).
    const overflowing: string[] = [];
    for (const el of document.querySelectorAll('.panel, .focus-controls, .stage > *')) {
      if (!el.checkVisibility()) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        overflowing.push(`${name(el)} ${el.scrollWidth - el.clientWidth} px wide`);
      if (el.closest('.stage') && el.scrollHeight > el.clientHeight + 1)
        overflowing.push(`${name(el)} ${el.scrollHeight - el.clientHeight} px tall`);
    }
    const smallText: string[] = [];
    for (const el of document.querySelectorAll(
      '[data-testid="caption"], [data-testid="lesson"] p',
    )) {
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 24) smallText.push(`${name(el)} ${px}px`);
    }
    const plot = document.querySelector('svg[data-testid="learning-curve"]')!;
    const sliders = [
      ...document.querySelectorAll('[data-testid="focus-controls"] input[type="range"]'),
    ].map((s) => s.getAttribute('data-testid') ?? '');
    return {
      offscreen,
      overflowing,
      smallText,
      plotHeight: plot.getBoundingClientRect().height,
      sliders,
      scroll: { x: window.scrollX, y: window.scrollY },
      pageWidth: document.documentElement.scrollWidth,
    };
  });
}

for (const [width, height] of SIZES) {
  test(`lecture at ${width}×${height}: plot, caption, lesson and its sliders on one screen`, async ({
    page,
  }) => {
    const w = watch(page);
    await page.setViewportSize({ width, height });
    await page.goto(`./?v=1&theme=lecture&lesson=${LONGEST[0]}`);
    for (const id of LONGEST) {
      if (id !== LONGEST[0]) await page.getByTestId('lesson-select').selectOption(id);
      await expect(page.getByTestId('lesson')).toHaveAttribute('data-lesson', id);
      await waitForCurve(page);
      // The sweeps fill the exponent table below the fold; its width is checked too.
      await expect
        .poll(() => storeState<string>(page, 's.results.status.sweepN'), { timeout: 30_000 })
        .toBe('ok');
      const fit = await measure(page);
      expect(fit.scroll, id).toEqual({ x: 0, y: 0 });
      expect(fit.offscreen, id).toEqual([]);
      expect(fit.overflowing, id).toEqual([]);
      expect(fit.smallText, id).toEqual([]);
      // The plot is the figure, not a strip: at least a third of the screen's height.
      expect(fit.plotHeight, id).toBeGreaterThan(height / 3);
      const lesson = LESSONS.find((l) => l.id === id);
      expect(fit.sliders, id).toEqual(lessonControls(lesson).map((k) => `slider-${k}`));
      expect(fit.pageWidth, id).toBeLessThanOrEqual(width);
    }
    expect(w.errors).toEqual([]);
  });
}

test('the lecturer pins sliders beside the plot; the pins are in the link', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./?v=1&theme=lecture&lesson=noise&controls=T,gamma');
  await waitForCurve(page);
  const focus = page.getByTestId('focus-controls');
  await expect(focus.locator('input[type="range"]')).toHaveCount(2);
  await expect(focus.getByTestId('slider-T')).toBeVisible();
  await expect(focus.getByTestId('slider-gamma')).toBeVisible();
  // A slider shows once: the full panel below leaves the pinned ones out.
  await expect(page.getByTestId('slider-T')).toHaveCount(1);
  // Pin α from the full panel: it joins the sliders beside the plot, and the link says so.
  await page.getByTestId('pin-slider-alpha').click();
  await expect(focus.getByTestId('slider-alpha')).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('controls')).toBe('T,gamma,alpha');
  // Unpinning them all returns to the lesson's own sliders.
  await page.getByRole('button', { name: 'Back to the lesson’s sliders' }).click();
  await expect(focus.locator('input[type="range"]')).toHaveCount(2);
  await expect(focus.getByTestId('slider-sigma2')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('controls')).toBeNull();
});
