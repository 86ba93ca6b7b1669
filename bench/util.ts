// Helpers of the benchmarks: medians over repeated runs after a warm-up, and the machine's load.
import { loadavg } from 'node:os';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export function timeIt(f: () => void, minRuns = 15, minMs = 400): number {
  for (let i = 0; i < 5; i++) f();
  const ms: number[] = [];
  const start = performance.now();
  while (ms.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** The load of the machine now (1-minute average over its cores), for the record. */
export function loadLine(): string {
  const [one, five] = loadavg();
  return `machine load: ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min)`;
}
