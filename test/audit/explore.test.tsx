// @vitest-environment jsdom
import { it } from 'vitest';
import { appStore } from '../../src/state/store.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { apply, auditPage, closeSession, openSession } from './harness.tsx';

it('explore', async () => {
  const s = openSession();
  const q = process.env.Q ?? '';
  const { state, notices } = parseUrlState(q);
  await apply(s, () => appStore.getState().applyUrlState(state, 'push', notices));
  const r = auditPage(s, 'landing');
  console.log(r.checked, '\n' + r.problems.join('\n'));
  closeSession(s);
}, 600_000);
