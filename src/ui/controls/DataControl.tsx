// The data chooser, from the table of data sources (src/model/data/sources.ts): the power-law
// world (α, β) or a pool of images (kernel × task), whose measured spectrum the theory then runs
// on; α, β and M become read-outs of the measured spectrum.
import { useId, useState } from 'react';
import { spectrumJson } from '../../model/data/customSpectrum.ts';
import { KERNEL_LABELS, type KernelKey } from '../../model/data/kernels.ts';
import {
  SOURCES,
  poolPhrase,
  poolSourceOf,
  sourceOf,
  type TaskKey,
} from '../../model/data/sources.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { CustomSpectrumDialog } from '../CustomSpectrumDialog.tsx';
import { downloadText } from '../exportData.ts';
import { RichHelp } from '../RichHelp.tsx';

const CHOICES = SOURCES.filter((s) => s.listed);

/** The chooser's help for a source (a user's file: its own, with the file's name). */
function sourceHelp(data: ReturnType<typeof sourceOf>): string {
  const pool = poolSourceOf(data.id);
  if (pool)
    return `${poolPhrase(pool)}; the theory runs on the measured eigenvalues of K/n and the target power per mode (exact sums over the pool’s modes). α, β and M below are read off the measured spectrum.`;
  return data.spectrum === 'law'
    ? 'Eigenvalues k^{−α} and target power k^{−β}: the idealised model.'
    : '';
}

/** "+1: sandal, sneaker, ankle boot; −1: the rest" (the task's classes, as the option's tooltip). */
function taskClasses(classes: readonly string[], positive: readonly number[]): string {
  return `+1: ${positive.map((c) => classes[c]).join(', ')}; −1: the rest`;
}

export function DataControl() {
  const data = useApp((s) => s.params.data);
  const kernel = useApp((s) => s.params.kernel);
  const task = useApp((s) => s.params.task);
  const custom = useApp((s) => s.custom);
  const [dialog, setDialog] = useState(false);
  const source = sourceOf(data);
  const id = useId();
  const set = <K extends 'data' | 'kernel' | 'task'>(key: K, v: string) => {
    actions().setParam(key, v as never);
  };
  return (
    <fieldset className="ctl ctl-data" data-param="data">
      <legend className="ctl-label">Data</legend>
      <select
        id={`${id}-data`}
        aria-label="Data"
        data-testid="data-choice"
        value={data}
        onChange={(e) => set('data', e.target.value)}
      >
        {CHOICES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
        {/* A user's own spectrum arrives through a link only as the choice, not the file. */}
        {(data === 'custom' || custom) && (
          <option value="custom">
            {custom ? `your spectrum: ${custom.name}` : 'your spectrum file (not loaded)'}
          </option>
        )}
      </select>
      {source.kernels.length > 0 && source.tasks.length > 0 && (
        <div className="ctl-data-mnist">
          <label>
            Kernel{' '}
            <select
              data-testid="data-kernel"
              value={kernel}
              onChange={(e) => set('kernel', e.target.value as KernelKey)}
            >
              {source.kernels.map((k) => (
                <option key={k} value={k}>
                  {KERNEL_LABELS[k]}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Task{' '}
            <select
              data-testid="data-task"
              value={task}
              onChange={(e) => set('task', e.target.value as TaskKey)}
            >
              {source.tasks.map((t) => (
                <option
                  key={t.key}
                  value={t.key}
                  title={source.pool ? taskClasses(source.pool.classes, t.positive) : undefined}
                >
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p className="ctl-help">
        <RichHelp
          text={
            source.spectrum !== 'file'
              ? sourceHelp(source)
              : custom
                ? `Your spectrum (${custom.name}, ${custom.modes.lam.length} modes): the theory runs on its eigenvalues and target powers; α, β and M below are read off it. It is not part of links (too large): share it as a file with “Save (JSON)”.`
                : ''
          }
        />
      </p>
      {data === 'custom' && !custom && (
        <p className="ctl-msg ctl-msg--error" role="alert" data-testid="custom-missing">
          This link chose your own spectrum, which is shared as a file, not in the link (it is too
          large for one). Open the JSON or CSV file you were sent with “Your spectrum…”, or choose
          another data source.
        </p>
      )}
      <div className="ctl-data-custom">
        <button
          type="button"
          className="btn"
          data-testid="custom-open"
          onClick={() => setDialog(true)}
        >
          Your spectrum…
        </button>
        {custom && (
          <button
            type="button"
            className="btn"
            data-testid="custom-export"
            onClick={() =>
              downloadText(
                spectrumJson(custom.name, custom.modes),
                'spectrum.json',
                'application/json',
              )
            }
          >
            Save (JSON)
          </button>
        )}
      </div>
      {dialog && <CustomSpectrumDialog onClose={() => setDialog(false)} />}
    </fieldset>
  );
}
