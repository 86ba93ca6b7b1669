// The start-up time the benchmark prints: the built CLI starts close to bare Node (running the
// TypeScript sources through a loader cost about 0.8 s more).
import { describe, expect, it } from 'vitest';
import { measureStartup, startupLines } from '../../bench/startup.ts';

describe('CLI start-up (bench/startup.ts, printed by npm run bench)', () => {
  it('--help and one default curve start within 0.4 s of a bare node -e 0 (tsx: about 0.8 s more)', () => {
    const runs = 5;
    const f = measureStartup(runs);
    const lines = startupLines(f, runs);
    console.log(lines.join('\n'));
    expect(lines[1]).toMatch(/--help +\d+ ms/);
    expect(lines[2]).toMatch(/one default curve +\d+ ms/);
    // Relative to bare Node: a loaded machine slows both alike (the bound leaves room for load;
    // unloaded the difference is some tens of ms).
    expect(f.help - f.node).toBeLessThan(400);
    expect(f.curve - f.node).toBeLessThan(400);
  });
});
