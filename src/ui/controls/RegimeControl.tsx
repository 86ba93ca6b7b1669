// The learning regime as a segmented control: native radio buttons (arrow keys move between them),
// styled as one row of buttons.
import { useId } from 'react';
import { SPEC_BY_KEY, type EnumSpec } from '../../model/params.ts';
import { REGIME, REGIMES } from '../../model/regimes.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { RichHelp } from '../RichHelp.tsx';

export function RegimeControl() {
  const spec = SPEC_BY_KEY.regime as EnumSpec;
  const regime = useApp((s) => s.params.regime);
  const id = useId();
  return (
    <fieldset className="ctl ctl-regime" data-param="regime">
      <legend className="ctl-label">{spec.label}</legend>
      <div className="segmented" role="radiogroup" aria-describedby={`${id}-help`}>
        {REGIMES.map((r) => (
          <label key={r} className={r === regime ? 'seg seg--on' : 'seg'} title={REGIME[r].label}>
            <input
              type="radio"
              name={`regime-${id}`}
              value={r}
              checked={r === regime}
              aria-label={REGIME[r].label}
              data-testid={`regime-${r}`}
              onChange={() => actions().setParam('regime', r)}
            />
            <span aria-hidden="true">{REGIME[r].short}</span>
          </label>
        ))}
      </div>
      <p className="ctl-help" id={`${id}-help`} data-testid="regime-description">
        <strong>{REGIME[regime].label}.</strong> <RichHelp text={REGIME[regime].description} />
      </p>
    </fieldset>
  );
}
