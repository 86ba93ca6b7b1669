import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [url, out, w, h] = process.argv.slice(2);
const p = await b.newPage({ viewport: { width: Number(w ?? 1280), height: Number(h ?? 720) } });
await p.goto(url);
await p.waitForTimeout(6000);
await p.screenshot({ path: out });
const info = await p.evaluate(() => {
  const q = (s) => { const e = document.querySelector(s); if (!e) return null; const r = e.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.height)]; };
  return { plot: q('svg[data-testid="learning-curve"]'), caption: q('[data-testid="caption"]'), stage: document.querySelector('[data-testid="stage-main"]')?.dataset.stage, curvePanel: q('.stage .panel-curve') };
});
console.log(JSON.stringify(info));
await b.close();
