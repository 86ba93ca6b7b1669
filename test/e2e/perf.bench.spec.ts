// Performance benchmark (not a pass/fail test; `npm run bench:e2e`): drag a slider for 5 s in
// Chromium and report
//   · long tasks on the main thread (PerformanceObserver 'longtask', > 50 ms),
//   · the time from an input event to the commit of the redrawn curve for that request
//     (window.__perf samples: the app stamps performance.now() at the input and in the layout
//     effect that follows the chart's commit, and once more at the next animation frame).
import { test } from '@playwright/test';
import { recordLongTasks, waitForCurve } from './helpers.ts';

interface Sample {
  input: number;
  commit: number;
  paint: number;
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

for (const slider of ['slider-beta', 'slider-P']) {
  test(`drag ${slider} for 5 s`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.addInitScript(() => {
      const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
      w.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    // BENCH_QUERY (e.g. "panels=none") benchmarks another configuration.
    await page.goto(`./?${process.env.BENCH_QUERY ?? ''}`);
    await waitForCurve(page);
    await page.waitForTimeout(1500); // let the sweeps and modes settle
    await page.evaluate(() => {
      const w = window as unknown as { __perf?: { samples: unknown[] }; __longtasks: unknown[] };
      if (w.__perf) w.__perf.samples.length = 0;
      w.__longtasks.length = 0;
    });

    const el = page.getByTestId(slider);
    await el.scrollIntoViewIfNeeded();
    const box = (await el.boundingBox())!;
    const y = box.y + box.height / 2;
    const left = box.x + 12;
    const right = box.x + box.width - 12;
    const t0 = Date.now();
    let moves = 0;
    await page.mouse.move(left + (right - left) * 0.3, y);
    await page.mouse.down();
    while (Date.now() - t0 < 5000) {
      // A triangle wave across the middle of the slider, one position per frame or so.
      const phase = ((Date.now() - t0) / 2500) % 1;
      const f = 0.2 + 0.6 * (phase < 0.5 ? 2 * phase : 2 - 2 * phase);
      await page.mouse.move(left + (right - left) * f, y);
      moves++;
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(1000);

    const { samples, longtasks } = await page.evaluate(() => {
      const w = window as unknown as {
        __perf?: { samples: Sample[] };
        __longtasks: { start: number; duration: number }[];
      };
      return { samples: w.__perf?.samples ?? [], longtasks: w.__longtasks };
    });
    const commit = samples.map((s: Sample) => s.commit - s.input);
    const paint = samples.map((s: Sample) => s.paint - s.input);
    const lt = longtasks.map((l) => l.duration);
    const lines = [
      `slider ${slider}: ${moves} pointer moves in 5 s, ${samples.length} curves redrawn`,
      `  input → curve commit: median ${fmt(quantile(commit, 0.5))} ms, p90 ${fmt(quantile(commit, 0.9))} ms, max ${fmt(Math.max(...commit))} ms`,
      `  input → next frame:   median ${fmt(quantile(paint, 0.5))} ms, p90 ${fmt(quantile(paint, 0.9))} ms`,
      `  long tasks (> 50 ms): ${lt.length}, total ${fmt(lt.reduce((a, b) => a + b, 0))} ms, longest ${fmt(lt.length ? Math.max(...lt) : 0)} ms`,
    ];
    console.log(lines.join('\n'));
  });
}

// Play: frames per second (requestAnimationFrame callbacks), distinct curves or cursor positions
// drawn per second, and long tasks on the main thread over 4 s of animation, for the time cursor
// and for a parameter sweep (after its frames are computed in the workers).
for (const target of ['time', 'sigma2']) {
  test(`Play ${target} for 4 s`, async ({ page }) => {
    test.setTimeout(90_000);
    await recordLongTasks(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`./?v=1&${process.env.BENCH_QUERY ?? ''}`);
    await waitForCurve(page);
    await page.waitForTimeout(1500);
    await page.getByTestId('play-target').selectOption(target);
    const t0 = Date.now();
    await page.getByTestId('play').click();
    await page.waitForFunction(
      () =>
        !/Computing/.test(document.querySelector('[data-testid=play-status]')?.textContent ?? ''),
      null,
      { timeout: 60_000 },
    );
    const prepared = Date.now() - t0;
    await page.waitForTimeout(300);
    const r = await page.evaluate(
      () =>
        new Promise<{ fps: number; changes: number; lt: number[] }>((done) => {
          const w = window as unknown as { __longtasks: number[] };
          w.__longtasks.length = 0;
          let frames = 0;
          let last = '';
          let changes = 0;
          const start = performance.now();
          const tick = () => {
            frames++;
            const now =
              (document.querySelector('[data-testid=curve-panel]')?.getAttribute('data-curve-id') ??
                '') +
              (document.querySelector('[data-testid=time-cursor]')?.getAttribute('data-t') ?? '');
            if (now !== last) changes++;
            last = now;
            if (performance.now() - start < 4000) requestAnimationFrame(tick);
            else done({ fps: frames / 4, changes: changes / 4, lt: [...w.__longtasks] });
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.getByTestId('play').click();
    console.log(
      [
        `Play ${target}: frames computed in ${target === 'time' ? '— (none needed)' : `${prepared} ms`}`,
        `  ${r.fps.toFixed(1)} frames/s, ${r.changes.toFixed(1)} new ${target === 'time' ? 'cursor positions' : 'curves'}/s`,
        `  long tasks (> 50 ms): ${r.lt.length}, longest ${fmt(r.lt.length ? Math.max(...r.lt) : 0)} ms`,
      ].join('\n'),
    );
  });
}
