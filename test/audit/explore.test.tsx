// @vitest-environment jsdom
// A probe for working on the audit: Q=<link> prints the audit of that one state and, with
// SHOW=<selector>, the texts and claims of the elements it selects. Skipped unless Q is set.
import { it } from 'vitest';
import { appStore } from '../../src/state/store.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { LESSON_BOOK } from '../../src/lessons/apply.ts';
import { apply, auditPage, closeSession, openSession, shownText } from './harness.tsx';

it.skipIf(!process.env.Q)(
  'explore one state',
  async () => {
    const s = openSession();
    const { state, notices } = parseUrlState(process.env.Q ?? '', { lessons: LESSON_BOOK });
    await apply(s, () => appStore.getState().applyUrlState(state, 'push', notices));
    const r = auditPage(s, 'explored');
    console.log(r.checked, '\n' + r.problems.join('\n'));
    if (process.env.SHOW)
      for (const el of document.querySelectorAll(process.env.SHOW))
        console.log(el.getAttribute('data-claim'), '|', shownText(el));
    closeSession(s);
  },
  600_000,
);
