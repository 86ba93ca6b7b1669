// --lines: JSON lines of parameter sets (keys as the flags and URL keys), one JSON result per line
// in order, in one process (the spectrum and κ caches stay warm). A bad line gives
// {"line": n, "error": {"param": key or null, "message": ...}} and the others go on. The rules
// are those of the flags: strict values, the regime named or inferred per line, no key that does
// not act. Flags given with --lines are the base of every line (a line's keys override them).
import { ParamError } from '../model/params.ts';
import { isParamKey } from '../model/paramsCodec.ts';
import { checkMode, type Mode } from './args.ts';
import { evaluate } from './evaluate.ts';
import { jsonText } from './output.ts';
import { CliError, resolveParams, strictValue, type Given } from './resolve.ts';

export interface BatchSummary {
  lines: number;
  failed: number;
}

/** The values of one line: a JSON object whose keys are parameter keys. */
function lineValues(text: string): Given[] {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    throw new CliError('', `not JSON: ${(err as Error).message}`);
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    throw new CliError('', 'a line must be a JSON object of parameters, e.g. {"alpha": 1.5}');
  return Object.entries(obj).map(([key, raw]) => {
    if (!isParamKey(key)) throw new CliError(key, `unknown parameter “${key}” (see --help)`);
    return { key, value: strictValue(key, raw, key), name: key };
  });
}

/** Run every line of `input`; write one result line each through `out`. */
export async function runBatch(
  input: AsyncIterable<string>,
  mode: Mode,
  base: readonly Given[],
  out: (text: string) => void,
  warn: (text: string) => void,
): Promise<BatchSummary> {
  let n = 0;
  let failed = 0;
  // The same --url warning would come with every line: said once.
  const said = new Set<string>();
  for await (const raw of input) {
    n++;
    if (raw.trim() === '') continue;
    try {
      const given = [...base, ...lineValues(raw)];
      const { params } = resolveParams(given);
      const warnings: string[] = [];
      checkMode(mode, given, params, warnings);
      for (const w of warnings) {
        if (said.has(w)) continue;
        said.add(w);
        warn(w);
      }
      const { record } = await evaluate(mode, params);
      out(jsonText({ line: n, ...record }, true));
    } catch (err) {
      failed++;
      const param =
        err instanceof CliError && err.flag !== ''
          ? err.flag
          : err instanceof ParamError
            ? err.param
            : null;
      const message = err instanceof Error ? err.message : String(err);
      out(jsonText({ line: n, error: { param, message } }, true));
    }
  }
  return { lines: n, failed };
}
