// The control panel, generated from PARAM_SPECS (grouped by groups.ts).
import { actions, useApp } from '../../state/hooks.ts';
import { ClaimText } from '../../charts/Claimed.tsx';
import { claim, DEFINITION } from '../../claims/registry.ts';
import { adjustmentClaim } from '../../claims/notices.ts';
import { GROUP_TITLES, specsOf, type ControlGroup } from './groups.ts';
import { NumericControl } from './NumericControl.tsx';
import { RegimeControl } from './RegimeControl.tsx';
import { DataControl } from './DataControl.tsx';
import { hasDynamics } from '../../model/regimes.ts';

const NONE: readonly string[] = [];

export function ControlGroupView({
  group,
  title = true,
  exclude = NONE,
}: {
  group: ControlGroup;
  title?: boolean;
  /** Parameters whose sliders stand elsewhere (lecture mode: beside the plot). */
  exclude?: readonly string[];
}) {
  return (
    <section className="ctl-group" aria-label={GROUP_TITLES[group]}>
      {title && <h2 className="ctl-group-title">{GROUP_TITLES[group]}</h2>}
      {group === 'time' && <TimeWindowToggle />}
      {specsOf(group)
        .filter((s) => !exclude.includes(s.key))
        .map((s) =>
          s.kind === 'number' ? (
            <NumericControl key={s.key} spec={s} />
          ) : s.key === 'regime' ? (
            <RegimeControl key={s.key} />
          ) : s.key === 'data' ? (
            <DataControl key={s.key} />
          ) : null,
        )}
    </section>
  );
}

/** Automatic time window on/off; off freezes the window on screen as typed values. */
function TimeWindowToggle() {
  const auto = useApp((s) => s.view.timeWindow === 'auto');
  const timeless = useApp((s) => !hasDynamics(s.params.regime));
  return (
    <label className="ctl ctl-check" data-testid="time-window-auto">
      <input
        type="checkbox"
        checked={auto}
        onChange={(e) => actions().setTimeWindow(e.target.checked ? 'auto' : 'manual')}
      />{' '}
      Automatic time window
      <span className="ctl-help">
        {' '}
        <ClaimText
          claim={claim(
            'control.time-window',
            (auto
              ? '— from where E_g leaves its initial value to where it has settled; typing t_{min} or t_{max} fixes it.'
              : '— off: the typed t_{min}, t_{max} are used.') +
              (timeless ? ' (Bayes: the window is that of the Langevin path drawn.)' : ''),
            { params: {} },
            DEFINITION,
          )}
        />
      </span>
    </label>
  );
}

/** Cross-parameter adjustments of the last edit, announced politely. */
function Adjustments() {
  const adj = useApp((s) => s.adjustments);
  return (
    <div className="ctl-adjust" role="status" aria-live="polite">
      {adj.map((a) => (
        <ClaimText key={a.key} as="p" claim={adjustmentClaim(a)} />
      ))}
    </div>
  );
}

export function Controls({ exclude = NONE }: { exclude?: readonly string[] }) {
  return (
    <div className="controls" data-testid="controls">
      <ControlGroupView group="model" exclude={exclude} />
      <ControlGroupView group="training" exclude={exclude} />
      <ControlGroupView group="time" exclude={exclude} />
      <Adjustments />
    </div>
  );
}
