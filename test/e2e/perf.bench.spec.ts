// Performance benchmark (not a pass/fail test; `npm run bench:e2e`): drag each slider on the page
// for 3 s in Chromium, with the default panels and with every panel open, and report per slider
//   · the time from an input event to the commit of the redrawn curve for that request
//     (window.__perf samples: the app stamps performance.now() at the input and in the layout
//     effect that follows the chart's commit, and once more at the next animation frame):
//     median and p95 (targets: ≤ 16 ms and ≤ 33 ms),
//   · long tasks on the main thread (PerformanceObserver 'longtask', > 50 ms; target 0 with the
//     default panels, ≤ 1 with every panel open),
//   · then, on the same page, the work done per input counted over COUNT_STEPS steps of the same
//     slider, each waiting for its curve (React commits and renders by component, DOM mutations,
//     KaTeX typesets, address-bar writes, bytes posted by the workers: perfCounts.ts). Counts do
//     not move with the machine's load; timings do.
// Each run prints the machine's load as it starts: quote it with the numbers (the workers share
// its cores). Each configuration ends with one line: its targets met on every slider dragged, or
// each miss.
import { test, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { recordLongTasks, waitForCurve } from './helpers.ts';
import {
  formatCounts,
  formatRelease,
  installCounters,
  profileTop,
  startCounting,
  stopCounting,
  traceTop,
} from './perfCounts.ts';

interface Sample {
  input: number;
  commit: number;
  paint: number;
  sent?: number;
  begin?: number;
  end?: number;
  answered?: number;
}

/**
 * Where an input's time went, ms (the probe's stamps, src/compute/perf.ts): waiting for the
 * worker's previous request, the post to the worker, its compute, the way back (including a busy
 * main thread), and the page's work until the chart's commit.
 */
const PHASES: [string, (s: Sample) => number][] = [
  ['queued', (s) => (s.sent ?? NaN) - s.input],
  ['post', (s) => (s.begin ?? NaN) - (s.sent ?? NaN)],
  ['compute', (s) => (s.end ?? NaN) - (s.begin ?? NaN)],
  ['back', (s) => (s.answered ?? NaN) - (s.end ?? NaN)],
  ['render', (s) => s.commit - (s.answered ?? NaN)],
];

/** Mean of each phase over the samples whose input → commit time lies between quantiles lo and hi. */
function phases(samples: Sample[], lo: number, hi: number): string {
  const total = samples.map((x) => x.commit - x.input);
  const a = quantile(total, lo);
  const b = quantile(total, hi);
  const picked = samples.filter((_, i) => total[i] >= a && total[i] <= b);
  const mean = (f: (s: Sample) => number) => {
    const xs = picked.map(f).filter(Number.isFinite);
    return xs.length ? xs.reduce((u, v) => u + v, 0) / xs.length : NaN;
  };
  return PHASES.map(([name, f]) => `${name} ${fmt(mean(f))}`).join(', ');
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

/** The machine's load when a run starts (the workers share its cores: quote it with the numbers). */
function machineLoad(): string {
  const [one, five] = loadavg();
  return `load ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cpus().length} cores`;
}

const DRAG_MS = 3000;
const COUNT_STEPS = 24;
const EVERY_PANEL =
  'panels=formulas,scalingP,scalingN,exponents,modes,simulation,frontier,phase,decomposition,order,inspector';

/** Hold the drag's live pause at `ms` (undefined: the app's own). */
async function setLivePause(page: Page, ms: number | undefined): Promise<void> {
  await page.evaluate((v) => {
    const perf = (window as unknown as { __perf?: { livePauseMs?: number } }).__perf;
    if (perf) perf.livePauseMs = v ?? undefined;
  }, ms ?? null);
}

/** Curves drawn since the samples were last cleared (in the page). */
const drawnCount = () =>
  (window as unknown as { __perf?: { samples: unknown[] } }).__perf?.samples.length ?? 0;

/**
 * Count the work of COUNT_STEPS inputs of one slider: each step moves the thumb and waits for its
 * curve (at most 150 ms, within the drag's live pause), the release is not counted.
 */
async function countSteps(page: Page, testId: string): Promise<string> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const y = box.y + box.height / 2;
  const x = (f: number) => box.x + 12 + (box.width - 24) * f;
  await page.mouse.move(x(0.3), y);
  await page.mouse.down();
  // The drag's pause (after which the other panels catch up) is held off while counting: the
  // steps are slower than a hand, and the count is of the drag's own work. The release and the
  // catch-up after it are counted apart.
  await setLivePause(page, 60_000);
  await startCounting(page);
  for (let i = 0; i < COUNT_STEPS; i++) {
    const drawn = await page.evaluate(drawnCount);
    await page.mouse.move(x(0.3 + (0.4 * (i + 1)) / COUNT_STEPS), y);
    await page
      .waitForFunction(
        (n) =>
          ((window as unknown as { __perf?: { samples: unknown[] } }).__perf?.samples.length ?? 0) >
          n,
        drawn,
        { timeout: 150 },
      )
      .catch(() => {});
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
  }
  const counts = await stopCounting(page);
  await setLivePause(page, undefined);
  await startCounting(page);
  await page.mouse.up();
  await page.waitForTimeout(1500);
  const release = await stopCounting(page);
  return `    ${formatCounts(counts)}\n    ${formatRelease(release)}`;
}

/** One drag's summary: its report and the numbers the targets are checked on. */
interface Drag {
  id: string;
  text: string;
  median: number;
  p95: number;
  longTasks: number;
}

/** Drag one slider for DRAG_MS (a triangle wave across its middle) and summarise. */
async function dragOnce(page: Page, testId: string): Promise<Drag> {
  await page.evaluate(() => {
    const w = window as unknown as { __perf?: { samples: unknown[] }; __longtasks: unknown[] };
    if (w.__perf) w.__perf.samples.length = 0;
    w.__longtasks.length = 0;
  });
  const el = page.getByTestId(testId);
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  const y = box.y + box.height / 2;
  const left = box.x + 12;
  const right = box.x + box.width - 12;
  const t0 = Date.now();
  let moves = 0;
  await page.mouse.move(left + (right - left) * 0.3, y);
  await page.mouse.down();
  while (Date.now() - t0 < DRAG_MS) {
    const phase = ((Date.now() - t0) / 1500) % 1;
    const f = 0.2 + 0.6 * (phase < 0.5 ? 2 * phase : 2 - 2 * phase);
    await page.mouse.move(left + (right - left) * f, y);
    moves++;
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  // Long tasks are counted over the drag only; the panels' catch-up after it is not a drag.
  const longtasks = await page.evaluate(() => [
    ...(window as unknown as { __longtasks: number[] }).__longtasks,
  ]);
  await page.waitForTimeout(500);
  const samples = await page.evaluate(
    () => (window as unknown as { __perf?: { samples: Sample[] } }).__perf?.samples ?? [],
  );
  const commit = samples.map((x: Sample) => x.commit - x.input);
  const paint = samples.map((x: Sample) => x.paint - x.input);
  const text =
    `${testId.padEnd(16)} ${String(moves).padStart(4)} moves ${String(samples.length).padStart(4)} curves | ` +
    `commit median ${fmt(quantile(commit, 0.5)).padStart(6)} p95 ${fmt(quantile(commit, 0.95)).padStart(6)} | ` +
    `frame median ${fmt(quantile(paint, 0.5)).padStart(6)} p95 ${fmt(quantile(paint, 0.95)).padStart(6)} | ` +
    `long tasks ${longtasks.length} (longest ${fmt(longtasks.length ? Math.max(...longtasks) : 0)} ms)\n` +
    `    where the time went (mean ms), samples up to the median: ${phases(samples, 0, 0.5)}\n` +
    `    samples at p90 and above: ${phases(samples, 0.9, 1)}`;
  return {
    id: testId,
    text,
    median: quantile(commit, 0.5),
    p95: quantile(commit, 0.95),
    longTasks: longtasks.length,
  };
}

/**
 * The targets of a drag: with the default panels, input → redrawn curve median ≤ 16 ms, p95 ≤ 33 ms
 * and no long task; with every panel open, at most one long task.
 */
const TARGETS = {
  'default panels': { median: 16, p95: 33, longTasks: 0 },
  'every panel open': { median: Infinity, p95: Infinity, longTasks: 1 },
} as const;

/** One line: the targets met on every slider dragged, or each miss with its number. */
function verdict(config: keyof typeof TARGETS, drags: Drag[]): string {
  const t = TARGETS[config];
  const misses = drags.flatMap((d) => [
    ...(!Number.isFinite(d.median) ? [`${d.id} drew no curve`] : []),
    ...(d.median > t.median ? [`${d.id} median ${fmt(d.median)} ms > ${t.median}`] : []),
    ...(d.p95 > t.p95 ? [`${d.id} p95 ${fmt(d.p95)} ms > ${t.p95}`] : []),
    ...(d.longTasks > t.longTasks ? [`${d.id} ${d.longTasks} long tasks > ${t.longTasks}`] : []),
  ]);
  const held = Number.isFinite(t.median)
    ? `median ≤ ${t.median} ms, p95 ≤ ${t.p95} ms, `
    : 'no timing target, ';
  const rule = `${held}long tasks ≤ ${t.longTasks}`;
  return misses.length
    ? `targets (${rule}) missed: ${misses.join('; ')}`
    : `targets (${rule}) met on all ${drags.length} sliders`;
}

for (const [config, query] of [
  ['default panels', ''],
  ['every panel open', EVERY_PANEL],
] as const) {
  test(`drag each slider for 3 s, ${config}`, async ({ page }) => {
    test.setTimeout(600_000);
    await recordLongTasks(page);
    await installCounters(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    const url = `./?v=1&${query}&${process.env.BENCH_QUERY ?? ''}`;
    await page.goto(url);
    await waitForCurve(page);
    const sliders = (await page
      .locator('input[type=range][data-testid^="slider-"]')
      .evaluateAll((els) =>
        els
          .filter((e) => !(e as HTMLInputElement).disabled)
          .map((e) => e.getAttribute('data-testid')!),
      )) as string[];
    const only = process.env.BENCH_SLIDERS?.split(',');
    const lines = [`${config} (${url}) · ${machineLoad()}`];
    const drags: Drag[] = [];
    for (const id of sliders.filter((x) => !only || only.includes(x))) {
      await page.goto(url);
      await waitForCurve(page);
      await page.waitForTimeout(1500); // let the sweeps and modes settle
      if (process.env.BENCH_PROFILE) {
        // The sampling profiler slows the page: a profiled drag's timings are not the bench's.
        lines.push(`${id}: main-thread self time over a profiled drag`);
        lines.push(await profileTop(page, () => dragOnce(page, id)));
      } else if (process.env.BENCH_TRACE) {
        lines.push(`${id}: main-thread time by kind over a traced drag`);
        lines.push(await traceTop(page, () => dragOnce(page, id).then((d) => lines.push(d.text))));
      } else {
        const d = await dragOnce(page, id);
        drags.push(d);
        lines.push(d.text);
      }
      await page.waitForTimeout(1000);
      lines.push(await countSteps(page, id));
    }
    // Profiled and traced drags are slowed by the probe: their timings are not judged.
    if (drags.length) lines.push(verdict(config, drags));
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
