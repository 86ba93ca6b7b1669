// npm run preview:charts -- [dir]: HTML pages of every chart fixture (scripts/chartPreview.tsx),
// for looking at the figures in a browser; default dir scratch/charts. The page module is loaded
// through Vite's SSR loader, which handles the charts' CSS imports and JSX as the app build does.
import { resolve } from 'node:path';
import { createServer } from 'vite';

const dir = resolve(process.argv[2] ?? 'scratch/charts');
const server = await createServer({
  appType: 'custom',
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false },
});
try {
  const { writeChartPreview } = (await server.ssrLoadModule('/scripts/chartPreview.tsx')) as {
    writeChartPreview: (dir: string) => string[];
  };
  const files = writeChartPreview(dir);
  console.log(`${files.length} pages in ${dir} (open learning-curve.html, panels.html, …)`);
} finally {
  await server.close();
}
