// Fit worker: a user's runs fitted with the theory (src/model/runfit/job.ts), parsing included.
// Progress goes back through a comlink callback (fire and forget: the fit does not wait for it);
// cancelling terminates the worker (the fit is one synchronous computation), which the next fit
// restarts.
import * as Comlink from 'comlink';
import { runFitJob } from '../src/model/runfit/index.ts';
import type { RunFitApi } from '../src/protocol/api.ts';
import { attempt } from '../src/protocol/errors.ts';
import { collectBuffers } from '../src/protocol/transfer.ts';

const api: RunFitApi = {
  async fit(source, options, onProgress) {
    let text = '';
    let failure: unknown = null;
    if (typeof source === 'string') text = source;
    else
      await source
        .text()
        .then((t) => (text = t))
        .catch((e) => (failure = e));
    const env = attempt(() => {
      if (failure) throw failure;
      return runFitJob(text, options, { onProgress: (p) => void onProgress(p) });
    });
    return Comlink.transfer(env, collectBuffers(env));
  },
};

Comlink.expose(api);
