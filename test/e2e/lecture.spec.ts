// Lecture mode on a projector: at 1920×1080, 1280×720 and 1024×768, for every lesson step, the
// figure the lesson's text is about (the learning curve with its caption, or the lesson's panel
// instead of it: lessons/stage.ts), the lesson text and the sliders the lesson names are all on the
// first screen (no scrolling of the page or inside the lesson's column), caption and lesson text
// are at least 24 px, the figure is taller than a third of the screen, and no panel's content
// overflows it.
import { expect, test, type Page } from '@playwright/test';
import { lessonControls } from '../../src/lessons/controls.ts';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { stageOf } from '../../src/lessons/stage.ts';
import { storeState, waitForCurve, watch } from './helpers.ts';

const SIZES = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
] as const;

interface Fit {
  /** The figure leading the stage (data-stage): 'curve' or a panel's id. */
  stage: string;
  offscreen: string[];
  overflowing: string[];
  smallText: string[];
  lessonScroll: number;
  /** The least distance, px, from a line of the lesson's text to its close (×) button. */
  closeGap: number;
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
    const stage = document.querySelector<HTMLElement>('[data-testid="stage-main"]');
    const main = stage?.dataset.stage ?? 'missing';
    // The stage's figure: the learning curve with its caption, or the lesson's panel's plot.
    const figure =
      main === 'curve'
        ? 'svg[data-testid="learning-curve"]'
        : '[data-testid="stage-main"] .plot svg';
    const must = [
      figure,
      ...(main === 'curve' ? ['[data-testid="caption"]'] : []),
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
    // The lesson's own column: its text must be readable without scrolling inside it.
    const column = document.querySelector('.stage .area-lesson');
    const lessonScroll = column ? column.scrollHeight - column.clientHeight : 0;
    const smallText: string[] = [];
    for (const el of document.querySelectorAll(
      '.stage [data-testid="caption"], [data-testid="lesson"] p',
    )) {
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 24) smallText.push(`${name(el)} ${px}px`);
    }
    // Each line of the lesson's text (its text nodes' line boxes) against the close button's box.
    const close = document.querySelector('[data-testid="lesson"] .panel-head button');
    const b = close?.getBoundingClientRect();
    let closeGap = Infinity;
    const walker = document.createTreeWalker(
      document.querySelector('[data-testid="lesson"]') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let n = walker.nextNode(); b && n; n = walker.nextNode()) {
      if (!n.textContent?.trim() || n.parentElement?.closest('.panel-head')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        const dx = Math.max(b.left - r.right, r.left - b.right, 0);
        const dy = Math.max(b.top - r.bottom, r.top - b.bottom, 0);
        closeGap = Math.min(closeGap, Math.hypot(dx, dy));
      }
    }
    const plot = document.querySelector(figure);
    const sliders = [
      ...document.querySelectorAll('[data-testid="focus-controls"] input[type="range"]'),
    ].map((s) => s.getAttribute('data-testid') ?? '');
    return {
      stage: main,
      offscreen,
      overflowing,
      smallText,
      lessonScroll,
      closeGap,
      plotHeight: plot?.getBoundingClientRect().height ?? 0,
      sliders,
      scroll: { x: window.scrollX, y: window.scrollY },
      pageWidth: document.documentElement.scrollWidth,
    };
  });
}

/** Everything that breaks the projected screen for one lesson at one size, in words. */
function problems(fit: Fit, id: string, width: number, height: number): string[] {
  const at = `${id} at ${width}×${height}:`;
  const out: string[] = [];
  // The lesson step's first stage panel leads the stage (each lesson's can stand there).
  const [lessonId, , step] = id.split(' ');
  const want =
    stageOf(
      LESSONS.find((l) => l.id === lessonId),
      Number(step),
    )[0] ?? 'curve';
  if (fit.stage !== want) out.push(`${at} the stage shows ${fit.stage}, not ${want}`);
  if (fit.scroll.x || fit.scroll.y) out.push(`${at} page scrolled ${fit.scroll.x},${fit.scroll.y}`);
  if (fit.pageWidth > width) out.push(`${at} page ${fit.pageWidth} px wide`);
  for (const o of fit.offscreen) out.push(`${at} off screen ${o}`);
  for (const o of fit.overflowing) out.push(`${at} overflows ${o}`);
  for (const o of fit.smallText) out.push(`${at} small text ${o}`);
  if (fit.lessonScroll > 1) out.push(`${at} lesson scrolls ${fit.lessonScroll} px in its column`);
  // The close button stands clear of every line of the text (it sat 2 px from the longest).
  if (fit.closeGap < 8)
    out.push(`${at} lesson text ${fit.closeGap.toFixed(1)} px from its × button`);
  // The plot is the figure, not a strip: more than a third of the screen's height.
  if (!(fit.plotHeight > height / 3))
    out.push(`${at} plot ${Math.round(fit.plotHeight)} px ≤ ${Math.round(height / 3)}`);
  const sliders = lessonControls(LESSONS.find((l) => l.id === lessonId)).map((k) => `slider-${k}`);
  if (fit.sliders.join() !== sliders.join())
    out.push(`${at} sliders ${fit.sliders.join()} instead of ${sliders.join()}`);
  return out;
}

/**
 * The fit once the layout has settled after a resize: the resize observers redraw the plot, then
 * the layout follows, which takes more than two frames on a busy machine. Two measurements two
 * frames apart that agree (at most 40 tries, about 1.5 s).
 */
async function settledFit(page: Page): Promise<Fit> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const fit = await measure(page);
    const key = JSON.stringify(fit);
    if (key === last) return fit;
    last = key;
  }
  return measure(page);
}

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

test('lecture: every lesson step’s plot, caption, text and sliders fit one screen at three sizes', async ({
  page,
}) => {
  const states = LESSONS.flatMap((l) =>
    l.steps.map((_, k) => [l, k + 1] as const).concat([[l, 0]]),
  );
  test.setTimeout(states.length * 20_000);
  const w = watch(page);
  const found: string[] = [];
  for (const [lesson, step] of states) {
    // One page: each step is opened by its link, then the viewport is resized under it.
    await page.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
    await page.goto(`./?v=1&theme=lecture&lesson=${lesson.id}&step=${step}`);
    await expect(page.getByTestId('lesson')).toHaveAttribute('data-lesson', lesson.id);
    await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', String(step));
    await settle(page);
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      found.push(...problems(await settledFit(page), `${lesson.id} step ${step}`, width, height));
    }
  }
  expect(found).toEqual([]);
  expect(w.errors).toEqual([]);
});

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
