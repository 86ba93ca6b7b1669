// No import cycles in src/, type-only imports included: a module's dependencies can be read
// bottom-up (a cycle of types is how two layers start to leak into each other).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(process.cwd(), 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const FROM = /(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]/g;

/** Relative imports and re-exports of every file of src/, as a graph of files. */
function importGraph(): Map<string, string[]> {
  const files = new Set(sources(ROOT));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = [...readFileSync(f, 'utf8').matchAll(FROM)]
      .map((m) => normalize(join(dirname(f), m[1])))
      .filter((d) => files.has(d));
    graph.set(f, deps);
  }
  return graph;
}

/** One cycle, as a list of files, or null (depth-first search with colours). */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === 'open') return [...stack.slice(stack.indexOf(d)), d];
      if (!state.has(d)) {
        const c = visit(d);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of graph.keys()) {
    if (state.has(f)) continue;
    const c = visit(f);
    if (c) return c;
  }
  return null;
}

describe('import graph of src/', () => {
  const graph = importGraph();

  it('is read in full', () => {
    expect(graph.size).toBeGreaterThan(150);
    const edges = [...graph.values()].reduce((n, d) => n + d.length, 0);
    expect(edges).toBeGreaterThan(500);
  });

  it('has no cycle, type-only imports included', () => {
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => relative(ROOT, f))).toBeUndefined();
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(g)).toEqual(['a', 'b', 'c', 'a']);
  });
});
