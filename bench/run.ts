// `npm run bench`: every benchmark in turn.
await import('./engine.bench.ts');
await import('./real.bench.ts');
try {
  await import('./simulate.bench.ts');
} catch (err) {
  console.log(`\n(simulator benchmark unavailable: ${(err as Error).message})`);
}
await import('./sgd.bench.ts');
await import('./phase.bench.ts');
await import('./cli.bench.ts');
await import('./runfit.bench.ts');
