// The audit's machinery: the app rendered in jsdom over the real engine (inProcess.ts), a state
// applied as a user reaches it (a link, a lesson and its "Try it", an action), the page left to
// settle, then every text read (collect.ts) and every claim behind it checked (claims/verify.ts).
import { act, fireEvent, render, type RenderResult } from '@testing-library/react';
import { installCompute, type ComputeControls } from '../../src/compute/bridge.ts';
import { adoptCompute } from '../../src/compute/index.ts';
import { claimsMade, type Claim } from '../../src/claims/registry.ts';
import { engineOracle, verifyClaim } from '../../src/claims/verify.ts';
import { effectiveParams, type Params } from '../../src/model/params.ts';
import { paramsKey } from '../../src/state/pins.ts';
import { appStore, resetStore, type AppData } from '../../src/state/store.ts';
import { App } from '../../src/ui/App.tsx';
import { collect, norm, rawNotation, shownText, type PageText } from './collect.ts';
import { inProcessClient, type InProcess } from './inProcess.ts';

export interface Session {
  ip: InProcess;
  controls: ComputeControls;
  view: RenderResult;
  oracle: ReturnType<typeof engineOracle>;
}

/** jsdom has no ResizeObserver (every browser the app supports has): one that never fires. */
function stubResizeObserver(): void {
  if ('ResizeObserver' in globalThis) return;
  (globalThis as Record<string, unknown>).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** The app rendered once over the in-process engine; states are then applied to its store. */
export function openSession(): Session {
  stubResizeObserver();
  resetStore();
  const ip = inProcessClient();
  const controls = installCompute(appStore, ip.client);
  // The panels' buttons (Fit my runs' Fit) call the compute facade: route it here.
  adoptCompute(controls);
  const view = render(<App />);
  return { ip, controls, view, oracle: engineOracle() };
}

export function closeSession(s: Session): void {
  s.view.unmount();
  s.controls.dispose();
  resetStore();
}

/** Let the compute bridge, the engine and React finish: until no call is in flight. */
export async function settle(s: Session, maxTurns = 400): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < maxTurns; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    const pending = Object.values(appStore.getState().results.status).some((v) => v === 'pending');
    // The formulas are a lazy chunk (KaTeX): wait for it like for a result.
    const loading = !!document.querySelector('[data-testid="formulas-loading"]');
    quiet = s.ip.inFlight() === 0 && !pending && !loading ? quiet + 1 : 0;
    if (quiet >= 2) return;
  }
  throw new Error(`the page did not settle (${s.ip.inFlight()} calls in flight)`);
}

export async function apply(s: Session, f: () => void): Promise<void> {
  await act(async () => f());
  await settle(s);
}

/** Whether a claim was made for the state on screen (or one of its pins). */
function madeFor(c: Claim, st: AppData): string | null {
  const cur = st.results.curve?.params;
  const candidates: Params[] = [st.params, ...(cur ? [cur] : []), ...st.pins];
  const auto = st.view.timeWindow === 'auto';
  const measured = st.params.data !== 'powerlaw';
  const skip = new Set<string>(['seed', 'seeds']);
  if (auto) ['tmin', 'tmax', 'nt'].forEach((k) => skip.add(k));
  if (measured) ['alpha', 'beta', 'M'].forEach((k) => skip.add(k));
  const keys = Object.keys(c.state.params).filter((k) => !skip.has(k)) as (keyof Params)[];
  const ok = candidates.some((p) => {
    const e = effectiveParams(p);
    const ce = effectiveParams({ ...p, ...c.state.params } as Params);
    return keys.every((k) => ce[k] === e[k]);
  });
  if (!ok)
    return `made for ${keys.map((k) => `${k}=${String(c.state.params[k])}`).join(', ')}, not for the state on screen (${paramsKey(st.params)})`;
  const set = c.state.setting;
  if (set && (set.at !== st.view.at || (set.at === 't' && set.tAt !== st.view.tAt)))
    if (st.params.regime !== 'bayes')
      return `made for the scaling panels at ${set.at}, the view has ${st.view.at}`;
  return null;
}

export interface StateReport {
  name: string;
  /** Claims on the page, checked. */
  checked: number;
  problems: string[];
}

/** Texts the page must never show, raw notation included. */
const FORBIDDEN = /NaN|undefined|Infinity|\[object/;

/** Read the page and check every claim on it. */
export function auditPage(s: Session, name: string, root: Element = document.body): StateReport {
  const page: PageText = collect(root);
  const st = appStore.getState();
  const problems: string[] = [];
  for (const u of page.unclaimed) problems.push(`unclaimed text "${u.text}" at ${u.where}`);
  for (const t of page.all) {
    const raw = rawNotation(t);
    if (raw) problems.push(`raw notation "${raw}" in "${t}"`);
    if (FORBIDDEN.test(t)) problems.push(`"${t}"`);
  }
  const seen = new Set<Claim>();
  let checked = 0;
  for (const x of page.said) {
    const c = x.claim;
    if (!c) {
      problems.push(`data-claim="${x.id}" names no claim (text "${x.text}")`);
      continue;
    }
    if (c.tex !== undefined) {
      const tex = x.el.querySelector('[data-tex]')?.getAttribute('data-tex');
      if (tex !== c.tex) problems.push(`${x.id}: the page typesets "${tex}", the claim "${c.tex}"`);
    } else if (norm(c.plain) !== x.text)
      problems.push(`${x.id}: the page shows "${x.text}", the claim says "${norm(c.plain)}"`);
    if (c.notation.length) problems.push(`${x.id}: notation ${c.notation.join('; ')}`);
    const stale = madeFor(c, st);
    if (stale) problems.push(`${x.id}: ${stale}`);
    if (seen.has(c)) continue;
    seen.add(c);
    checked++;
    for (const p of verifyClaim(c, s.oracle)) problems.push(`${x.id}: ${p}`);
  }
  return { name, checked, problems: problems.map((p) => `${name}: ${p}`) };
}

/** Focus an element (its tooltip or read-out shows), read what appeared, blur it. */
export async function withFocus<T>(el: Element, f: () => T): Promise<T> {
  await act(async () => {
    fireEvent.focus(el);
  });
  try {
    return f();
  } finally {
    await act(async () => {
      fireEvent.blur(el);
    });
  }
}

export { claimsMade, shownText };
