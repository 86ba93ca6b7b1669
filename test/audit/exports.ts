// The exports of a state, audited like the page: every shown panel's figure footer (the lines the
// SVG and PNG carry, charts/footer.ts) and the opening "# " lines of every data file it offers
// (CSV: what it holds, the figure's description, the parameters, the link) must each be a claim
// made for this state whose checker passes.
import { footerClaims } from '../../src/charts/footer.ts';
import { claimsMade, type Claim } from '../../src/claims/registry.ts';
import { verifyClaim } from '../../src/claims/verify.ts';
import type { Oracle } from '../../src/claims/oracle.ts';
import { LESSON_BOOK } from '../../src/lessons/apply.ts';
import { serializeUrlState } from '../../src/state/url.ts';
import { urlStateOf, type AppData } from '../../src/state/store.ts';
import { figuresShown, isShown, PANEL_TABLE } from '../../src/ui/panels.ts';
import { norm } from './collect.ts';

export interface ExportReport {
  /** Footer and preamble lines checked. */
  lines: number;
  claims: Claim[];
  problems: string[];
}

/** The link the Export menu writes into the files (the address bar the URL sync keeps). */
export function linkOf(s: AppData): string {
  return `http://localhost/?${serializeUrlState(urlStateOf(s), { lessons: LESSON_BOOK })}`;
}

/** Check every export's footer and preamble lines in state `s`. */
export async function auditExports(s: AppData, oracle: Oracle): Promise<ExportReport> {
  const url = linkOf(s);
  const problems: string[] = [];
  const claims: Claim[] = [];
  let lines = 0;
  const check = (c: Claim, where: string) => {
    claims.push(c);
    for (const p of verifyClaim(c, oracle)) problems.push(`${where} ${c.id}: ${p}`);
  };
  for (const r of PANEL_TABLE) {
    if (!isShown(r, s)) continue;
    for (const f of figuresShown(r, s)) {
      for (const c of footerClaims(s.results.curve, s.params, url, f.facts(s))) {
        lines++;
        check(c, `${f.name} footer`);
      }
    }
    for (const d of r.data) {
      if (d.type !== 'text/csv' || !d.ready(s)) continue;
      const text = await d.write(s, url);
      if (text === null) continue;
      const made = [...claimsMade().values()];
      for (const line of text.split('\n')) {
        if (!line.startsWith('# ')) break;
        lines++;
        const shown = norm(line.slice(2));
        const c = made.find((m) => norm(m.plain) === shown || norm(m.markup) === shown);
        if (!c) problems.push(`${d.file}: the line "${shown}" is no claim`);
        else check(c, d.file);
      }
    }
  }
  return { lines, claims, problems };
}
