// The learning regime as a segmented control: native radio buttons (arrow keys move between them),
// styled as one row of buttons.
import { useId } from 'react';
import { REGIME_LABELS, REGIMES, SPEC_BY_KEY, type EnumSpec } from '../../model/params.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { ClaimText } from '../../charts/Claimed.tsx';
import { regimeClaim } from '../../claims/controls.ts';
import { REGIME_SHORT } from './regimes.ts';
import { REGIME_DESCRIPTION } from '../../claims/regimes.ts';

export function RegimeControl() {
  const spec = SPEC_BY_KEY.regime as EnumSpec;
  const regime = useApp((s) => s.params.regime);
  const id = useId();
  return (
    <fieldset className="ctl ctl-regime" data-param="regime">
      <legend className="ctl-label">{spec.label}</legend>
      <div className="segmented" role="radiogroup" aria-describedby={`${id}-help`}>
        {REGIMES.map((r) => (
          <label key={r} className={r === regime ? 'seg seg--on' : 'seg'} title={REGIME_LABELS[r]}>
            <input
              type="radio"
              name={`regime-${id}`}
              value={r}
              checked={r === regime}
              aria-label={REGIME_LABELS[r]}
              data-testid={`regime-${r}`}
              onChange={() => actions().setParam('regime', r)}
            />
            <span aria-hidden="true">{REGIME_SHORT[r]}</span>
          </label>
        ))}
      </div>
      <p className="ctl-help" id={`${id}-help`} data-testid="regime-description">
        <ClaimText
          claim={regimeClaim(`${REGIME_LABELS[regime]}. ${REGIME_DESCRIPTION[regime]}`, regime)}
        />
      </p>
    </fieldset>
  );
}
