// The pins bar: pin the current curve, see each pin named by its values of the parameters that set
// the pins apart (and the current curve's beside them), remove one or all.
import { pinColor } from '../charts/theme.ts';
import { actions, useApp } from '../state/hooks.ts';
import { currentLabel, labelIgnore, MAX_PINS, paramsKey, pinLabels } from '../state/pins.ts';
import { ClaimText } from '../charts/Claimed.tsx';
import { quotesParams } from '../claims/checks.ts';
import { claim, DEFINITION } from '../claims/registry.ts';
import type { Params } from '../model/params.ts';

/** A pin's label: the values that set it apart, each the pin's own (checked against it). */
function pinLabelClaim(i: number | 'now', text: string, p: Params) {
  return claim(`pins.label.${i}`, text, { params: {} }, quotesParams(p));
}

export function PinsBar() {
  const pins = useApp((s) => s.pins);
  const params = useApp((s) => s.params);
  const timeWindow = useApp((s) => s.view.timeWindow);
  const pinCurves = useApp((s) => s.results.pinCurves);
  const ignore = labelIgnore(timeWindow);
  const labels = pinLabels(pins, params, ignore);
  const current = currentLabel(pins, params, ignore);
  return (
    <div className="pins" data-testid="pins">
      <button
        type="button"
        className="btn"
        data-testid="pin"
        onClick={() => actions().pin()}
        title="Keep the current curve on the plot for comparison (k)"
      >
        Pin curve <kbd>k</kbd>
      </button>
      {pins.length === 0 ? (
        <ClaimText
          className="pins-empty"
          claim={claim(
            'pins.none',
            'No pins yet: pin a curve, then move a slider to compare.',
            { params: {} },
            DEFINITION,
          )}
        />
      ) : (
        <ul className="pins-list" aria-label="Pinned curves">
          {current && (
            <li className="pin pin--current" data-testid="pin-current">
              <ClaimText claim={pinLabelClaim('now', `now: ${current}`, params)} />
            </li>
          )}
          {pins.map((p, i) => {
            const label = labels[i];
            const ready = paramsKey(p) in pinCurves;
            return (
              <li key={`${i}-${paramsKey(p)}`} className="pin" data-pin-index={i}>
                <span className="swatch" style={{ background: pinColor(i) }} aria-hidden="true" />
                <ClaimText className="pin-label" claim={pinLabelClaim(i, label, p)} />
                {!ready && <span className="pin-wait busy-text"> (computing…)</span>}
                <button
                  type="button"
                  className="btn btn--icon"
                  aria-label={`Remove pin: ${label}`}
                  onClick={() => actions().unpin(i)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {pins.length > 0 && (
        <button type="button" className="btn btn--quiet" onClick={() => actions().unpinAll()}>
          Clear pins
        </button>
      )}
      {pins.length >= MAX_PINS && (
        <ClaimText
          className="pins-note"
          claim={claim(
            'pins.max',
            `At most ${MAX_PINS}: the oldest goes.`,
            { params: {} },
            DEFINITION,
          )}
        />
      )}
    </div>
  );
}
