// Benchmark of the parallel simulation (not a pass/fail test; `npm run bench:e2e`): the same seeded
// run on 1 and on 2 simulation workers (the page is told it has 2 or 3 cores: the app uses
// cores − 1 workers), each run twice (the first starts the workers), and an estimate for 8 cores
// from the measured cost of a seed and the fixed overhead of a run:
//   T(w) = T0 + ⌈S / w⌉ · c   (S seeds, w workers; c and T0 from the warm 1-worker and 2-worker runs)
import { expect, test, type Browser, type Page } from '@playwright/test';
import { cpus } from 'node:os';
import { waitForCurve } from './helpers.ts';

const SEEDS = 12;
const LINK = `./?v=1&regime=gf&alpha=1.5&beta=2&P=384&N=384&M=1536&sigma2=0.05&seeds=${SEEDS}`;

interface Run {
  wall: number;
  seeds: number;
  EgMean0: number;
}

/** A page that believes it has `cores` cores, with the link loaded. */
async function pageWithCores(browser: Browser, cores: number): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  }, cores);
  await page.goto(LINK);
  await waitForCurve(page);
  return page;
}

/** Click "Run" and time the run until the store says it is done. */
function timeRun(page: Page): Promise<Run> {
  return page.evaluate(
    () =>
      new Promise<Run>((resolve) => {
        interface Sim {
          status: string;
          result: { seeds: number; EgMean: Float64Array } | null;
        }
        interface State {
          results: { sim: Sim | null };
        }
        const store = (
          window as unknown as {
            __sp: { store: { subscribe(f: (s: State) => void): () => void } };
          }
        ).__sp.store;
        const t0 = performance.now();
        const off = store.subscribe((s) => {
          const sim = s.results.sim;
          if (sim?.status !== 'done' || !sim.result) return;
          off();
          resolve({
            wall: performance.now() - t0,
            seeds: sim.result.seeds,
            EgMean0: sim.result.EgMean[0],
          });
        });
        document.querySelector<HTMLButtonElement>('[data-testid="sim-run"]')!.click();
      }),
  );
}

const ROUNDS = 3;

test('simulation: 1 worker against 2 workers', async ({ browser }) => {
  test.setTimeout(300_000);
  // Both pages stay open and take turns, so a busy spell on the machine hits both alike; the
  // first run of each starts its workers and is reported apart.
  const pages = { 1: await pageWithCores(browser, 2), 2: await pageWithCores(browser, 3) };
  const first = { 1: await timeRun(pages[1]), 2: await timeRun(pages[2]) };
  const warm: Record<1 | 2, Run[]> = { 1: [], 2: [] };
  for (let r = 0; r < ROUNDS; r++)
    for (const w of [1, 2] as const) warm[w].push(await timeRun(pages[w]));
  // Same seeds, same numbers.
  expect(warm[2][0].EgMean0).toBe(warm[1][0].EgMean0);
  const best = (w: 1 | 2) => Math.min(...warm[w].map((x) => x.wall));
  const T1 = best(1);
  const T2 = best(2);
  // With a free core, 2 workers save half the seeds' time: T1 − T2 = (S/2)·c. Without one (a busy
  // machine) no speed-up shows and the fit is meaningless: then every seed is taken at T1/S.
  const fitted = T2 < T1;
  const c1 = fitted ? (2 * (T1 - T2)) / SEEDS : T1 / SEEDS;
  const overhead = fitted ? Math.max(0, T1 - SEEDS * c1) : 0;
  const T7 = overhead + Math.ceil(SEEDS / 7) * c1;
  const f = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(
    [
      `simulation P = N = 384, M = 1536, ${SEEDS} seeds (this machine: ${cpus().length} cores; best of ${ROUNDS} warm runs)`,
      `  1 worker : ${f(T1)} (${f(T1 / SEEDS)} per seed), first run ${f(first[1].wall)}`,
      `  2 workers: ${f(T2)}, first run ${f(first[2].wall)}`,
      `  speed-up 2 workers over 1: ${(T1 / T2).toFixed(2)}×`,
      fitted
        ? `  model T(w) = T0 + ⌈S/w⌉·c fitted to both: c = ${f(c1)} per seed, T0 = ${f(overhead)}`
        : `  no speed-up: no free core (busy machine); the estimate takes c = T1/S = ${f(c1)}, T0 = 0`,
      `  8 cores (7 workers, every seed at c): ≈ ${f(T7)}, ${(T1 / T7).toFixed(1)}× over 1 worker`,
    ].join('\n'),
  );
});
