// Visual preview of the chart fixtures, for looking at them: renders every named figure of
// test/charts/fixtures.ts into HTML pages with the chart CSS and the Inter font, ready for a
// headless browser screenshot. Loaded by scripts/previewCharts.ts (through Vite, which handles
// the charts' CSS imports and JSX):
//
//   npm run preview:charts -- /tmp/charts
//   chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/charts/lc.png \
//     --window-size=1400,1800 /tmp/charts/learning-curve.html
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ExponentReadout } from '../src/charts/ExponentReadout.tsx';
import { Formulas } from '../src/charts/Formulas.tsx';
import { LearningCurve } from '../src/charts/LearningCurve.tsx';
import { ModePanel } from '../src/charts/ModePanel.tsx';
import { ScalingPanel } from '../src/charts/ScalingPanel.tsx';
import { captionFor } from '../src/charts/caption.ts';
import {
  basicCurve,
  divergentCurve,
  earlyStopCurve,
  flatCurve,
  hugeRangeCurve,
  langevinCurve,
  makeParams,
  modesBasic,
  modesLarge,
  nonFiniteCurve,
  pins,
  simResult,
  simTheory,
  singlePointCurve,
  sweepN,
  sweepOnePoint,
  sweepP,
} from '../test/charts/fixtures.ts';

const root = process.cwd();

interface Fig {
  name: string;
  node: ReactElement;
  caption?: string;
}

function page(title: string, figs: Fig[], dark = false): string {
  const css = readFileSync(join(root, 'src/styles/charts.css'), 'utf8');
  const font = `file://${join(root, 'node_modules/@fontsource/inter')}`;
  const katex = `file://${join(root, 'node_modules/katex/dist/katex.min.css')}`;
  const theme = dark
    ? ':root{--fg:#e8ecf1;--bg:#15191e;--muted:#9aa5b3;--grid:#2a313a;--c-eg:#6aa8ff;--c-etr:#ff9a5c;--c-accent:#f07ad0;--c-sim:#e8ecf1}'
    : '';
  const body = figs
    .map(
      (f, i) =>
        `<figure><figcaption class="name">${f.name}</figcaption>${renderToStaticMarkup(f.node, { identifierPrefix: `f${i}-` })}${
          f.caption ? `<p class="cap">${f.caption}</p>` : ''
        }</figure>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="${font}/400.css"><link rel="stylesheet" href="${font}/600.css">
<link rel="stylesheet" href="${katex}">
<style>${css}${theme}
body{font-family:Inter,system-ui,sans-serif;margin:16px;background:var(--bg);color:var(--fg)}
.grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
figure{margin:0;border:1px solid #ccd;padding:6px;background:var(--bg)}
.name{font:12px monospace;color:#889;margin-bottom:4px}.cap{max-width:640px;font-size:13px}
</style></head><body><div class="grid">${body}</div></body></html>`;
}

/** Writes one page per figure and a few overview pages into `dir`; returns the files written. */
export function writeChartPreview(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, html: string) => {
    writeFileSync(join(dir, name), html);
    written.push(name);
  };
  const W = 640;
  const H = 400;
  const lc: Fig[] = [
    {
      name: 'learning-curve-basic',
      node: <LearningCurve curve={basicCurve()} width={W} height={H} />,
      caption: captionFor(basicCurve(), basicCurve().params),
    },
    {
      name: 'learning-curve-early-stop',
      node: <LearningCurve curve={earlyStopCurve()} width={W} height={H} />,
      caption: captionFor(earlyStopCurve(), earlyStopCurve().params),
    },
    {
      name: 'learning-curve-divergent',
      node: <LearningCurve curve={divergentCurve()} width={W} height={H} />,
      caption: captionFor(divergentCurve(), divergentCurve().params),
    },
    {
      name: 'learning-curve-langevin',
      node: <LearningCurve curve={langevinCurve()} width={W} height={H} />,
      caption: captionFor(langevinCurve(), langevinCurve().params),
    },
    {
      name: 'learning-curve-pins-and-sim',
      node: (
        <LearningCurve
          curve={basicCurve()}
          pins={pins()}
          sim={{ result: simResult(), theory: simTheory() }}
          width={W}
          height={H}
        />
      ),
    },
    { name: 'learning-curve-empty', node: <LearningCurve curve={null} width={W} height={H} /> },
    {
      name: 'learning-curve-flat',
      node: <LearningCurve curve={flatCurve()} width={W} height={H} />,
    },
    {
      name: 'learning-curve-single-point',
      node: <LearningCurve curve={singlePointCurve()} width={W} height={H} />,
    },
    {
      name: 'learning-curve-huge-range',
      node: <LearningCurve curve={hugeRangeCurve()} width={W} height={H} />,
    },
    {
      name: 'learning-curve-non-finite',
      node: <LearningCurve curve={nonFiniteCurve()} width={W} height={H} />,
    },
  ];
  const narrow: Fig[] = [
    {
      name: '375 normal early-stop',
      node: <LearningCurve curve={earlyStopCurve()} width={375} height={300} />,
    },
    {
      name: '375 lecture early-stop',
      node: <LearningCurve curve={earlyStopCurve()} width={375} height={320} variant="lecture" />,
    },
    {
      name: '375 pins+sim',
      node: (
        <LearningCurve
          curve={basicCurve()}
          pins={pins()}
          sim={{ result: simResult(), theory: simTheory() }}
          width={375}
          height={340}
        />
      ),
    },
    {
      name: '375 langevin',
      node: <LearningCurve curve={langevinCurve()} width={375} height={300} />,
    },
    { name: '375 scaling P', node: <ScalingPanel sweep={sweepP()} width={375} height={280} /> },
    { name: '375 modes', node: <ModePanel modes={modesBasic()} width={375} height={280} /> },
    {
      name: '375 lecture scaling N',
      node: <ScalingPanel sweep={sweepN()} width={375} height={300} variant="lecture" />,
    },
    {
      name: '375 lecture modes',
      node: <ModePanel modes={modesBasic()} width={375} height={320} variant="lecture" />,
    },
  ];
  const lecture: Fig[] = [
    {
      name: 'lecture early-stop 900',
      node: <LearningCurve curve={earlyStopCurve()} width={900} height={560} variant="lecture" />,
    },
    {
      name: 'lecture langevin 900',
      node: <LearningCurve curve={langevinCurve()} width={900} height={560} variant="lecture" />,
    },
  ];
  const panels: Fig[] = [
    { name: 'scaling-P-basic', node: <ScalingPanel sweep={sweepP()} width={W} height={H} /> },
    {
      name: 'scaling-N-double-descent',
      node: <ScalingPanel sweep={sweepN()} width={W} height={H} />,
    },
    {
      name: 'scaling-degenerate-one-point',
      node: <ScalingPanel sweep={sweepOnePoint()} width={W} height={H} />,
    },
    { name: 'scaling-empty', node: <ScalingPanel sweep={null} axis="N" width={W} height={H} /> },
    {
      name: 'modes-basic',
      node: <ModePanel modes={modesBasic()} width={W} height={H} tCursor={100} />,
    },
    { name: 'modes-large', node: <ModePanel modes={modesLarge()} width={W} height={H} /> },
    { name: 'modes-empty', node: <ModePanel modes={null} width={W} height={H} /> },
  ];
  const lang = langevinCurve();
  const es = earlyStopCurve();
  const tables: Fig[] = [
    {
      name: 'exponents-basic',
      node: <ExponentReadout curve={basicCurve()} sweepP={sweepP()} sweepN={sweepN()} />,
    },
    {
      name: 'exponents-null-fits',
      node: <ExponentReadout curve={es} sweepP={sweepOnePoint()} sweepN={null} />,
    },
    { name: 'formulas-gf', node: <Formulas params={es.params} curve={es} /> },
    {
      name: 'formulas-langevin',
      node: (
        <Formulas
          params={makeParams({
            regime: 'langevin',
            T: 1e-4,
            gamma: 1e-3,
            N: 1000,
            sigma02: 0.01,
          })}
          curve={lang}
        />
      ),
    },
    {
      name: 'formulas-bayes',
      node: (
        <Formulas params={makeParams({ regime: 'bayes', T: 1e-4, gamma: 1e-3 })} curve={lang} />
      ),
    },
  ];
  for (const f of [...lc, ...narrow, ...lecture, ...panels, ...tables])
    write(`fig-${f.name.replace(/[^\w-]+/g, '_')}.html`, page(f.name, [f]));
  write('learning-curve.html', page('learning curves', lc));
  write('narrow.html', page('narrow', narrow));
  write('lecture.html', page('lecture', lecture));
  write('panels.html', page('panels', panels));
  write('tables.html', page('tables', tables));
  write('dark.html', page('dark', [...lc.slice(1, 3), panels[0], panels[4]], true));
  return written;
}
