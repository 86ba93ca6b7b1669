// Work counted per input for the performance benchmark (perf.bench.spec.ts): what the page does
// for one slider input, counted rather than timed, so the numbers do not move with the load of a
// shared machine. Installed before the app loads (an init script) and switched on for a counting
// pass only (the React walk costs time of its own):
//   · React commits and components rendered (a DevTools global hook: React reports every commit
//     to it, production builds included; a component rendered when its fiber did work in that
//     commit), by component name (the e2e build keeps names),
//   · DOM mutation records (a MutationObserver on the document), KaTeX typesets (new .katex
//     elements),
//   · history.replaceState / pushState calls,
//   · messages and bytes posted from the workers to the page (typed arrays by their byte length,
//     numbers 8 bytes, strings 2 per character: what the page deserialises).
import type { Page } from '@playwright/test';

export interface Counts {
  inputs: number;
  commits: number;
  renders: number;
  byName: Record<string, number>;
  /** Commits that redrew the learning curve, and what else rendered in them (on its path). */
  curveCommits: number;
  withCurve: Record<string, number>;
  mutations: number;
  /** Mutation records by the nearest [data-testid] around their target. */
  mutationsIn: Record<string, number>;
  katex: number;
  replaceState: number;
  pushState: number;
  workerMessages: number;
  workerBytes: number;
}

/** Install the counters (call before page.goto). */
export async function installCounters(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const zero = (): Counts => ({
      inputs: 0,
      commits: 0,
      renders: 0,
      byName: {},
      curveCommits: 0,
      withCurve: {},
      mutations: 0,
      mutationsIn: {},
      katex: 0,
      replaceState: 0,
      pushState: 0,
      workerMessages: 0,
      workerBytes: 0,
    });
    const w = window as unknown as {
      __counts: Counts;
      __counting: boolean;
      __resetCounts: () => void;
      __observe: (on: boolean) => void;
      __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown;
    };
    w.__counts = zero();
    w.__counting = false;
    w.__resetCounts = () => {
      w.__counts = zero();
    };

    interface Fiber {
      tag: number;
      type: unknown;
      flags: number;
      alternate: Fiber | null;
      child: Fiber | null;
      sibling: Fiber | null;
    }
    // Function (0), class (1), forwardRef (11), memo (14), simple memo (15) components.
    const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
    const PERFORMED_WORK = 1;
    const nameOf = (t: unknown): string => {
      const f = t as { displayName?: string; name?: string; type?: unknown; render?: unknown };
      if (typeof t === 'function') return f.displayName || f.name || 'anonymous';
      if (t && typeof t === 'object') return nameOf(f.type ?? f.render);
      return 'anonymous';
    };
    // Only subtrees reconciled in this commit are visited: a parent whose children were not
    // cloned (child === alternate.child) bailed out with nothing below to do.
    const walk = (root: Fiber) => {
      const stack: Fiber[] = [root];
      const names: string[] = [];
      let guard = 0;
      while (stack.length && guard++ < 1e6) {
        const f = stack.pop()!;
        if (COMPONENT_TAGS.has(f.tag) && (f.alternate === null || f.flags & PERFORMED_WORK))
          names.push(nameOf(f.type));
        if (f.alternate !== null && f.child === f.alternate.child) {
          if (f.sibling) stack.push(f.sibling);
          continue;
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
      const c = w.__counts;
      c.renders += names.length;
      const curve = names.includes('LearningCurve');
      if (curve) c.curveCommits++;
      for (const n of names) {
        c.byName[n] = (c.byName[n] ?? 0) + 1;
        if (curve) c.withCurve[n] = (c.withCurve[n] ?? 0) + 1;
      }
    };
    let rendererId = 0;
    w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => ++rendererId,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
        if (!w.__counting) return;
        w.__counts.commits++;
        // The root's own child list: the root fiber itself is always new.
        if (root.current.child) walk(root.current.child);
      },
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      checkDCE: () => {},
    };

    for (const m of ['replaceState', 'pushState'] as const) {
      const orig = history[m].bind(history);
      history[m] = (...args: Parameters<History['pushState']>) => {
        if (w.__counting) w.__counts[m]++;
        orig(...args);
      };
    }

    const bytes = (x: unknown, depth = 0): number => {
      if (depth > 64) return 0;
      if (typeof x === 'number') return 8;
      if (typeof x === 'string') return 2 * x.length;
      if (typeof x !== 'object' || x === null) return 1;
      if (ArrayBuffer.isView(x)) return x.byteLength;
      if (x instanceof ArrayBuffer) return x.byteLength;
      let n = 0;
      for (const v of Object.values(x)) n += bytes(v, depth + 1);
      return n;
    };
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        this.addEventListener('message', (e: MessageEvent) => {
          if (!w.__counting) return;
          w.__counts.workerMessages++;
          w.__counts.workerBytes += bytes(e.data);
        });
      }
    };

    document.addEventListener(
      'input',
      () => {
        if (w.__counting) w.__counts.inputs++;
      },
      true,
    );
    const isKatex = (n: Node) =>
      n instanceof Element && (n.classList.contains('katex') || n.querySelector('.katex') !== null);
    const where = (n: Node) => {
      const e = n instanceof Element ? n : n.parentElement;
      return e?.closest('[data-testid]')?.getAttribute('data-testid') ?? 'page';
    };
    // Observed while counting only: an observer of the whole document slows every mutation.
    const observer = new MutationObserver((records) => {
      const c = w.__counts;
      c.mutations += records.length;
      for (const r of records) {
        const k = where(r.target);
        c.mutationsIn[k] = (c.mutationsIn[k] ?? 0) + 1;
        for (const n of r.addedNodes) if (isKatex(n)) c.katex++;
      }
    });
    w.__observe = (on: boolean) => {
      if (on)
        observer.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      else observer.disconnect();
    };
  });
}

/** Start counting from zero. */
export async function startCounting(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __counting: boolean;
      __resetCounts: () => void;
      __observe: (on: boolean) => void;
    };
    w.__resetCounts();
    w.__counting = true;
    w.__observe(true);
  });
}

/** Stop counting and read the counts. */
export async function stopCounting(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __counting: boolean;
      __counts: Counts;
      __observe: (on: boolean) => void;
    };
    w.__observe(false);
    w.__counting = false;
    return w.__counts;
  });
}

/** Renders in `all` less those in `some`, by component. */
function apart(all: Record<string, number>, some: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(all)
      .map(([n, k]) => [n, k - (some[n] ?? 0)] as const)
      .filter(([, k]) => k > 0),
  );
}

/** One line of counts per input, and the components rendered most often. */
export function formatCounts(c: Counts, top = Number(process.env.BENCH_TOP ?? 10)): string {
  const per = (x: number) => (c.inputs > 0 ? (x / c.inputs).toFixed(1) : '—');
  const kb = (x: number) => (c.inputs > 0 ? (x / c.inputs / 1024).toFixed(1) : '—');
  const most = (m: Record<string, number>) =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([n, k]) => `${n} ${per(k)}`)
      .join(', ');
  return (
    `per input (${c.inputs} inputs): ${per(c.commits)} commits, ${per(c.renders)} renders, ` +
    `${per(c.mutations)} DOM mutations, ${per(c.katex)} KaTeX, ` +
    `${per(c.replaceState)} replaceState, ${per(c.workerMessages)} worker messages ` +
    `(${kb(c.workerBytes)} kB)\n    renders: ${most(c.byName)}\n` +
    `    with the curve (${per(c.curveCommits)} commits): ${most(c.withCurve)}\n` +
    `    in the other commits: ${most(apart(c.byName, c.withCurve))}\n    mutations: ${most(c.mutationsIn)}`
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/**
 * Profile the main thread while `body` runs (Chrome's sampling profiler through CDP) and list the
 * functions taking the most time of their own, with their share of the samples.
 */
export async function profileTop(page: Page, body: () => Promise<unknown>, top = 25) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await body();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = profile.timeDeltas[i] / 1000;
    total += dt;
    const f = n.callFrame;
    const file =
      f.url
        .split('/')
        .pop()
        ?.replace(/-[\w-]{8}\.js$/, '') ?? '';
    const k = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([k, ms]) =>
        `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`,
    )
    .join('\n');
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  ts: number;
  args?: { name?: string };
}

/**
 * Trace the page's main thread while `body` runs (Chrome's devtools.timeline categories) and sum
 * the time of its top-level tasks' steps by kind: script, style, layout, paint, garbage collection.
 */
export async function traceTop(page: Page, body: () => Promise<unknown>, top = 16) {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute'] });
  await body();
  const buf = await browser.stopTracing();
  const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events
    .filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time per event name: an event's duration less its children's (events nest by time).
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const f = stack.pop()!;
      self.set(f.e.name, (self.get(f.e.name) ?? 0) + (f.e.dur! - f.child) / 1000);
    }
  };
  for (const e of mine) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1].child += e.dur!;
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
}

/** The work after a drag's release (the panels catching up), in total. */
export function formatRelease(c: Counts): string {
  return (
    `after the release: ${c.commits} commits, ${c.renders} renders, ${c.mutations} DOM mutations ` +
    `(${Object.entries(c.mutationsIn)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), ${c.katex} KaTeX, ${c.pushState} pushState, ${c.workerMessages} worker ` +
    `messages (${(c.workerBytes / 1024).toFixed(1)} kB)`
  );
}
