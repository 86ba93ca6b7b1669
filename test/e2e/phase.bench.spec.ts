// Performance benchmark of the phase diagram (not a pass/fail test; `npm run bench:e2e`): with the
// panel open, drag the (α, β) marker for 3 s, then the α slider for 3 s, and report frames per
// second (requestAnimationFrame callbacks) and long tasks on the main thread (> 50 ms); and the
// time each 12 × 12 fitted grid takes in the app's two workers (target: ≤ 3 s, the coarse 3 × 3
// map ≤ 0.5 s), for every exponent at the default state and at the large states of
// bench/phase.bench.ts.
import { test, type Page } from '@playwright/test';
import { recordLongTasks } from './helpers.ts';

const LINK = './?v=1&regime=gf&alpha=1.5&beta=2&P=1000&N=inf&sigma2=0&panels=phase&phase=data-inf';

/** Pointer positions, f ∈ [0, 1] along the drag. */
type Path = (f: number) => [number, number];

async function dragFor(page: Page, path: Path, ms: number) {
  await page.evaluate(() => {
    const w = window as unknown as { __longtasks: number[]; __frames: number[] | null };
    w.__longtasks.length = 0;
    const frames: number[] = [];
    w.__frames = frames;
    // One loop per drag: it ends when the drag's frames are taken (w.__frames replaced).
    const tick = (t: number) => {
      if (w.__frames !== frames) return;
      frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  let moves = 0;
  await page.mouse.move(...path(0));
  await page.mouse.down();
  while (Date.now() - t0 < ms) {
    // A triangle wave, one position per frame or so.
    const ph = ((Date.now() - t0) / 1500) % 1;
    await page.mouse.move(...path(ph < 0.5 ? 2 * ph : 2 - 2 * ph));
    moves++;
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const r = await page.evaluate(() => {
    const w = window as unknown as { __longtasks: number[]; __frames: number[] | null };
    const f = w.__frames ?? [];
    w.__frames = null;
    return { lt: [...w.__longtasks], frames: f };
  });
  const f = r.frames;
  const gaps = f.slice(1).map((t, i) => t - f[i]);
  return {
    moves,
    fps: ((f.length - 1) * 1000) / (f[f.length - 1] - f[0]),
    maxGap: Math.max(...gaps),
    lt: r.lt,
  };
}

test('phase diagram: drag the marker and the α slider for 3 s each', async ({ page }) => {
  test.setTimeout(90_000);
  await recordLongTasks(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(LINK);
  await page
    .locator('svg[data-testid="phase-diagram"] g[data-series="phase-dots"] circle')
    .first()
    .waitFor({ timeout: 30_000 });
  await page.waitForTimeout(3000); // let the grid's first pass and the sweeps settle

  const hit = page.locator('svg[data-testid="phase-diagram"] rect.sp-phase-hit');
  await hit.scrollIntoViewIfNeeded();
  const b = (await hit.boundingBox())!;
  const marker = await dragFor(
    page,
    (f) => [b.x + b.width * (0.15 + 0.7 * f), b.y + b.height * (0.85 - 0.7 * f)],
    3000,
  );
  const slider = page.getByTestId('slider-alpha');
  await slider.scrollIntoViewIfNeeded();
  const s = (await slider.boundingBox())!;
  const alpha = await dragFor(
    page,
    (f) => [s.x + 12 + (s.width - 24) * (0.2 + 0.6 * f), s.y + s.height / 2],
    3000,
  );
  const line = (what: string, r: typeof marker) =>
    `  ${what}: ${r.moves} pointer moves, ${r.fps.toFixed(1)} frames/s, longest frame ${r.maxGap.toFixed(1)} ms, ` +
    `long tasks (> 50 ms) ${r.lt.length}, longest ${(r.lt.length ? Math.max(...r.lt) : 0).toFixed(0)} ms`;
  console.log(
    ['phase diagram open:', line('marker drag', marker), line('α slider drag', alpha)].join('\n'),
  );
});

const GRID_STATES: [string, string, Record<string, string>][] = [
  ['default', 'v=1&regime=gf', {}],
  [
    'large',
    'v=1&regime=gf',
    {
      time: 'P=10000000&N=10000000&sigma2=0',
      'data-inf': 'N=inf&sigma2=0&P=10000',
      'data-tstar': 'N=inf&P=10000',
      'model-inf': 'P=10000000&N=1000&sigma2=0',
      compute: 'P=10000000&sigma2=0',
    },
  ],
];

test('phase diagram: every fitted grid, from the page opening to 144 points', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const lines: string[] = [];
  for (const [name, base, extra] of GRID_STATES)
    for (const exponent of ['time', 'data-inf', 'data-tstar', 'model-inf', 'compute']) {
      const more = extra[exponent] ? `&${extra[exponent]}` : '';
      await page.goto(`./?${base}${more}&panels=phase&phase=${exponent}`);
      const svg = page.locator('svg[data-testid="phase-diagram"]');
      await svg.waitFor({ timeout: 30_000 });
      const t0 = Date.now();
      let coarse = NaN;
      let all = NaN;
      while (Date.now() - t0 < 60_000) {
        const done = Number(await svg.getAttribute('data-done'));
        const t = (Date.now() - t0) / 1000;
        if (done >= 9 && Number.isNaN(coarse)) coarse = t;
        if (done >= 144) {
          all = t;
          break;
        }
        await page.waitForTimeout(25);
      }
      lines.push(
        `  ${name.padEnd(8)} ${exponent.padEnd(10)} coarse 3 × 3: ${coarse.toFixed(2)} s, all 144: ${all.toFixed(2)} s`,
      );
    }
  console.log(
    ['phase grids in the app (two workers), from the panel showing:', ...lines].join('\n'),
  );
});
