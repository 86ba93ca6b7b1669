// The warm-up's curves drawn where nobody sees them (compute/warmUp.ts): the learning curve's
// chart, its early-stopping line and its caption, as the curve panel draws them, rendered into an
// element that is never attached to the document. So V8 has compiled the page's drawing code (React
// and the chart's layout, paths, ticks and claims) before the first drag instead of during it.
// Nothing is laid out or painted, and nothing reads the root: it is dropped after the last curve.
// Curves in steps (one-pass SGD) are not drawn: their panel draws them with its own overlay.
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { ClaimSentences } from '../charts/Claimed.tsx';
import { LearningCurve } from '../charts/LearningCurve.tsx';
import { inSteps } from '../model/regimes.ts';
import type { CurveResult } from '../model/types.ts';
import { appStore } from '../state/store.ts';
import { curveCaption, EarlyStopLine } from './CurvePanel.tsx';

let root: Root | null = null;

/** Draw one warm-up curve off the document (`last`: then drop the root). */
export function drawForWarmUp(curve: CurveResult, last: boolean): void {
  if (!inSteps(curve.params.regime)) {
    const { view, custom } = appStore.getState();
    const lecture = view.theme === 'lecture';
    const setting = { at: view.at, tAt: view.tAt };
    const caption = curveCaption(
      curve,
      curve.params,
      setting,
      view.showEtr,
      lecture,
      custom?.name ?? null,
    );
    root ??= createRoot(document.createElement('div'));
    const r = root;
    flushSync(() =>
      r.render(
        <>
          <LearningCurve
            caption={caption.map((c) => c.plain).join(' ')}
            curve={curve}
            width={720}
            height={440}
            variant={lecture ? 'lecture' : 'normal'}
            showEtr={view.showEtr}
            setting={setting}
          />
          <EarlyStopLine curve={curve} />
          <ClaimSentences claims={caption} />
        </>,
      ),
    );
  }
  if (last) {
    root?.unmount();
    root = null;
  }
}
