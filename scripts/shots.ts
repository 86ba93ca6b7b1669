// npx tsx scripts/shots.ts <base URL> <out dir>: screenshots to look at before a release, taken
// in Chromium (/usr/bin/chromium, or CHROMIUM_PATH) against the test build (npm run build:e2e,
// served by vite preview): every lesson step in lecture mode at 1280×720, the measured data
// sources with each kernel and task, a spectrum file loaded, and data=custom without its file.
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LESSONS } from '../src/lessons/lessons.ts';
import { DATA_SOURCES, findSource } from '../src/model/data/sources.ts';
import { customSpectrum } from '../test/audit/states.ts';

const [base = 'http://127.0.0.1:4222/', out = 'scratch/shots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

interface Shot {
  name: string;
  query: string;
  width?: number;
  height?: number;
  /** Load a spectrum file (λ_k = k^{−1.3}, c_k = k^{−1.6}, 800 modes) once the page is up. */
  file?: boolean;
}

const shots: Shot[] = [
  ...LESSONS.flatMap((l) =>
    Array.from({ length: l.steps.length + 1 }, (_, k) => ({
      name: `lesson-${l.id}-step${k}`,
      query: `lesson=${l.id}&step=${k}&theme=lecture`,
    })),
  ),
  ...DATA_SOURCES.flatMap((d) => {
    const s = findSource(d)!;
    return s.kernels.flatMap((kernel) =>
      s.tasks.map((t) => ({
        name: `${d}-${kernel}-${t.key}`,
        query: `data=${d}&kernel=${kernel}&task=${t.key}`,
        width: 1440,
        height: 900,
      })),
    );
  }),
  { name: 'custom-file', query: 'data=custom', width: 1440, height: 900, file: true },
  { name: 'custom-nofile', query: 'data=custom', width: 1440, height: 900 },
  { name: 'landing', query: '', width: 1440, height: 900 },
  { name: 'landing-lecture', query: 'theme=lecture' },
];

/** Until no result is pending (the test build's store hook). */
async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const busy = await page.evaluate(() => {
      const sp = (
        window as unknown as {
          __sp?: { store: { getState(): { results: { status: Record<string, string> } } } };
        }
      ).__sp;
      return !sp || Object.values(sp.store.getState().results.status).some((v) => v === 'pending');
    });
    if (!busy) return;
    await page.waitForTimeout(500);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const only = process.env.SHOTS_ONLY ? new RegExp(process.env.SHOTS_ONLY) : null;
  for (const s of shots.filter((x) => !only || only.test(x.name))) {
    const page = await browser.newPage({
      viewport: { width: s.width ?? 1280, height: s.height ?? 720 },
    });
    await page.goto(`${base}?v=1${s.query ? `&${s.query}` : ''}`);
    await page.waitForTimeout(1000);
    await settle(page);
    if (s.file) {
      // The audit's spectrum file (λ_k = k^{−1.3}, c_k = k^{−1.6}, 800 modes), passed as arrays.
      const m = customSpectrum();
      await page.evaluate(
        ({ lam, power }) => {
          const sp = (
            window as unknown as {
              __sp: { store: { getState(): { loadCustom(n: string, m: unknown): void } } };
            }
          ).__sp;
          sp.store.getState().loadCustom('my-spectrum.csv', {
            lam: Float64Array.from(lam),
            power: Float64Array.from(power),
          });
        },
        { lam: Array.from(m.lam), power: Array.from(m.power) },
      );
      await page.waitForTimeout(1000);
      await settle(page);
    }
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${s.name}.png`) });
    console.log(s.name);
    await page.close();
  }
} finally {
  await browser.close();
}
