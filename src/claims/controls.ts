// What the control panel says about the state: why a control does nothing here (its parameter
// does not act in the regime, or a measured spectrum reads it off the data), which regime is on,
// what the data choice is. Each checker recomputes the fact from the parameter table.
import { actsWithSchedule, isActive, type NumericKey, type Params } from '../model/params.ts';
import { claim, DEFINITION, problems, type Claim } from './registry.ts';

/** A control's note on why it does not act (or what it reads out) in this state. */
export function controlNoteClaim(
  key: NumericKey,
  text: string,
  state: Pick<Params, 'regime' | 'data'> & Partial<Pick<Params, 'schedule'>>,
  readOut: boolean,
): Claim {
  return claim(`control.${key}.note`, text, { params: state }, (o) => {
    void o;
    if (readOut) return problems(state.data === 'powerlaw' && 'read-out said under the power law');
    // A parameter of some SGD schedules only (decay: wsd; final: cosine and wsd) is off under the others.
    const acts =
      isActive(key, state.regime) &&
      (state.schedule === undefined || actsWithSchedule(key, state.schedule));
    return problems(acts && `${key} said inactive, but it acts under ${state.regime}`);
  });
}

/** The regime's paragraph: what it is and which controls it leaves unused (by definition). */
export function regimeClaim(text: string, regime: Params['regime']): Claim {
  return claim('control.regime', text, { params: { regime } }, DEFINITION);
}

/** The data choice's help: what the chosen spectrum is. */
export function dataHelpClaim(text: string, p: Pick<Params, 'data' | 'kernel' | 'task'>): Claim {
  return claim('control.data', text, { params: { data: p.data } }, DEFINITION);
}
