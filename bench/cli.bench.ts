// `npm run bench`: start-up of the command line (--help and one default curve, directly and through
// npm) and 1000 curves in one --lines process. Figures, not pass/fail: these machines are noisy.
import { measureStartup, medianWallMs, startupLines } from './startup.ts';

const runs = 10;
console.log(`\n${startupLines(measureStartup(runs), runs).join('\n')}`);
const viaNpm = medianWallMs('npm', ['run', '-s', 'curve', '--', '--help'], runs);
console.log(
  `  npm run -s curve -- --help ${viaNpm.toFixed(0).padStart(5)} ms (npm's own start-up included)`,
);
const sets = Array.from({ length: 1000 }, (_, i) =>
  JSON.stringify({ alpha: 1.2 + (i % 50) * 0.04, P: 100 + i, sigma2: 0.01 }),
).join('\n');
const batch = medianWallMs(process.execPath, ['scripts/curve.mjs', '--lines', '-'], 1, sets);
console.log(
  `CLI --lines: 1000 curves (60 points, early stop, limits, exponents) in one process: ${(batch / 1000).toFixed(1)} s`,
);
