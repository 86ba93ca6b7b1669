// The lecture-mode pin on each slider: pinned sliders stand beside the plot (view key `controls`).
import { numericSpec, type NumericKey } from '../../model/params.ts';
import { focusControls } from '../../lessons/controls.ts';
import { lessonById } from '../../lessons/lessons.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { MAX_FOCUS_CONTROLS } from '../../state/view.ts';
import { plainSymbol } from '../../state/symbols.ts';

/** The sliders beside the plot in the current state. */
export function useFocusKeys(): NumericKey[] {
  const pinned = useApp((s) => s.view.controls);
  const lesson = useApp((s) => s.view.lesson);
  return focusControls(pinned, lessonById(lesson));
}

/** Pin or unpin a slider beside the plot (the set shown becomes the pinned set). */
export function PinSlider({ k }: { k: NumericKey }) {
  const shown = useFocusKeys();
  const on = shown.includes(k);
  const name = plainSymbol(numericSpec(k).symbol);
  const toggle = () => {
    const next = on ? shown.filter((x) => x !== k) : [...shown, k].slice(-MAX_FOCUS_CONTROLS);
    actions().setView({ controls: next });
  };
  return (
    <button
      type="button"
      className="btn btn--icon ctl-pin"
      aria-pressed={on}
      aria-label={on ? `Unpin ${name} from beside the plot` : `Pin ${name} beside the plot`}
      title={on ? 'Unpin from beside the plot' : 'Pin beside the plot'}
      data-testid={`pin-slider-${k}`}
      onClick={toggle}
    >
      {on ? '−' : '+'}
    </button>
  );
}
