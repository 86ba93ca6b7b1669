// The control panel, generated from PARAM_SPECS (grouped by groups.ts).
import { useApp } from '../../state/hooks.ts';
import { GROUP_TITLES, specsOf, type ControlGroup } from './groups.ts';
import { NumericControl } from './NumericControl.tsx';
import { RegimeControl } from './RegimeControl.tsx';
import { DataControl } from './DataControl.tsx';

export function ControlGroupView({
  group,
  title = true,
}: {
  group: ControlGroup;
  title?: boolean;
}) {
  return (
    <section className="ctl-group" aria-label={GROUP_TITLES[group]}>
      {title && <h2 className="ctl-group-title">{GROUP_TITLES[group]}</h2>}
      {specsOf(group).map((s) =>
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

/** Cross-parameter adjustments of the last edit, announced politely. */
function Adjustments() {
  const adj = useApp((s) => s.adjustments);
  return (
    <div className="ctl-adjust" role="status" aria-live="polite">
      {adj.map((a) => (
        <p key={a.key}>
          {a.key} set to {a.to}: {a.reason}.
        </p>
      ))}
    </div>
  );
}

export function Controls() {
  return (
    <div className="controls" data-testid="controls">
      <ControlGroupView group="model" />
      <ControlGroupView group="training" />
      <ControlGroupView group="time" />
      <Adjustments />
    </div>
  );
}
