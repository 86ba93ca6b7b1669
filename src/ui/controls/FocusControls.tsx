// Lecture mode: the two or three sliders the lesson names (or the lecturer pinned, view key
// `controls`) stand beside the plot, so the figure and what changes it share one projected screen.
// Every other slider stays in the full control panel below, each with a pin button to bring it up.
import { numericSpec } from '../../model/params.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { NumericControl } from './NumericControl.tsx';
import { useFocusKeys } from './PinSlider.tsx';

export function FocusControls() {
  const keys = useFocusKeys();
  const pinned = useApp((s) => s.view.controls.length > 0);
  return (
    <section
      className="focus-controls"
      aria-label="Sliders for this figure"
      data-testid="focus-controls"
    >
      {keys.map((k) => (
        <NumericControl key={k} spec={numericSpec(k)} />
      ))}
      {pinned && (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => actions().setView({ controls: [] })}
        >
          Back to the lesson’s sliders
        </button>
      )}
    </section>
  );
}
