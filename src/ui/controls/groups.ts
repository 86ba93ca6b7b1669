// Where each parameter's control appears. Layout only: the controls themselves are generated from
// PARAM_SPECS; a regime's own parameters (model/regimes.ts) belong to the training group, the
// parameters not listed here otherwise to the model group.
import { PARAM_SPECS, type Params, type ParamSpec } from '../../model/params.ts';
import { regimesOwning } from '../../model/regimes.ts';

export type ControlGroup = 'model' | 'training' | 'time' | 'simulation';

const GROUP: Partial<Record<keyof Params, ControlGroup>> = {
  regime: 'training',
  gamma: 'training',
  T: 'training',
  sigma02: 'training',
  tmin: 'time',
  tmax: 'time',
  nt: 'time',
  seed: 'simulation',
  seeds: 'simulation',
};

export const GROUP_TITLES: Record<ControlGroup, string> = {
  model: 'Model and data',
  training: 'Training',
  time: 'Time window',
  simulation: 'Simulation',
};

function groupOf(key: keyof Params): ControlGroup {
  return GROUP[key] ?? (regimesOwning(key).length > 0 ? 'training' : 'model');
}

export function specsOf(group: ControlGroup): ParamSpec[] {
  return PARAM_SPECS.filter((s) => groupOf(s.key) === group);
}
