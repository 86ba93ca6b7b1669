// Seeds of the exact simulation are independent draws (seed i is the i-th random stream of the base
// seed), so they can run on several workers at once. Each worker takes the next seed when it is
// free, which balances seeds of unequal cost; results are kept by seed index, so aggregating them
// in index order gives the same numbers whatever the number of workers.

/**
 * Workers for a run of `seeds` seeds on a machine with `cores` logical cores: one core is left to
 * the page (drawing, sliders and the theory workers), never more workers than seeds, at least one.
 */
export function simWorkerCount(cores: number | undefined, seeds: number): number {
  const c = cores !== undefined && Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
  return Math.max(1, Math.min(c - 1, Math.floor(seeds)));
}

/**
 * Run seeds 0 … total−1 on `workers` (each runs one seed at a time through `runOne`). `onSeed` is
 * told after each seed with the results so far (holes for seeds not done yet). Rejects with the
 * first failure; the caller stops the workers, which also ends the seeds still running.
 */
export async function runSeeds<W, T>(
  workers: readonly W[],
  total: number,
  runOne: (worker: W, index: number) => Promise<T>,
  onSeed: (done: number, results: readonly (T | undefined)[]) => void = () => {},
): Promise<T[]> {
  const results: (T | undefined)[] = new Array<T | undefined>(total).fill(undefined);
  let next = 0;
  let done = 0;
  let failed = false;
  const loop = async (w: W) => {
    while (!failed && next < total) {
      const i = next++;
      try {
        results[i] = await runOne(w, i);
      } catch (err) {
        failed = true;
        throw err;
      }
      done++;
      onSeed(done, results);
    }
  };
  await Promise.all(workers.map(loop));
  return results as T[];
}

/** The results that are in, in seed order. */
export function doneInOrder<T>(results: readonly (T | undefined)[]): T[] {
  return results.filter((r): r is T => r !== undefined);
}
